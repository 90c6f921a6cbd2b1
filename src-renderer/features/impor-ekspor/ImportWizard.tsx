import { useRef, useState } from 'react';
import { errorMessage } from '../../components/errors';
import { href } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { fromJsDate } from '../../domain/dates';
import { IMPORT_FIELDS, type ImportField } from '../../exchange/headers';
import { ImportSession, type ReadResult } from '../../jobs/importClient';
import type { PlanSummary, ReadOk } from '../../jobs/importProtocol';
import { buildWorkbook, writeWorkbook, XLSX_MIME } from '../../io/sheet';
import { useT } from '../../i18n/i18n';
import { getPlatform } from '../../platform/platform';
import { issueListRows } from './ImportIssues';
import { ImportPreview } from './ImportPreview';
import { fieldLabel, importErrorText } from './importText';

const MAX_FILE = 25 * 1024 * 1024;

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; phase: string; done: number; total: number }
  | { kind: 'mapping'; read: ReadOk; fileName: string; mapping: (ImportField | '')[] }
  | { kind: 'preview'; read: ReadOk; fileName: string; plan: PlanSummary; previous: string | null }
  | { kind: 'done'; text: string; opens: PlanSummary['kind'] };

const memoryKey = (sig: string) => `kinerja.importMapping.${sig}`;

/**
 * Choose file → (worker) read and propose a mapping → user corrects it → (worker) validate and
 * compare → preview with counts, changes and errors → confirm → one transaction. Cancel at any
 * step before confirming writes nothing.
 */
export function ImportWizard() {
  const t = useT();
  const { store } = useApp();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [existingMode, setExistingMode] = useState<'update' | 'skip'>('update');
  const [onlyValid, setOnlyValid] = useState(false);
  const session = useRef<ImportSession | null>(null);

  const progress = (p: { phase: string; done: number; total: number }) => setStep({ kind: 'busy', ...p });
  const reset = () => {
    session.current?.cancel();
    session.current = null;
    setOnlyValid(false);
  };
  const cancel = () => {
    reset();
    setStep({ kind: 'idle' });
    setError(t('import.cancelled'));
  };

  const choose = async () => {
    setError(null);
    const res = await getPlatform().openFile({ title: t('import.choose'), filters: [{ name: 'Excel', extensions: ['xlsx', 'xls'] }], maxBytes: MAX_FILE });
    if (res.status === 'cancelled') return;
    if (res.status === 'tooLarge') return setError(t('import.read.tooLarge', { maxMb: MAX_FILE / 1024 / 1024 }));
    reset();
    const s = new ImportSession(store.db.name, progress);
    session.current = s;
    setStep({ kind: 'busy', phase: 'read', done: 0, total: 1 });
    let read: ReadResult;
    try {
      read = await s.read(res.bytes, res.name);
    } catch (err) {
      if (session.current !== s) return;
      setStep({ kind: 'idle' });
      return setError(errorMessage(t, err));
    }
    if (session.current !== s) return;
    if (!read.ok) {
      setStep({ kind: 'idle' });
      reset();
      return setError(t(`import.read.${read.code}` as 'import.read.corrupt', (read.params ?? {}) as Record<string, string | number>));
    }
    const detected = read.mapping.map((f) => ((IMPORT_FIELDS as readonly string[]).includes(f) ? (f as ImportField) : ''));
    const step: Extract<Step, { kind: 'mapping' }> = { kind: 'mapping', read, fileName: res.name, mapping: detected };
    // The Unit kerja and SKP templates have fixed columns: straight to the check.
    if (read.kind !== 'pegawai') return check({ ...step, mapping: [] });
    const remembered = read.meta ? null : localStorage.getItem(memoryKey(read.signature));
    const mapping = remembered ? (JSON.parse(remembered) as string[]).map((f) => ((IMPORT_FIELDS as readonly string[]).includes(f) ? (f as ImportField) : '')) : detected;
    setStep({ ...step, mapping: mapping.length === detected.length ? mapping : detected });
  };

  const check = async (st: Extract<Step, { kind: 'mapping' }>) => {
    const s = session.current;
    if (!s) return;
    if (!st.read.meta && st.read.kind === 'pegawai') localStorage.setItem(memoryKey(st.read.signature), JSON.stringify(st.mapping));
    setStep({ kind: 'busy', phase: 'validate', done: 0, total: st.read.rowCount });
    try {
      const previous = await store.imports.previousBySha(st.read.sha256);
      const plan = await s.plan({ mapping: st.read.kind === 'pegawai' ? st.mapping : st.read.mapping, existingMode, today: fromJsDate(new Date()) });
      if (session.current !== s) return;
      setStep({ kind: 'preview', read: st.read, fileName: st.fileName, plan, previous: previous ? new Date(previous.at).toLocaleString('id-ID') : null });
    } catch (err) {
      if (session.current !== s) return;
      setStep({ kind: 'idle' });
      setError(errorMessage(t, err));
    }
  };

  const confirm = async (st: Extract<Step, { kind: 'preview' }>) => {
    const s = session.current;
    if (!s) return;
    try {
      const log = await s.commit(onlyValid);
      reset();
      setStep({ kind: 'done', opens: st.plan.kind, text: t('import.done', { baru: log.counts.baru ?? 0, berubah: log.counts.berubah ?? 0, tidakBerubah: log.counts.tidakBerubah ?? 0, galat: log.counts.galat ?? 0 }) });
    } catch (err) {
      setStep(st);
      setError(errorMessage(t, err));
    }
  };

  const saveErrors = async (st: Extract<Step, { kind: 'preview' }>) => {
    const rows = issueListRows(t, st.plan.errors, st.plan.warnings, (e) => importErrorText(t, e));
    const bytes = writeWorkbook(buildWorkbook([{ name: 'Galat', rows, widths: [12, 12, 8, 8, 100] }]));
    await getPlatform().saveFile({ title: t('import.errors.save'), suggestedName: `galat-${st.fileName.replace(/\.[^.]+$/, '')}.xlsx`, filters: [{ name: 'Excel', extensions: ['xlsx'] }], bytes, mime: XLSX_MIME });
  };

  return (
    <section className="card" data-testid="import-wizard">
      <h2>{t('import.title')}</h2>
      <p className="lead">{t('import.intro')}</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {step.kind === 'idle' || step.kind === 'done' ? (
        <>
          {step.kind === 'done' ? (
            <Notice kind="success">
              {step.text}{' '}
              {step.opens === 'unit' ? (
                <a href={href('pegawai', 'unit')}>{t('import.openUnits')}</a>
              ) : step.opens === 'skp' ? (
                <a href={href('skp')}>{t('import.openSkp')}</a>
              ) : step.opens === 'realisasi' ? (
                <a href={href('penilaian')}>{t('import.openPenilaian')}</a>
              ) : (
                <a href={href('pegawai')}>{t('import.openList')}</a>
              )}
            </Notice>
          ) : null}
          <button type="button" className="primary" onClick={() => void choose()}>
            {t('import.choose')}
          </button>
        </>
      ) : null}

      {step.kind === 'busy' ? (
        <div data-testid="import-progress">
          <p>{t(step.phase === 'read' ? 'import.reading' : step.phase === 'write' ? 'import.writing' : 'import.validating')}</p>
          <progress max={Math.max(1, step.total)} value={step.done} />{' '}
          {step.phase !== 'write' ? (
            <button type="button" onClick={cancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      ) : null}

      {step.kind === 'mapping' ? (
        <div data-testid="import-mapping">
          <p>
            {step.read.meta
              ? t('import.mapping.template', { file: step.fileName, rows: step.read.rowCount })
              : t('import.mapping.found', { file: step.fileName, sheet: step.read.sheet, row: step.read.headerRowNo, rows: step.read.rowCount })}
          </p>
          <table className="map-table">
            <thead>
              <tr>
                <th>{t('import.mapping.column')}</th>
                <th>{t('import.mapping.sample')}</th>
                <th>{t('import.mapping.field')}</th>
              </tr>
            </thead>
            <tbody>
              {step.read.labels.map((label, c) => (
                <tr key={c}>
                  <td>{label || '—'}</td>
                  <td className="muted">{step.read.sample.map((r) => r[c] ?? '').filter(Boolean).slice(0, 2).join(' · ')}</td>
                  <td>
                    <select
                      aria-label={`${t('import.mapping.field')} ${label || c + 1}`}
                      value={step.mapping[c] ?? ''}
                      onChange={(e) => {
                        const mapping = [...step.mapping];
                        const f = e.target.value as ImportField | '';
                        // One column per field: choosing it here clears it elsewhere.
                        for (let i = 0; i < mapping.length; i++) if (f && mapping[i] === f) mapping[i] = '';
                        mapping[c] = f;
                        setStep({ ...step, mapping });
                      }}
                    >
                      <option value="">{t('import.mapping.ignore')}</option>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {fieldLabel(t, f)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!step.mapping.includes('nip') ? <Notice kind="warning">{t('import.mapping.needNip')}</Notice> : null}
          <fieldset className="plain-fieldset options">
            <legend>{t('import.existing')}</legend>
            <label className="check">
              <input type="radio" name="existing" checked={existingMode === 'update'} onChange={() => setExistingMode('update')} /> {t('import.existing.update')}
            </label>
            <label className="check">
              <input type="radio" name="existing" checked={existingMode === 'skip'} onChange={() => setExistingMode('skip')} /> {t('import.existing.skip')}
            </label>
          </fieldset>
          <p className="field-hint">{t('import.emptyCells')}</p>
          <div className="actions">
            <button type="button" onClick={cancel}>
              {t('common.cancel')}
            </button>
            <button type="button" className="primary" disabled={!step.mapping.includes('nip')} onClick={() => void check(step)}>
              {t('import.check')}
            </button>
          </div>
        </div>
      ) : null}

      {step.kind === 'preview' ? (
        <ImportPreview plan={step.plan} previous={step.previous} onlyValid={onlyValid} setOnlyValid={setOnlyValid} onCancel={cancel} onConfirm={() => void confirm(step)} onSaveErrors={() => void saveErrors(step)} />
      ) : null}
    </section>
  );
}
