import { useEffect } from 'react';

/**
 * User-visible milestones as Performance API marks, read by `npm run bench`:
 * "kinerja-interactive" (first screen a user can act on) and "pegawai-list-painted".
 */
export function usePerfMark(name: string, when: boolean): void {
  useEffect(() => {
    if (!when || performance.getEntriesByName(name, 'mark').length > 0) return;
    // The frame after the commit: what the user sees.
    const raf = requestAnimationFrame(() => performance.mark(name));
    return () => cancelAnimationFrame(raf);
  }, [name, when]);
}
