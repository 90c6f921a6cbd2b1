import { useEffect } from 'react';

/**
 * User-visible milestones as Performance API marks, read by `npm run bench`:
 * "kinerja-interactive" (first screen a user can act on), "pegawai-list-painted", and the dashboard's
 * "dashboard-data" (its year read), "dashboard-interactive" (the chosen period's panels drawn from
 * it) and "dashboard-complete" (the year's panels drawn too).
 */
export function usePerfMark(name: string, when: boolean): void {
  useEffect(() => {
    if (!when || performance.getEntriesByName(name, 'mark').length > 0) return;
    // The frame after the commit: what the user sees.
    const raf = requestAnimationFrame(() => performance.mark(name));
    return () => cancelAnimationFrame(raf);
  }, [name, when]);
}

/** A mark at this moment, the first time only (a live query runs again on every change). */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
