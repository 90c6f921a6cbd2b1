import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/StoreContext';
import { fromJsDate } from '../../domain/dates';
import { currentPeriod, periodKey, type PeriodDef } from '../../domain/periods';
import { PERMENPANRB_6_2022, type RulePack } from '../../domain/rulepack';

/** The active rule pack, live (the built-in one until it is read). */
export function useActivePack(): RulePack {
  const { store } = useApp();
  return useLiveQuery(() => store.rulePacks.active(), [store]) ?? PERMENPANRB_6_2022;
}

export interface YearPeriods {
  loaded: boolean;
  periods: PeriodDef[];
  current: PeriodDef | undefined;
}

/** Periods of the active year from the office's cadence, and the one being worked on today. */
export function useYearPeriods(): YearPeriods {
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  const periods = useLiveQuery(() => store.years.periods(year), [store, year]);
  return {
    loaded: periods !== undefined,
    periods: periods ?? [],
    current: periods ? currentPeriod(periods, fromJsDate(new Date())) : undefined,
  };
}

export function periodOptionLabel(p: PeriodDef): string {
  return p.akhir ? `${p.label}-AKHIR` : p.label;
}

export { periodKey };
