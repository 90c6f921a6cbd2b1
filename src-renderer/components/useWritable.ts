import { useMemo } from 'react';
import { useInstallation } from './useInstallation';
import type { SyncedTableName } from '../db/schema';
import { authorizeFor, ownerOf } from '../domain/sync/access';
import type { SyncDoc } from '../domain/sync/merge';

export interface Writable {
  /** Still reading who this installation is. */
  loading: boolean;
  /** Every field may be written here. */
  whole: boolean;
  /** Some field may be written here (a penilai laptop: the ratings of its appraisees). */
  any: boolean;
  /** May this path be written here? */
  path(path: string): boolean;
}

/**
 * What this installation may write of a record, by the same rule its receivers apply
 * (domain/sync/access.ts): editors show the rest disabled instead of refusing it on save.
 * At the BKD another office's record is read-only whole; on a laptop all but the ratings.
 */
export function useWritable(table: SyncedTableName, doc: { id: string } | null, probe: readonly string[] = []): Writable {
  const self = useInstallation();
  return useMemo(() => {
    // While reading, drawn as on an office PC (the common case): its buttons do not appear late.
    if (self === undefined) return { loading: true, whole: true, any: true, path: () => true };
    // Before sync there is no enrolment: this PC writes its own records.
    if (self === null || !doc) return { loading: false, whole: self?.role !== 'PENILAI', any: self?.role !== 'PENILAI', path: () => self?.role !== 'PENILAI' };
    const d = doc as unknown as SyncDoc;
    const auth = authorizeFor(table, ownerOf(table, d), d, (id) => (id === self.id ? self : undefined));
    const whole = auth.wholeDoc(self.id);
    const path = (p: string) => whole || auth.path(self.id, p);
    return { loading: false, whole, any: whole || probe.some(path), path };
  }, [self, table, doc, probe]);
}
