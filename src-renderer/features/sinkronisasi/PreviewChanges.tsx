import { pathLabel, valueText } from '../../components/syncText';
import type { RecordChange } from '../../db/syncRepo';
import { tableName, useT } from '../../i18n/i18n';

/** Fields shown per record; the record's history has the rest once applied. */
const FIELDS_SHOWN = 6;

/**
 * The preview, record by record: whose record, from whom, each field old → new, conflicts first
 * (what a person is about to accept, not "Berubah: 1").
 */
export function PreviewChanges({ changes, left }: { changes: readonly RecordChange[]; left: readonly { table: string; id: string; nama?: string }[] }) {
  const t = useT();
  const table = (x: string) => tableName(t, x);
  return (
    <>
      {changes.length > 0 ? (
        <ol className="preview-changes" data-testid="preview-changes">
          {changes.map((c) => (
            <li key={`${c.table}:${c.id}`} className={c.conflicts > 0 ? 'has-conflict' : undefined}>
              <strong>
                {table(c.table)} — {c.nama}
                {c.period ? ` (${c.period})` : ''}
              </strong>{' '}
              <span className="muted">{t('sync.preview.by', { writer: c.writer })}</span>
              {c.conflicts > 0 ? <span className="badge-warn"> · {t('sync.preview.conflictBadge', { count: c.conflicts })}</span> : null}
              {c.created ? (
                <div className="muted">{t('sync.preview.new')}</div>
              ) : (
                <ul>
                  {c.fields.slice(0, FIELDS_SHOWN).map((f) => (
                    <li key={f.field}>
                      {pathLabel(t, f.field)}: {valueText(t, f.from, false, f.field)} → {valueText(t, f.to, false, f.field)}
                    </li>
                  ))}
                  {c.fields.length > FIELDS_SHOWN ? <li className="muted">{t('sync.preview.moreFields', { count: c.fields.length - FIELDS_SHOWN })}</li> : null}
                </ul>
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {left.length > 0 ? (
        <p className="notice notice-info" data-testid="preview-left">
          {t('sync.preview.left', { names: [...new Set(left.filter((l) => l.table === 'employees').map((l) => l.nama ?? ''))].filter(Boolean).join(', ') || String(left.length), count: left.length })}
        </p>
      ) : null}
    </>
  );
}
