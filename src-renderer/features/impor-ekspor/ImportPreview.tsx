import { Notice } from '../../components/Field';
import { printedName } from '../../domain/pegawai';
import type { PlanSummary } from '../../jobs/importProtocol';
import { useT } from '../../i18n/i18n';
import { usePegawaiData } from '../../components/usePegawaiData';
import { ImportIssues } from './ImportIssues';
import { ImportRows } from './ImportRows';
import { changeLabel, employeeValueText, importErrorText } from './importText';
import { LembarEffect } from './LembarEffect';

const SHOWN_CHANGES = 50;

interface Props {
  plan: PlanSummary;
  /** When the same file was imported before, in words; null if never. */
  previous: string | null;
  onlyValid: boolean;
  setOnlyValid(v: boolean): void;
  onCancel(): void;
  onConfirm(): void;
  onSaveErrors(): void;
}

/** The check before anything is written: counts, then every row (an employee sheet) or the changes and problems (the other templates). */
export function ImportPreview({ plan, previous, onlyValid, setOnlyValid, onCancel, onConfirm, onSaveErrors }: Props) {
  const t = useT();
  const writes = plan.createCount + plan.updateCount;
  const blocked = plan.errorCount > 0 && !onlyValid;
  return (
    <div data-testid="import-preview">
      <div className="summary" data-testid="import-counts">
        <span className="pill ok">{t('import.count.baru', { count: plan.createCount })}</span>
        <span className="pill plain">{t('import.count.berubah', { count: plan.updateCount })}</span>
        <span className="pill plain">{t('import.count.tidakBerubah', { count: plan.unchanged })}</span>
        {plan.skipped > 0 ? <span className="pill plain">{t('import.count.dilewati', { count: plan.skipped })}</span> : null}
        <span className={`pill ${plan.errorRows > 0 ? 'warn' : 'plain'}`}>{t('import.count.galat', { count: plan.errorRows })}</span>
        {plan.warningRows > 0 ? <span className="pill plain">{t('import.count.peringatan', { count: plan.warningRows })}</span> : null}
      </div>
      {previous ? <Notice kind="info">{t('import.previous', { at: previous })}</Notice> : null}
      {plan.lembar ? <LembarEffect lembar={plan.lembar} /> : null}
      {plan.kind === 'skp' && plan.createCount > 0 ? <p data-testid="import-new-skp">{t('import.skp.new', { names: Object.values(plan.newNames).join(', ') })}</p> : null}
      {plan.rows ? (
        <ImportRows rows={plan.rows} />
      ) : (
        <>
          <PlanChanges plan={plan} />
          <ImportIssues title={t('import.errors.title', { count: plan.errorRows })} issues={plan.errors} total={plan.errorCount} text={(e) => importErrorText(t, e)} testId="import-errors" />
          <ImportIssues title={t('import.warnings.title', { count: plan.warningRows })} issues={plan.warnings} total={plan.warningCount} text={(e) => importErrorText(t, e)} testId="import-warnings" />
        </>
      )}
      {plan.errors.length > 0 || plan.warnings.length > 0 ? (
        <>
          <button type="button" onClick={onSaveErrors}>
            {t('import.errors.save')}
          </button>
          {plan.errors.length > 0 ? (
            <label className="check">
              <input type="checkbox" checked={onlyValid} onChange={(e) => setOnlyValid(e.target.checked)} /> {t('import.onlyValid')}
            </label>
          ) : null}
          {blocked ? <Notice kind="warning">{t('import.blocked')}</Notice> : null}
        </>
      ) : null}
      {writes === 0 && !blocked ? <Notice kind="info">{t('import.nothing')}</Notice> : null}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={blocked || writes === 0} onClick={onConfirm}>
          {t('import.confirm', { count: writes })}
        </button>
      </div>
    </div>
  );
}

/** The Unit kerja and SKP templates' changed records, old → new (an employee sheet shows them on its rows). */
function PlanChanges({ plan }: { plan: PlanSummary }) {
  const t = useT();
  const data = usePegawaiData();
  if (plan.updateCount === 0) return null;
  const planned = new Map(Object.entries(plan.newNames));
  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (field === 'unitId' || field === 'parentId') return data.unitById.get(String(v))?.nama ?? planned.get(String(v)) ?? String(v);
    if (field === 'atasanId' || field === 'headId') {
      const e = data.employeeById.get(String(v));
      return e ? printedName(e) : (planned.get(String(v)) ?? String(v));
    }
    return employeeValueText(t, field, String(v));
  };
  return (
    <details open className="changes">
      <summary>{t('import.changes', { count: plan.updateCount })}</summary>
      <ul data-testid="import-changes">
        {plan.updates.slice(0, SHOWN_CHANGES).map((u) => (
          <li key={u.id}>
            <strong>{u.nama}</strong> ({t('import.row', { row: u.row })}): {u.changes.map((c) => `${changeLabel(t, plan.kind, c.field)}: ${show(c.field, c.from)} → ${show(c.field, c.to)}`).join('; ')}
          </li>
        ))}
      </ul>
      {plan.updateCount > SHOWN_CHANGES ? <p className="muted">{t('home.work.more', { count: plan.updateCount - SHOWN_CHANGES })}</p> : null}
    </details>
  );
}
