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
            <time dateTime={h.at}>{new Date(h.at).toLocaleString('id-ID')}</time> — {t(`pegawai.history.${h.action}`, { actor: h.actor })}
          </div>
          {h.note ? <div>{h.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}
