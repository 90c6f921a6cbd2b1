import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from './StoreContext';
import type { Installation } from '../domain/sync/access';

/** This installation's enrolment: undefined while reading, null before sync (an office PC of old). */
export function useInstallation(): Installation | null | undefined {
  const { store } = useApp();
  return useLiveQuery(async () => (await store.settings.getInstallation()) ?? null, [store]);
}
