import { useState } from 'react';
import { formatIsoTanggal, fromJsDate, toIsoDate } from '../../domain/dates';
import { feedbackDateDefault, type HasilEntry } from '../../domain/evaluation';
import { useT } from '../../i18n/i18n';
import { DateField } from '../../components/DateField';

/**
 * Dated continuous feedback on one RHK (§3.2). The date starts inside the evaluated period (a
 * Triwulan I form must not print "1 Desember"); Enter adds; text typed but not added is reported to
 * the editor, which refuses to save or finalise until it is added or cleared.
 */
export function UmpanBalikList({ label, entries, range, onChange, onPending }: {
  label: string;
  entries: HasilEntry['umpanBalik'];
  range: { mulai: string; selesai: string };
  onChange(list: HasilEntry['umpanBalik']): void;
  onPending(typing: boolean): void;
}) {
  const t = useT();
  const [tanggal, setTanggal] = useState(() => feedbackDateDefault(toIsoDate(fromJsDate(new Date())), range.mulai, range.selesai));
  const [teks, setTeks] = useState('');
  const type = (v: string) => {
    setTeks(v);
    onPending(v.trim() !== '');
  };
  const add = () => {
    if (!teks.trim() || !tanggal) return;
    onChange([...entries, { id: crypto.randomUUID(), tanggal, teks: teks.trim() }]);
    type('');
  };
  return (
    <div className="umpan-balik">
      <strong>{t('eval.umpanBalik')}</strong>
      {entries.length === 0 ? <p className="muted">{t('eval.umpanBalik.none')}</p> : null}
      <ul>
        {entries.map((u) => (
          <li key={u.id}>
            <time dateTime={u.tanggal}>{formatIsoTanggal(u.tanggal)}</time>: {u.teks}{' '}
            <button type="button" className="link" aria-label={t('common.remove')} onClick={() => onChange(entries.filter((x) => x.id !== u.id))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-add">
        <DateField aria-label={`${t('eval.umpanBalik.tanggal')} ${label}`} value={tanggal} min={range.mulai} max={range.selesai} onChange={setTanggal} />
        <input
          aria-label={`${t('eval.umpanBalik.teks')} ${label}`}
          placeholder={t('eval.umpanBalik.placeholder')}
          value={teks}
          onChange={(e) => type(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        <button type="button" className="small" disabled={!teks.trim() || !tanggal} onClick={add}>
          {t('eval.umpanBalik.add')}
        </button>
      </div>
    </div>
  );
}
