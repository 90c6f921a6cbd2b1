import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../components/StoreContext';

/** What the Sinkronisasi screen shows, re-read whenever the stored records change. */
export function useSyncData() {
  const { store } = useApp();
  const peers = useLiveQuery(() => store.packages.peers(), [store]);
  const conflicts = useLiveQuery(() => store.sync.openConflicts(), [store]);
  const proposals = useLiveQuery(() => store.sync.proposalsWithCurrent(), [store]);
  const duplicates = useLiveQuery(() => store.sync.duplicates(), [store]);
  const installations = useLiveQuery(() => store.sync.installations(), [store]);
  const self = useLiveQuery(() => store.settings.getInstallation(), [store]);
  const employees = useLiveQuery(() => store.employees.listAll(), [store]);
  return { peers, conflicts, proposals, duplicates, installations, self, employees };
}

export type SyncData = ReturnType<typeof useSyncData>;
