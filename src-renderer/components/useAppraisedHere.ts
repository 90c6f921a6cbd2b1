import { useMemo } from 'react';
import { useInstallation } from './useInstallation';
import { appraisedHere } from '../domain/sync/access';

/**
 * Whose work the lists of this installation show (SKP, Penilaian): everyone on an office PC or at
 * the BKD; on a penilai laptop the penilai's appraisees, not the penilai himself (his own SKP is
 * his atasan's to set, not "Belum ada SKP" with a button he cannot use). Undefined while loading.
 */
export function useAppraisedHere(): ((employeeId: string) => boolean) | undefined {
  const self = useInstallation();
  return useMemo(() => (self === undefined ? undefined : (employeeId: string) => appraisedHere(self, employeeId)), [self]);
}
