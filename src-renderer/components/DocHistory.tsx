import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '../db/schema';
import { useT } from '../i18n/i18n';

/** The audit trail of one document, newest first, with the reasons given for reopening. */
export function DocHistory({ load, deps, testId }: { load(): Promise<AuditEntry[]>; deps: unknown[]; testId: string }) {
  const t = useT();
  const entries = useLiveQuery(load, deps);
  if (!entries) return null;
  return (
    <ol className="history" data-testid={testId}>
      {entries.map((h) => (
        <li key={h.id}>
          <div className="history-head">
            <time dateTime={h.at}>{new Date(h.at).toLocaleString('id-ID')}</time> —{' '}
            {h.source ? t('history.received', { from: h.source.label, paket: h.source.packageId.slice(0, 8) }) : t(`pegawai.history.${h.action}`, { actor: h.actor })}
          </div>
          {h.source && h.changes.length > 0 ? <div className="muted small">{h.changes.map((c) => c.field).join(', ')}</div> : h.note ? <div>{h.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}
