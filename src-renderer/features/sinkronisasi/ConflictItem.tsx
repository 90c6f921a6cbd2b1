import { useState } from 'react';
import type { Installation } from '../../domain/sync/access';
import type { OpenConflict, SyncDoc } from '../../domain/sync/merge';
import type { SyncedTableName } from '../../db/schema';
import { useT } from '../../i18n/i18n';
import { pathLabel, typable, valueText, writerText } from '../../components/syncText';

export type Resolve = (table: SyncedTableName, id: string, path: string, value?: unknown) => void;

/** One open conflict or flag: both values side by side, who wrote each and when, and the choices. */
export function ConflictItem({ table, doc, c, installations, resolve }: { table: SyncedTableName; doc: SyncDoc; c: OpenConflict; installations: Installation[]; resolve: Resolve }) {
  const t = useT();
  const [other, setOther] = useState('');
  if (c.kind !== 'field') {
    return (
      <div className="conflict" data-testid="conflict">
        <div className="conflict-kind">{t(`sync.review.${c.kind}`)}: {c.paths.map((p) => pathLabel(t, p)).join(', ')}</div>
        <div className="muted small">{[...new Set(c.heads.map((h) => writerText(t, h.r, installations)))].join('; ')}</div>
        <div className="actions">
          {c.kind === 'afterLock' ? (
            <button type="button" onClick={() => resolve(table, doc.id, c.path)}>{t('sync.review.ack')}</button>
          ) : c.kind === 'deleteEdit' ? (
            <>
              <button type="button" onClick={() => resolve(table, doc.id, 'deleted', true)}>{t('sync.review.keepDeleted')}</button>
              <button type="button" onClick={() => resolve(table, doc.id, 'deleted', false)}>{t('sync.review.restore')}</button>
            </>
          ) : (
            <button type="button" onClick={() => resolve(table, doc.id, c.path, null)}>{t('sync.review.keepDeleted')}</button>
          )}
        </div>
      </div>
    );
  }
  const textual = typable(c.path) && c.heads.every((h) => h.d || typeof h.value === 'string');
  return (
    <div className="conflict" data-testid="conflict">
      <div className="conflict-kind">{t('sync.review.field')}: {pathLabel(t, c.path)}</div>
      <div className="conflict-values">
        {c.heads.map((h) => (
          <div key={h.r} className="conflict-value">
            <div className="value">{valueText(t, h.value, !!h.d, c.path)}</div>
            <div className="muted small">{writerText(t, h.r, installations)}</div>
            <button type="button" onClick={() => resolve(table, doc.id, c.path, h.d ? null : h.value)}>{t('sync.review.use')}</button>
          </div>
        ))}
      </div>
      {textual ? (
        <div className="form-row">
          <input aria-label={t('sync.review.other')} placeholder={t('sync.review.other')} value={other} onChange={(e) => setOther(e.target.value)} />
          <button type="button" disabled={!other.trim()} onClick={() => resolve(table, doc.id, c.path, other.trim())}>{t('sync.review.save')}</button>
        </div>
      ) : null}
    </div>
  );
}
