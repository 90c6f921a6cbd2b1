import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { markOnce } from '../../../components/perf';
import { useApp } from '../../../components/StoreContext';
import type { DataStore } from '../../../db/store';
import { dashboardFor, indexYear, type Dashboard, type YearIndex } from '../../../domain/dashboard';
import { distributionScopeOf } from '../../../domain/distributionScope';
import { periodKey, periodTitle } from '../../../domain/periods';
import type { ChosenPeriod } from '../../../components/usePenilaianData';
import { useActivePack } from '../../../components/usePenilaianData';

export interface DashboardState {
  index: YearIndex;
  dashboard: Dashboard;
}

/** Everything the dashboard shows for a year, in one read (also what `npm run bench` times). */
export async function readDashboardYear(store: DataStore, year: number) {
  const [units, employees, skps, evaluations, unitResults] = await Promise.all([
    store.units.list(),
    store.employees.listAll(),
    store.skps.listByYear(year),
    store.evaluations.listByYear(year),
    store.evaluations.unitResults(year),
  ]);
  return { units, employees, skps, evaluations, unitResults };
}

export type YearRecords = Awaited<ReturnType<typeof readDashboardYear>>;

/**
 * Beranda's one read of the year (live: a saved rating redraws it), shared by the dashboard, the
 * worklist and the to-do counts, so that the year's evaluations are read once, not three times.
 */
export function useYearRecords(): YearRecords | undefined {
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  return useLiveQuery(
    async () => {
      const read = await readDashboardYear(store, year);
      markOnce('dashboard-data');
      return read;
    },
    [store, year],
  );
}

/**
 * The year is indexed once per read; switching the period only builds that period's groups and
 * appraisers from the index (and they are kept there).
 */
export function useDashboard(chosen: ChosenPeriod, data: YearRecords | undefined, officeId = ''): DashboardState | null {
  const { profile } = useApp();
  const scope = distributionScopeOf(profile.office);
  const pack = useActivePack();
  const periods = chosen.periods;
  const index = useMemo(
    () => (data && chosen.loaded ? indexYear({ pack, scope, ...data, officeId, periods: periods.map((p) => ({ id: periodKey(p), title: periodTitle(p) })) }) : null),
    [data, pack, scope, periods, chosen.loaded, officeId],
  );
  const dashboard = useMemo(() => (index && chosen.periodId ? dashboardFor(index, chosen.periodId) : null), [index, chosen.periodId]);
  // Once drawn, the other periods are built one at a time while the admin reads, so that
  // switching period only draws (npm run bench: switch ≤ 100 ms).
  useEffect(() => {
    if (!index) return;
    const pending = index.input.periods.map((p) => p.id).filter((id) => !index.views.has(id));
    let timer = 0;
    const next = () => {
      const id = pending.shift();
      if (id === undefined) return;
      dashboardFor(index, id);
      timer = window.setTimeout(next, 50);
    };
    timer = window.setTimeout(next, 300);
    return () => window.clearTimeout(timer);
  }, [index]);
  return index && dashboard ? { index, dashboard } : null;
}
