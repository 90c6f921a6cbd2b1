import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../components/errors';
import { href } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { parseIsoDate, toIsoDate } from '../../domain/dates';
import { PAPER_SIZES, type PaperSize } from '../../domain/office';
import type { DocKind } from '../../domain/verification';
import { useT, type Translate } from '../../i18n/i18n';
import { DEFAULT_ORIENTATION, type Orientation } from '../../print/model';
import { batchFileName, fileNameFor } from '../../print/output';
import { jobFacts } from '../../print/documents';
import type { PrintOutput } from '../../jobs/printProtocol';
import type { SkippedDoc } from '../../print/batch';
import { PrintCancelled, PrintRun, workerCount, type PrintProgress } from '../../jobs/printClient';
import { warmPrintWorkers } from '../../jobs/printPool';
import { GlyphWarning } from './GlyphWarning';
import { SkippedList } from './SkippedList';
import { SignPanel } from './SignPanel';
import { saveOutput } from './saveOutput';
import type { PengesahanDoc } from '../../print/pengesahan';
import { getPlatform } from '../../platform/platform';
import { UnitFilterSelect } from '../../components/UnitOptions';
import { PeriodSelect } from '../../components/PeriodSelect';
import { useChosenPeriod } from '../../components/usePenilaianData';
import { batchJobs, defaultChoices, jobFor, printOptions, type Scope } from './printData';
import { PrintLog } from './PrintLog';
import { DateField } from '../../components/DateField';
import { useGateLoading } from '../../components/LoadGate';
import { useLiveFor } from '../../components/useLiveFor';

const KINDS: readonly DocKind[] = ['SKP', 'EVA', 'DEK', 'RKP'];

type RunState =
  | { kind: 'idle' }
  | { kind: 'busy'; progress: PrintProgress | null }
  | {
      kind: 'done';
      bytes: Uint8Array;
      fileName: string;
      zip: boolean;
      documents: number;
      pages: number;
      drafts: number;
      skipped: SkippedDoc[];
      /** What an electronic signature needs to know of the run (#31). */
      sign: { docs: PengesahanDoc[]; paper: PaperSize; location: string };
    }
  | { kind: 'error'; text: string };

function progressText(t: Translate, p: PrintProgress | null): string {
  if (!p) return t('cetak.progress.start');
  if (p.phase === 'prepare') return t('cetak.progress.prepare', { done: p.done, total: p.total });
  if (p.phase === 'join') return t('cetak.progress.join');
  return p.unit === 'percent' ? t('cetak.progress.renderPct', { pct: p.done }) : t('cetak.progress.renderFiles', { done: p.done, total: p.total });
}

/**
 * Cetak: one form (from the SKP or evaluation editor) or a whole unit for a period, as one PDF or
 * one PDF per employee in a zip. Rendering happens in a worker with progress and Cancel; every
 * printed document goes into the print log that "Verifikasi dokumen" reads. `archived`: shown
 * under an opened archive's title, over the archive's read-only store.
 */
export function CetakScreen({ single, archived }: { single?: { kind: DocKind; id: string }; archived?: boolean }) {
  const t = useT();
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  const chosen = useChosenPeriod();
  const [kind, setKind] = useState<DocKind>(single?.kind ?? 'EVA');
  const [initial] = useState(() => defaultChoices(profile, DEFAULT_ORIENTATION[kind]));
  const [unitId, setUnitId] = useState('');
  const [paper, setPaper] = useState<PaperSize>(initial.paper);
  const [orientation, setOrientation] = useState<Orientation>(initial.orientation);
  const [tanggal, setTanggal] = useState(toIsoDate(initial.tanggal));
  const [withScans, setWithScans] = useState(initial.withScans);
  const [output, setOutput] = useState<PrintOutput>('SATU_PDF');
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const run = useRef<PrintRun | null>(null);
  const units = useLiveQuery(() => store.units.list(), [store]);

  const scope: Scope = { kind, year, periodId: chosen.periodId, unitId };
  // Keyed by what is chosen: "Cetak" right after switching unit or period must not print the previous choice.
  const jobsKey = [single?.kind, single?.id, kind, year, chosen.periodId, unitId].join('|');
  const jobs = useLiveFor(jobsKey, () => (single ? jobFor(store, single.kind, single.id, '').then((j) => (j ? [j] : [])) : batchJobs(store, scope)), [store]);
  // The form is shown once its choices are known: periods and units that filled in later widened the
  // pickers, wrapped the toolbar and moved "Buat PDF" from under the pointer.
  useGateLoading(!chosen.loaded || units === undefined || (single !== undefined && jobs === undefined));
  const drafts = jobs?.filter((j) => jobFacts(j).draft).length ?? 0;
  const signDate = parseIsoDate(tanggal);

  const chooseKind = (k: DocKind) => {
    setKind(k);
    setOrientation(DEFAULT_ORIENTATION[k]);
    setState({ kind: 'idle' });
  };

  // Print workers load pdfmake and the fonts while the user chooses (about 1.7 s each).
  useEffect(() => void warmPrintWorkers(workerCount(Number.POSITIVE_INFINITY)), []);

  const start = async () => {
    if (!jobs || jobs.length === 0 || !signDate) return;
    const r = new PrintRun();
    run.current = r;
    setState({ kind: 'busy', progress: null });
    try {
      const opts = await printOptions(store, profile, { paper, orientation, tanggal: signDate, withScans });
      const zip = !single && output === 'PER_PEGAWAI';
      const title = single ? t(`cetak.kind.${kind}`) : `${t(`cetak.kind.${kind}`)} ${kind === 'SKP' ? year : chosen.period?.label ?? ''}`;
      const result = await r.run(jobs, opts, zip ? 'PER_PEGAWAI' : 'SATU_PDF', title, (progress) => setState({ kind: 'busy', progress }));
      await store.prints.log(result.records);
      const first = result.records[0];
      const unitPart = unitId ? (units?.find((u) => u.id === unitId)?.nama ?? '') : t('cetak.file.all');
      const periodPart = kind === 'SKP' || !chosen.period ? String(year) : `${year} ${chosen.period.label}`;
      const fileName = single && first ? fileNameFor(first, []) : batchFileName([kind, periodPart, unitPart], zip ? 'zip' : 'pdf');
      setState({
        kind: 'done',
        bytes: result.bytes,
        fileName,
        zip,
        documents: result.records.length,
        pages: result.pages,
        drafts: result.records.filter((x) => x.draft).length,
        skipped: result.skipped,
        sign: { docs: result.records.map((r) => ({ title: r.title, ownerNama: r.ownerNama, code: r.code })), paper: opts.paper, location: opts.office.tempat },
      });
    } catch (err) {
      setState(err instanceof PrintCancelled ? { kind: 'idle' } : { kind: 'error', text: errorMessage(t, err) });
    } finally {
      run.current = null;
      void warmPrintWorkers(workerCount(Number.POSITIVE_INFINITY));
    }
  };

  const save = (done: Extract<RunState, { kind: 'done' }>) => saveOutput(t('cetak.save'), done);

  const busy = state.kind === 'busy';
  const needsPeriod = !single && kind !== 'SKP';
  return (
    <div className="page">
      {/* Inside an opened archive (features/arsip) the archive's title is the page's heading. */}
      {archived ? (
        <h2>{t('nav.cetak')}</h2>
      ) : (
        <>
          <h1>{single ? t('cetak.single.title', { kind: t(`cetak.kind.${kind}`) }) : t('nav.cetak')}</h1>
          <p className="toolbar">
            <a href={href('cetak', 'verifikasi')}>{t('verify.link')}</a>
          </p>
        </>
      )}
      <div className="columns">
        <section className="card stack" aria-label={t('cetak.form')}>
          {single ? (
            <p data-testid="cetak-single">
              {jobs?.[0] ? t('cetak.single.doc', { nama: jobs[0].kind === 'SKP' ? jobs[0].skp.pegawai.nama : jobs[0].kind === 'RKP' ? jobs[0].rekap.unitNama : jobs[0].evaluation.pegawai.nama }) : null}
            </p>
          ) : (
            <div className="toolbar">
              <label className="inline-field">
                <span>{t('cetak.kind')}</span>
                <select aria-label={t('cetak.kind')} value={kind} onChange={(e) => chooseKind(e.target.value as DocKind)} disabled={busy}>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`cetak.kind.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              {/* Locked with the other options while a PDF is made: the batch was read for this period and unit. */}
              {needsPeriod ? <PeriodSelect state={chosen} disabled={busy} /> : <span className="muted">{t('cetak.year', { year })}</span>}
              <UnitFilterSelect units={(units ?? []).filter((u) => !u.deleted)} value={unitId} onChange={setUnitId} disabled={busy} />
            </div>
          )}
          <div className="toolbar">
            <label className="inline-field">
              <span>{t('cetak.paper')}</span>
              <select aria-label={t('cetak.paper')} value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)} disabled={busy}>
                {PAPER_SIZES.map((p) => (
                  <option key={p} value={p}>
                    {t(`office.kertas.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              <span>{t('cetak.orientation')}</span>
              <select aria-label={t('cetak.orientation')} value={orientation} onChange={(e) => setOrientation(e.target.value as Orientation)} disabled={busy}>
                <option value="portrait">{t('cetak.orientation.portrait')}</option>
                <option value="landscape">{t('cetak.orientation.landscape')}</option>
              </select>
            </label>
            <label className="inline-field">
              <span>{t('cetak.tanggal')}</span>
              <DateField aria-label={t('cetak.tanggal')} value={tanggal} onChange={setTanggal} disabled={busy} />
            </label>
          </div>
          {!signDate ? <Notice kind="error">{t('cetak.tanggal.invalid')}</Notice> : null}
          <label className="check">
            <input type="checkbox" checked={withScans} onChange={(e) => setWithScans(e.target.checked)} disabled={busy} /> {t('cetak.scans')}
          </label>
          {!single && kind !== 'RKP' ? (
            <fieldset className="inline-radios">
              <legend>{t('cetak.output')}</legend>
              <label>
                <input type="radio" name="output" checked={output === 'SATU_PDF'} onChange={() => setOutput('SATU_PDF')} disabled={busy} /> {t('cetak.output.one')}
              </label>
              <label>
                <input type="radio" name="output" checked={output === 'PER_PEGAWAI'} onChange={() => setOutput('PER_PEGAWAI')} disabled={busy} /> {t('cetak.output.zip')}
              </label>
            </fieldset>
          ) : null}
          <p data-testid="cetak-count">
            {jobs === undefined ? t('app.loading') : jobs.length === 0 ? t('cetak.none') : t('cetak.count', { n: jobs.length })}
            {drafts > 0 ? ` ${t('cetak.drafts', { n: drafts })}` : ''}
          </p>
          <div className="actions">
            {busy ? (
              <button type="button" onClick={() => run.current?.cancel()}>
                {t('common.cancel')}
              </button>
            ) : null}
            <button type="button" className="primary" disabled={busy || !jobs || jobs.length === 0 || !signDate} onClick={() => void start()}>
              {t('cetak.make')}
            </button>
          </div>
          {/* Beneath the button: a warning that came and went above it as each choice was read moved it. */}
          {jobs ? <GlyphWarning jobs={jobs} /> : null}
          {state.kind === 'busy' ? (
            <div data-testid="cetak-progress" role="status">
              <progress max={state.progress?.total ?? 1} value={state.progress?.done ?? 0} /> {progressText(t, state.progress)}
            </div>
          ) : null}
          {state.kind === 'error' ? <Notice kind="error">{state.text}</Notice> : null}
          {state.kind === 'done' ? (
            <div className={state.documents > 0 ? 'notice notice-success' : 'notice notice-error'} data-testid="cetak-done">
              <p>{state.documents > 0 ? t('cetak.done', { documents: state.documents, pages: state.pages, file: state.fileName }) : t('cetak.noneLeft')}</p>
              {state.drafts > 0 ? <p>{t('cetak.done.drafts', { n: state.drafts })}</p> : null}
              <div className="toolbar">
                <button type="button" className="primary" disabled={state.documents === 0} onClick={() => void save(state)}>
                  {state.zip ? t('cetak.saveZip') : t('cetak.save')}
                </button>
                {!state.zip && state.documents > 0 ? (
                  <button type="button" onClick={() => void getPlatform().openPdf({ fileName: state.fileName, bytes: state.bytes })}>
                    {t('cetak.print')}
                  </button>
                ) : null}
              </div>
            </div>
          ) : null}
          {state.kind === 'done' && state.documents > 0 && !archived ? (
            <SignPanel
              key={state.fileName.replace(/-TTE(\.\w+)$/, '$1')}
              output={{ bytes: state.bytes, zip: state.zip, fileName: state.fileName }}
              docs={state.sign.docs}
              paper={state.sign.paper}
              location={state.sign.location}
              onSigned={(bytes, fileName, pages) => setState({ ...state, bytes, fileName, pages })}
            />
          ) : null}
          {state.kind === 'done' ? <SkippedList skipped={state.skipped} /> : null}
        </section>
        <PrintLog />
      </div>
    </div>
  );
}
