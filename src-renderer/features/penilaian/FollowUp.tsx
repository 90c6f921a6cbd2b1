import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useEditDraft } from '../../components/useEditDraft';
import { errorMessage } from '../../components/errors';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { angkaKredit, capYearlyAngkaKredit } from '../../domain/angkaKredit';
import { formatTanggal, parseIsoDate } from '../../domain/dates';
import { periodText } from '../../domain/periods';
import { jpProgress, monthsBetween, type Evaluation, type Rekomendasi } from '../../domain/evaluation';
import type { Employee } from '../../domain/pegawai';
import type { RulePack } from '../../domain/rulepack';
import type { Skp } from '../../domain/skp';
import { useT } from '../../i18n/i18n';
import { DateField } from '../../components/DateField';

interface Props {
  ev: Evaluation;
  skp: Skp;
  pack: RulePack;
  employee: Employee | undefined;
  /** Not this installation's to write (another office's evaluation at the BKD). */
  readOnly?: boolean;
}

const rekomendasiOf = (e: Evaluation) => ({ rekomendasi: e.rekomendasi });

/** Tindak lanjut after a final evaluation (§9): recommendations, training hours, angka kredit. */
export function FollowUp({ ev, skp, pack, employee, readOnly = false }: Props) {
  const t = useT();
  const { store } = useApp();
  const edit = useEditDraft('evaluations', ev, rekomendasiOf);
  const rek = edit.draft.rekomendasi;
  const setRek = (rekomendasi: Rekomendasi) => edit.change({ rekomendasi });
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const { dirty } = edit;
  const save = async () => {
    try {
      await edit.save((fields, seen) => store.evaluations.saveRekomendasi(ev.id, fields.rekomendasi ?? rek, seen));
      setMsg({ kind: 'success', text: t('eval.followup.saved') });
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(t, err) });
    }
  };

  // AK: a periodic evaluation converts the months of its period; the AKHIR one the whole SKP year (§9.1).
  const jenjang = employee?.jenjang ?? '';
  const months = ev.akhir ? monthsBetween(skp.mulai, skp.selesai) : monthsBetween(ev.mulai, ev.selesai);
  const ak = jenjang && ev.predikat ? angkaKredit(pack, { predikat: ev.predikat, jenjang, months }) : null;
  const akShown = ak !== null && ev.akhir && jenjang ? capYearlyAngkaKredit(pack, jenjang, ak) : ak;

  return (
    <section className="card" data-testid="followup">
      <h2>{t('eval.followup')}</h2>
      <div className="grid-3">
        {(['pengembangan', 'penghargaan', 'pembinaan'] as const).map((k) => (
          <label key={k} className="field">
            <span>{t(`eval.followup.${k}`)}</span>
            <textarea rows={3} value={rek[k]} disabled={readOnly} onChange={(e) => setRek({ ...rek, [k]: e.target.value })} />
          </label>
        ))}
      </div>
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
      {readOnly ? null : (
        <button type="button" disabled={!dirty} onClick={() => void save()}>
          {t('eval.followup.save')}
        </button>
      )}

      {akShown !== null && jenjang ? (
        <p data-testid="angka-kredit">
          {t('eval.ak', {
            ak: akShown.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
            months,
            persen: Math.round(pack.angkaKredit.conversion[ev.predikat as 'BAIK'] * 100),
            koef: pack.angkaKredit.coefficient[jenjang].toLocaleString('id-ID'),
            jenjang: t(`pegawai.jenjang.${jenjang}`),
          })}
        </p>
      ) : null}
      <Trainings employeeId={ev.employeeId} year={ev.year} status={employee?.status.startsWith('PPPK') ? 'PPPK' : 'PNS'} pack={pack} />
    </section>
  );
}

function trainingDates(mulai: string, selesai: string): string {
  const a = parseIsoDate(mulai);
  const b = parseIsoDate(selesai);
  if (!a) return mulai;
  return b && selesai !== mulai ? periodText(a, b) : formatTanggal(a);
}

function Trainings({ employeeId, year, status, pack }: { employeeId: string; year: number; status: 'PNS' | 'PPPK'; pack: RulePack }) {
  const t = useT();
  const { store } = useApp();
  const list = useLiveQuery(() => store.trainings.forEmployee(employeeId, year), [store, employeeId, year]) ?? [];
  const [form, setForm] = useState({ nama: '', mulai: '', selesai: '', jp: '' });
  const [error, setError] = useState<string | null>(null);
  const progress = jpProgress(pack, status, list.map((x) => x.jp));
  const add = async () => {
    setError(null);
    try {
      await store.trainings.add(employeeId, year, { nama: form.nama, mulai: form.mulai, selesai: form.selesai, jp: Number(form.jp.replace(',', '.')) });
      setForm({ nama: '', mulai: '', selesai: '', jp: '' });
    } catch (err) {
      setError(errorMessage(t, err));
    }
  };
  return (
    <div className="trainings">
      <h3>{t('eval.training', { year })}</h3>
      <p data-testid="jp-progress">
        <progress max={progress.target} value={Math.min(progress.total, progress.target)} />{' '}
        {t('eval.training.progress', { total: progress.total, target: progress.target })}
        {progress.cap !== null ? ` ${t('eval.training.cap', { cap: progress.cap })}` : ''}
      </p>
      {progress.overCap ? <Notice kind="warning">{t('eval.training.overCap', { cap: progress.cap ?? 0, total: progress.total })}</Notice> : null}
      <ul>
        {list.map((x) => (
          <li key={x.id}>
            {t('eval.training.item', { nama: x.nama, tanggal: trainingDates(x.mulai, x.selesai), jp: x.jp })}{' '}
            <button type="button" className="link" aria-label={`${t('common.remove')} ${x.nama}`} onClick={() => void store.trainings.remove(x.id)}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-add">
        <input aria-label={t('eval.training.nama')} placeholder={t('eval.training.nama')} value={form.nama} onChange={(e) => setForm({ ...form, nama: e.target.value })} />
        <DateField aria-label={t('eval.training.mulai')} value={form.mulai} onChange={(mulai) => setForm({ ...form, mulai })} />
        <DateField aria-label={t('eval.training.selesai')} value={form.selesai} onChange={(selesai) => setForm({ ...form, selesai })} />
        <input inputMode="decimal" className="narrow" aria-label={t('eval.training.jp')} placeholder="JP" value={form.jp} onChange={(e) => setForm({ ...form, jp: e.target.value })} />
        <button type="button" className="small" onClick={() => void add()}>
          {t('common.add')}
        </button>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
    </div>
  );
}
