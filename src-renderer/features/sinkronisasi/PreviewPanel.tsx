import type { ApplyReport } from '../../db/syncRepo';
import { tableName, useT } from '../../i18n/i18n';
import { PreviewChanges } from './PreviewChanges';

/** From this many new conflicts on, the preview warns before anyone applies the package. */
export const MANY_CONFLICTS = 100;

/** What applying a received package would do: counts, and what would not be applied and why. */
export function PreviewPanel({ from, part, report, onApply, onCancel }: { from: string; part?: { n: number; of: number }; report: ApplyReport; onApply: () => void; onCancel: () => void }) {
  const t = useT();
  const nothing = report.created + report.updated === 0 && report.refusals.length === 0;
  return (
    <div data-testid="sync-preview">
      <h3>{t('sync.preview.title', { from })}</h3>
      {report.alreadyReceived ? <p className="notice notice-info">{t('sync.preview.already')}</p> : nothing ? <p className="notice notice-info">{t('sync.preview.nothing')}</p> : null}
      {part ? <p className="notice notice-info" data-testid="sync-part">{t('sync.part.preview', { n: part.n, of: part.of })}</p> : null}
      {report.fork ? <p className="notice notice-warning" role="alert">{t('sync.fork', { nama: report.fork.nama })}</p> : null}
      {report.conflicts >= MANY_CONFLICTS ? <p className="notice notice-warning" role="alert">{t('sync.preview.manyConflicts', { count: report.conflicts })}</p> : null}
      <ul className="counts">
        <li>{t('sync.preview.created', { count: report.created })}</li>
        <li>{t('sync.preview.updated', { count: report.updated })}</li>
        <li>{t('sync.preview.unchanged', { count: report.unchanged })}</li>
        <li className={report.conflicts > 0 ? 'muted-warn' : undefined}>{t('sync.preview.conflicts', { count: report.conflicts })}</li>
        <li className={report.refusals.length > 0 ? 'muted-warn' : undefined}>{t('sync.preview.refused', { count: report.refusals.length })}</li>
        {report.archived > 0 ? <li data-testid="sync-archived">{t('sync.preview.archived', { count: report.archived })}</li> : null}
      </ul>
      {report.refusals.length > 0 ? (
        <ul className="refusals">
          {report.refusals.slice(0, 50).map((r) => (
            <li key={`${r.table}:${r.id}:${r.reason}`}>{t(`sync.refusal.${r.reason}`, { table: tableName(t, r.table), id: r.id.slice(0, 8) })}</li>
          ))}
        </ul>
      ) : null}
      <PreviewChanges changes={report.changes} left={report.left} />
      {report.clockAhead.map((c) => (
        <p key={c.installId} className="notice notice-warning">
          {t('sync.clockAhead', { nama: c.nama })}
        </p>
      ))}
      <div className="actions">
        <button type="button" className="primary" onClick={onApply} disabled={report.alreadyReceived}>
          {t('sync.preview.apply')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('sync.preview.cancel')}
        </button>
      </div>
    </div>
  );
}
