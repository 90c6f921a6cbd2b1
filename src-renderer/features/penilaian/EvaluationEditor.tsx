import { OwnerNotice } from '../../components/OwnerNotice';
import { attachmentDownload } from '../../domain/fileNames';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { href, useUnsavedGuard } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { DocHistory } from '../../components/DocHistory';
import { Notice } from '../../components/Field';
import { RepoError } from '../../db/errors';
import type { EvaluationEditable } from '../../db/evaluationRepo';
import { formatIsoTanggal, formatTanggal, fromJsDate, parseIsoDate, toIsoDate } from '../../domain/dates';
import {
  ATTACHMENT_MAX_BYTES, emptyHasil, isPoor, sizeOverLimitMb, poorStreak, predikatFor, suggestedLeaderRating, validateEvaluation,
  type Evaluation, type EvaluationIssue, type HasilEntry, type SumberMasukan,
} from '../../domain/evaluation';
import type { Employee } from '../../domain/pegawai';
import { periodText } from '../../domain/periods';
import { RATINGS, type Rating, type RulePack } from '../../domain/rulepack';
import { groupedRhk, rhkLabel, type Skp } from '../../domain/skp';
import { isEvaluationLocked, type EvaluationAction } from '../../domain/workflow';
import { useT, type Translate } from '../../i18n/i18n';
import { getPlatform } from '../../platform/platform';
import { Identity } from '../../components/Identity';
import { PerilakuRow } from '../../components/PerilakuRow';
import { useReasonPrompt } from '../../components/ReasonDialog';
import { UmpanBalikList } from './UmpanBalikList';
import { FollowUp } from './FollowUp';
import { PredikatExplained } from '../../components/PredikatExplained';
import { Toast, ToastSlot } from '../../components/Toast';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { useGateLoading } from '../../components/LoadGate';
import { useLiveFor } from '../../components/useLiveFor';
import { useWritable } from '../../components/useWritable';
import { useEditDraft } from '../../components/useEditDraft';

/** A path only an evaluation's appraiser writes: whether this installation may write any of it. */
const RATING_PROBE = ['ratingHasil'] as const;

function editableOf(e: Evaluation): EvaluationEditable {
  return { hasil: e.hasil, perilaku: e.perilaku, masukan: e.masukan, ratingHasil: e.ratingHasil, ratingPerilaku: e.ratingPerilaku };
}

export function evaluationIssueText(t: Translate, i: EvaluationIssue): string {
  if (i.code === 'realisasiRequired') return t('eval.issue.realisasiRequired', { group: i.group === 'UTAMA' ? 'A' : 'B', no: i.rhkNo ?? 0, teks: i.rhkTeks ?? '' });
  return t(`eval.issue.${i.code}`);
}

type Feedback = { notice: string | null; error: { text: string; issues?: EvaluationIssue[] } | null };

export function EvaluationEditorScreen({ id }: { id: string }) {
  const t = useT();
  const { store } = useApp();
  // Kept above the editor: every save is a new revision, which remounts the editor with fresh data.
  const [feedback, setFeedback] = useState<Feedback>({ notice: null, error: null });
  const loaded = useLiveFor(id, async () => {
    const ev = await store.evaluations.get(id);
    if (!ev) return null;
    const [skp, pack, employee, units] = await Promise.all([
      store.skps.get(ev.skpId),
      store.rulePacks.get(ev.rulePack),
      store.employees.get(ev.employeeId),
      store.units.list(),
    ]);
    if (!skp) return null;
    const led = units.find((u) => u.headId === ev.employeeId && !u.deleted);
    const ownUnit = ev.unitId ? units.find((u) => u.id === ev.unitId) : undefined;
    // The unit's own capaian or the one set above it for the whole office (§7.6).
    const capaianOf = await store.evaluations.capaianMap(ev.periodId);
    const ownResult = capaianOf.of(ev.unitId);
    const ledResult = led ? capaianOf.of(led.id) : undefined;
    const capaianFrom = ownResult.fromUnitId && ownResult.fromUnitId !== ev.unitId ? units.find((u) => u.id === ownResult.fromUnitId)?.nama : undefined;
    return { ev, skp, pack, employee, ownUnit, ownResult, capaianFrom, led, ledResult };
  }, [store]);
  // Held behind the screen's gate until its reads answer: no loading line, then the screen.
  useGateLoading(loaded === undefined);
  if (loaded === undefined) return <p className="loading">{t('app.loading')}</p>;
  if (loaded === null) {
    return (
      <div className="page">
        <Notice kind="error">{t('error.notFound')}</Notice>
      </div>
    );
  }
  // Not remounted per revision: a package landing under an open editor is taken in (useEditDraft).
  return <EvaluationEditor key={loaded.ev.id} {...loaded} feedback={feedback} onFeedback={setFeedback} />;
}

interface EditorProps {
  ev: Evaluation;
  skp: Skp;
  pack: RulePack;
  employee: Employee | undefined;
  ownUnit: { nama: string } | undefined;
  ownResult: { capaian: string } | undefined;
  /** The unit above whose capaian applies, when the evaluation's unit has none of its own. */
  capaianFrom: string | undefined;
  led: { nama: string } | undefined;
  ledResult: { capaian: string } | undefined;
  feedback: Feedback;
  onFeedback(f: Feedback): void;
}

function EvaluationEditor({ ev, skp, pack, employee, ownUnit, ownResult, capaianFrom, led, ledResult, feedback, onFeedback }: EditorProps) {
  const t = useT();
  const { store } = useApp();
  const edit = useEditDraft('evaluations', ev, editableOf);
  const { draft, dirty } = edit;
  const { notice, error } = feedback;
  const setNotice = (text: string | null) => onFeedback({ notice: text, error: null });
  const setError = (e: Feedback['error']) => onFeedback({ notice: null, error: e });
  const [busy, setBusy] = useState(false);
  // What this installation may write (domain/sync/access): a penilai laptop rates, realisasi,
  // bukti dukung and their files are the office's; at the BKD another office's evaluation is read-only.
  const can = useWritable('evaluations', ev, RATING_PROBE);
  const ratingOnly = can.any && !can.whole;
  const readOnly = !can.loading && !can.any;
  const [pending, setPending] = useState<Record<string, boolean>>({});
  useUnsavedGuard(dirty, t('common.unsaved'));
  const locked = isEvaluationLocked(ev.status);
  const issues = validateEvaluation(draft, skp);
  const predikat = predikatFor(pack, draft.ratingHasil, draft.ratingPerilaku);
  const capaian = ownResult?.capaian ? pack.capaianLabels[ownResult.capaian as keyof RulePack['capaianLabels']] : '';
  const leaderSuggestion = led ? suggestedLeaderRating(pack, (ledResult?.capaian ?? '') as Parameters<typeof suggestedLeaderRating>[1]) : '';
  const history = useLiveQuery(() => store.evaluations.forEmployee(ev.employeeId), [store, ev.employeeId]);
  // The history's warnings and the files sit above parts of the form: it is shown once they are read.
  useGateLoading(can.loading || history === undefined);
  const streak = poorStreak((history ?? []).filter((h) => h.status === 'FINAL').map((h) => h.predikat));

  const change = (patch: Partial<EvaluationEditable>) => {
    edit.change(patch);
    if (notice || error) onFeedback({ notice: null, error: null });
  };
  const setHasil = (rhkId: string, patch: Partial<HasilEntry>) =>
    change({ hasil: { ...draft.hasil, [rhkId]: { ...emptyHasil(), ...draft.hasil[rhkId], ...patch } } });

  const run = async <T,>(step: () => Promise<T>, done: (r: T) => string) => {
    setBusy(true);
    try {
      setNotice(done(await step()));
    } catch (err) {
      const found = err instanceof RepoError && err.code === 'evaluationInvalid' ? (err.params.issues as EvaluationIssue[]) : undefined;
      setError({ text: errorMessage(t, err), ...(found ? { issues: found } : {}) });
    } finally {
      setBusy(false);
    }
  };
  // Feedback typed but not added would be lost silently on save or Finalkan: say so instead.
  const unsent = Object.entries(pending).filter(([, typing]) => typing).map(([label]) => label);
  const refuseUnsent = () => {
    if (unsent.length === 0) return false;
    setError({ text: t('eval.umpanBalik.pending', { rhk: unsent.join(', ') }) });
    return true;
  };
  const save = () => (refuseUnsent() ? undefined : run(() => edit.save((fields, seen) => store.evaluations.save(ev.id, fields, seen)), () => t('eval.saved')));
  useSaveShortcut(() => void save(), !locked && dirty && !busy && can.any);
  const transition = (action: EvaluationAction, reason?: string) =>
    refuseUnsent() ? undefined : run(async () => {
      if (dirty) await edit.save((fields, seen) => store.evaluations.save(ev.id, fields, seen));
      await store.evaluations.transition(ev.id, action, reason);
    }, () => t(`eval.done.${action}`));
  const reason = useReasonPrompt<EvaluationAction>((a) => t(`eval.action.${a}`), t('eval.reason.body'), (a, why) => void transition(a, why));

  const finalOn = parseIsoDate(ev.finalPada);
  const range = { start: parseIsoDate(ev.mulai), end: parseIsoDate(ev.selesai) };
  const title = ev.akhir ? `${ev.periodLabel}-AKHIR` : ev.periodLabel;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('eval.editor.title', { nama: ev.pegawai.nama, periode: title })}</h1>
        <span className={`status status-${ev.status}`} data-testid="eval-status">
          {t(`eval.status.${ev.status}`)}
        </span>
        <span className="spacer" />
        <a className="button" href={href('skp', skp.id)}>
          {t('eval.openSkp')}
        </a>
        <a className="button" href={href('penilaian')}>
          {t('common.back')}
        </a>
      </div>
      <OwnerNotice table="evaluations" doc={ev} />
      <p className="lead">
        {range.start && range.end ? t('eval.periodRange', { range: periodText(range.start, range.end) }) : null}
        {ev.akhir ? ` ${t('eval.akhirNote')}` : ''}
      </p>
      {notice ? <Toast text={notice} /> : null}
      {edit.arrival ? <Notice kind="info" testId="edit-arrival">{edit.arrival}</Notice> : null}
      {locked && finalOn ? <Notice kind="info">{t('eval.locked', { tanggal: formatTanggal(finalOn) })}</Notice> : null}

      <section className="card identity">
        <Identity title={t('skp.pegawai')} p={ev.pegawai} />
        <Identity title={t('skp.penilai')} p={ev.penilai} empty={t('skp.penilai.none')} />
      </section>

      <section className="card" data-testid="capaian-card">
        <h2>{t('eval.capaian')}</h2>
        {capaian ? (
          <p>
            {capaianFrom ? t('eval.capaian.inherited', { unit: ownUnit?.nama ?? t('eval.capaian.noUnit'), capaian, from: capaianFrom }) : t('eval.capaian.value', { unit: ownUnit?.nama ?? '', capaian })}
          </p>
        ) : (
          <p className="muted-warn">{t('eval.capaian.notSet', { unit: ownUnit?.nama ?? t('eval.capaian.noUnit') })}</p>
        )}
        <a href={href('penilaian', 'distribusi')}>{t('eval.capaian.set')}</a>
        {led ? (
          <p data-testid="leader-suggestion">
            {leaderSuggestion
              ? t('eval.leader.suggestion', { unit: led.nama, rating: pack.ratingLabels[leaderSuggestion] })
              : t('eval.leader.noCapaian', { unit: led.nama })}{' '}
            {leaderSuggestion && !locked && draft.ratingHasil !== leaderSuggestion ? (
              <button type="button" className="small" onClick={() => change({ ratingHasil: leaderSuggestion })}>
                {t('eval.leader.use')}
              </button>
            ) : null}
          </p>
        ) : null}
      </section>

      <fieldset disabled={locked || busy || readOnly} className="plain-fieldset">
        <section className="card">
          <h2>{t('skp.hasilKerja')}</h2>
          {ratingOnly ? <p className="notice notice-info" data-testid="rating-only">{t('eval.ratingOnly')}</p> : null}
          {groupedRhk(skp.rhk).map(({ group, items }) => (
            <div key={group}>
              <h3>{t(`skp.group.${group}`)}</h3>
              {items.length === 0 ? <p className="muted">{t('skp.emptyGroup')}</p> : null}
              {items.map(({ no, rhk }) => {
                const h = { ...emptyHasil(), ...draft.hasil[rhk.id] };
                return (
                  <div key={rhk.id} className="rhk-card" data-testid="eval-rhk">
                    <div className="rhk-head">
                      <strong>
                        {rhkLabel(group, no)} {rhk.teks}
                      </strong>
                    </div>
                    {rhk.intervensi ? <p className="field-hint">{t('eval.intervensi', { teks: rhk.intervensi.teks })}</p> : null}
                    <ul className="ind-list">
                      {rhk.indikator.map((ind) => (
                        <li key={ind.id}>
                          {ind.aspek ? `${t(`skp.aspek.${ind.aspek}`)}: ` : ''}
                          {ind.teks} — <strong>{t('skp.target')}:</strong> {ind.target}
                        </li>
                      ))}
                    </ul>
                    <div className="grid-2 tight">
                      <label className="field">
                        <span>{t('eval.realisasi')}</span>
                        <textarea rows={2} aria-label={`${t('eval.realisasi')} ${rhkLabel(group, no)}`} value={h.realisasi} disabled={ratingOnly} onChange={(e) => setHasil(rhk.id, { realisasi: e.target.value })} />
                      </label>
                      <label className="field">
                        <span>{t('eval.buktiDukung')}</span>
                        <textarea rows={2} aria-label={`${t('eval.buktiDukung')} ${rhkLabel(group, no)}`} value={h.buktiDukung} disabled={ratingOnly} onChange={(e) => setHasil(rhk.id, { buktiDukung: e.target.value })} />
                      </label>
                    </div>
                    <Attachments evaluationId={ev.id} rhkId={rhk.id} locked={locked || !can.whole} onError={(text) => setError({ text })} />
                    <UmpanBalikList
                      label={rhkLabel(group, no)}
                      entries={h.umpanBalik}
                      range={{ mulai: ev.mulai, selesai: ev.selesai }}
                      onChange={(umpanBalik) => setHasil(rhk.id, { umpanBalik })}
                      onPending={(typing) => setPending((p) => ({ ...p, [rhkLabel(group, no)]: typing }))}
                    />
                  </div>
                );
              })}
            </div>
          ))}
          <RatingSelect name="ratingHasil" label={t('eval.ratingHasil')} pack={pack} value={draft.ratingHasil} onChange={(ratingHasil) => change({ ratingHasil })} />
        </section>

        <section className="card">
          <h2>{t('skp.perilaku')}</h2>
          <p className="field-hint">{t('eval.masukan.hint')}</p>
          {pack.berakhlak.map((v, i) => (
            <PerilakuRow
              key={v.code}
              no={i + 1}
              value={v}
              notes={
                <>
                  {skp.ekspektasi[v.code]?.trim() ? (
                    <p className="field-hint">
                      {t('skp.ekspektasi')}: {skp.ekspektasi[v.code]}
                    </p>
                  ) : null}
                  <Masukan value={v.code} nama={v.nama} entries={draft.masukan} onChange={(masukan) => change({ masukan })} />
                </>
              }
            >
              <label className="field">
                <span>{t('eval.umpanBalik')}</span>
                <textarea rows={3} aria-label={`${t('eval.umpanBalik')} — ${v.nama}`} value={draft.perilaku[v.code] ?? ''} onChange={(e) => change({ perilaku: { ...draft.perilaku, [v.code]: e.target.value } })} />
              </label>
            </PerilakuRow>
          ))}
          <RatingSelect name="ratingPerilaku" label={t('eval.ratingPerilaku')} pack={pack} value={draft.ratingPerilaku} onChange={(ratingPerilaku) => change({ ratingPerilaku })} />
        </section>
      </fieldset>

      <PredikatExplained pack={pack} hasil={draft.ratingHasil} perilaku={draft.ratingPerilaku} predikat={predikat} />

      {isPoor(ev.status === 'FINAL' ? ev.predikat : '') ? (
        <Notice kind="warning">{t(streak > 1 ? 'eval.poor.streak' : 'eval.poor.first', { predikat: pack.predikatLabels[ev.predikat as 'SANGAT_KURANG'], count: streak })}</Notice>
      ) : null}

      {!locked ? (
        <section className="card" data-testid="eval-issues">
          <h2>{t('eval.issues.title')}</h2>
          {issues.length === 0 ? (
            <p className="ok-text">{t('eval.issues.none')}</p>
          ) : (
            <ul className="issues">
              {issues.map((i, k) => (
                <li key={k}>{evaluationIssueText(t, i)}</li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {ev.status === 'FINAL' ? <FollowUp ev={ev} skp={skp} pack={pack} employee={employee} readOnly={!can.path('rekomendasi/pengembangan')} /> : null}

      <section className="card">
        <h2>{t('eval.history')}</h2>
        <DocHistory load={() => store.evaluations.history(ev.id)} deps={[store, ev.id]} testId="eval-history" />
      </section>

      {error ? <Notice kind="error">{error.text}</Notice> : null}
      <div className="action-bar">
        <ToastSlot />
        <a className="button" href={href('cetak', 'EVA', ev.id)}>
          {t('cetak.open.EVA')}
        </a>
        <a className="button" href={href('cetak', 'DEK', ev.id)}>
          {t('cetak.open.DEK')}
        </a>
        {!locked && dirty && can.any ? (
          <button type="button" onClick={() => void save()} disabled={busy}>
            {t('common.save')}
          </button>
        ) : null}
        {!can.path('status') ? null : ev.status === 'DRAF' ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void transition('FINALKAN')}>
            {t('eval.action.FINALKAN')}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => reason.ask('BUKA_KEMBALI')}>
            {t('eval.action.BUKA_KEMBALI')}
          </button>
        )}
      </div>
      {reason.dialog}
    </div>
  );
}

function RatingSelect({ name, label, pack, value, onChange }: { name: string; label: string; pack: RulePack; value: Rating | ''; onChange(r: Rating | ''): void }) {
  const t = useT();
  return (
    <label className="field rating-field">
      <span>{label}</span>
      <select name={name} aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Rating | '')}>
        <option value="">{t('eval.rating.none')}</option>
        {RATINGS.map((r) => (
          <option key={r} value={r}>
            {pack.ratingLabels[r]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Colleagues' and service users' notes on one value: shown as evidence, never scored. */
function Masukan({ value, nama, entries, onChange }: { value: string; nama: string; entries: EvaluationEditable['masukan']; onChange(list: EvaluationEditable['masukan']): void }) {
  const t = useT();
  const [sumber, setSumber] = useState<SumberMasukan>('REKAN_KERJA');
  const [teks, setTeks] = useState('');
  const mine = entries.filter((m) => m.nilai === value);
  return (
    <details className="masukan">
      <summary>{t('eval.masukan.title', { count: mine.length })}</summary>
      <ul>
        {mine.map((m) => (
          <li key={m.id}>
            <em>{t(`eval.masukan.${m.sumber}`)}</em> ({formatIsoTanggal(m.tanggal)}): {m.teks}{' '}
            <button type="button" className="link" aria-label={t('common.remove')} onClick={() => onChange(entries.filter((x) => x.id !== m.id))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-add">
        <select aria-label={`${t('eval.masukan.sumber')} — ${nama}`} value={sumber} onChange={(e) => setSumber(e.target.value as SumberMasukan)}>
          <option value="REKAN_KERJA">{t('eval.masukan.REKAN_KERJA')}</option>
          <option value="PENERIMA_LAYANAN">{t('eval.masukan.PENERIMA_LAYANAN')}</option>
        </select>
        <input aria-label={`${t('eval.masukan.teks')} — ${nama}`} value={teks} onChange={(e) => setTeks(e.target.value)} />
        <button
          type="button"
          className="small"
          disabled={!teks.trim()}
          onClick={() => {
            onChange([...entries, { id: crypto.randomUUID(), sumber, nilai: value, tanggal: toIsoDate(fromJsDate(new Date())), teks: teks.trim() }]);
            setTeks('');
          }}
        >
          {t('eval.umpanBalik.add')}
        </button>
      </div>
    </details>
  );
}

/** Bukti dukung files of one RHK, stored in IndexedDB (PDF/JPG/PNG, size-capped). */
function Attachments({ evaluationId, rhkId, locked, onError }: { evaluationId: string; rhkId: string; locked: boolean; onError(text: string): void }) {
  const t = useT();
  const { store } = useApp();
  const files = useLiveQuery(async () => (await store.evaluations.attachments(evaluationId)).filter((a) => a.rhkId === rhkId), [store, evaluationId, rhkId]);
  useGateLoading(files === undefined);
  const add = async () => {
    const res = await getPlatform().openFile({
      title: t('eval.bukti.add'),
      filters: [{ name: 'PDF / JPG / PNG', extensions: ['pdf', 'jpg', 'jpeg', 'png'] }],
      maxBytes: ATTACHMENT_MAX_BYTES,
    });
    if (res.status === 'cancelled') return;
    if (res.status === 'tooLarge') {
      onError(t('error.attachmentTooLarge', { nama: res.name, maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024, sizeMb: sizeOverLimitMb(res.size) }));
      return;
    }
    try {
      await store.evaluations.addAttachment(evaluationId, rhkId, res.name, res.bytes);
    } catch (err) {
      onError(errorMessage(t, err));
    }
  };
  const download = async (id: string) => {
    const a = await store.evaluations.attachmentData(id);
    if (!a) return;
    const bytes = new Uint8Array(a.data);
    const { name, mime } = attachmentDownload(a.nama, bytes);
    await getPlatform().saveFile({ title: a.nama, suggestedName: name, filters: [], bytes, mime });
  };
  return (
    <div className="bukti" data-testid="bukti">
      <strong>{t('eval.bukti.files')}</strong>{' '}
      {(files ?? []).map((f) => (
        <span key={f.id} className="file-chip">
          <button type="button" className="link" onClick={() => void download(f.id)}>
            {f.nama}
          </button>{' '}
          ({Math.max(1, Math.round(f.ukuran / 1024))} KB)
          {!locked ? (
            <button type="button" className="link" aria-label={`${t('common.remove')} ${f.nama}`} onClick={() => void store.evaluations.removeAttachment(f.id).catch((err: unknown) => onError(errorMessage(t, err)))}>
              ✕
            </button>
          ) : null}
        </span>
      ))}
      {!locked ? (
        <button type="button" className="small" onClick={() => void add()}>
          {t('eval.bukti.add')}
        </button>
      ) : null}
      <span className="field-hint"> {t('eval.bukti.hint', { maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 })}</span>
    </div>
  );
}
