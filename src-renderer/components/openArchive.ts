import { useSyncExternalStore } from 'react';
import { archiveDbName, deleteArchiveCopy } from '../db/archiveRepo';
import { DataStore } from '../db/store';
import type { ArchiveSummary } from '../jobs/backupProtocol';

/**
 * The archive open in this window (one at a time): its summary and a read-only store over the
 * archive database the backup worker loaded it into. Screens under #/arsip read it; "Tutup arsip"
 * closes it.
 */
export interface OpenArchive {
  summary: ArchiveSummary;
  store: DataStore;
}

let current: OpenArchive | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export async function showArchive(liveDbName: string, summary: ArchiveSummary): Promise<void> {
  closeArchive();
  current = { summary, store: await DataStore.open(archiveDbName(liveDbName), { readOnly: true }) };
  changed();
}

/** Closed, its copy is deleted too: the archived year lives in its file, not on this PC. */
export function closeArchive(): void {
  if (current) {
    current.store.close();
    void deleteArchiveCopy(current.store.db.name);
  }
  current = null;
  changed();
}

export function useOpenArchive(): OpenArchive | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
