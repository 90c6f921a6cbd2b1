import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from './StoreContext';
import type { SyncedTableName } from '../db/schema';
import type { SyncDoc } from '../domain/sync/merge';
import { useT } from '../i18n/i18n';

/** On a copy of another office's record (at the BKD): whose it is, and that it is read-only here. */
export function OwnerNotice({ table, doc }: { table: SyncedTableName; doc: { id: string } | null | undefined }) {
  const t = useT();
  const { store } = useApp();
  const owner = useLiveQuery(async () => (doc ? store.sync.foreignOwner(table, doc as SyncDoc) : null), [store, table, doc]);
  if (!owner) return null;
  return (
    <p className="notice notice-info" data-testid="owner-notice">
      {t('sync.readonly', { office: owner.nama })}
    </p>
  );
}
