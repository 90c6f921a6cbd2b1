import { useState } from 'react';
import { printedName, type Employee } from '../../domain/pegawai';
import { useT } from '../../i18n/i18n';
import type { EmployeeRow } from '../../components/usePegawaiData';

interface Props {
  nama: string;
  subordinates: { id: string; nama: string }[];
  atasan: Employee | null;
  candidates: EmployeeRow[];
  onCancel(): void;
  onConfirm(target: string | null): void;
}

/** Deactivating someone who still appraises active staff: say who, and ask where they go. */
export function DeactivateDialog({ nama, subordinates, atasan, candidates, onCancel, onConfirm }: Props) {
  const t = useT();
  const [choice, setChoice] = useState<'atasan' | 'other' | 'none'>(atasan ? 'atasan' : 'other');
  const [other, setOther] = useState('');
  const target = choice === 'atasan' ? (atasan?.id ?? null) : choice === 'other' ? other || null : null;
  const canConfirm = choice === 'none' || Boolean(target);
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="deactivate-title">
        <h2 id="deactivate-title">{t('pegawai.deactivate.title', { nama })}</h2>
        <p>{t('pegawai.deactivate.body', { nama })}</p>
        <ul className="plain-list" data-testid="subordinates">
          {subordinates.map((s) => (
            <li key={s.id}>{s.nama}</li>
          ))}
        </ul>
        <fieldset className="choices">
          {atasan ? (
            <label className="check">
              <input type="radio" name="reassign" checked={choice === 'atasan'} onChange={() => setChoice('atasan')} />
              {t('pegawai.deactivate.toAtasan', { nama: printedName(atasan), from: nama })}
            </label>
          ) : null}
          <label className="check">
            <input type="radio" name="reassign" checked={choice === 'other'} onChange={() => setChoice('other')} />
            {t('pegawai.deactivate.toOther')}
          </label>
          {choice === 'other' ? (
            <select aria-label={t('pegawai.deactivate.toOther')} value={other} onChange={(e) => setOther(e.target.value)}>
              <option value="">{t('pegawai.atasan.none')}</option>
              {candidates.slice(0, 500).map((r) => (
                <option key={r.e.id} value={r.e.id}>
                  {r.name} — {r.e.jabatan}
                </option>
              ))}
            </select>
          ) : null}
          <label className="check">
            <input type="radio" name="reassign" checked={choice === 'none'} onChange={() => setChoice('none')} />
            {t('pegawai.deactivate.none')}
          </label>
        </fieldset>
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={!canConfirm} onClick={() => onConfirm(target)}>
            {t('pegawai.deactivate.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
