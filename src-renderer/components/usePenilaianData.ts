import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useApp } from './StoreContext';
import { fromJsDate } from '../domain/dates';
import { currentPeriod, periodKey, type PeriodDef } from '../domain/periods';
import { PERMENPANRB_6_2022, type RulePack } from '../domain/rulepack';

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

export interface ChosenPeriod extends YearPeriods {
  /** The period the user picked, or the current one until they pick. */
  period: PeriodDef | undefined;
  periodId: string;
  choose(periodId: string): void;
}

/** Where the chosen period of each year is kept on this computer (survives screens and restarts). */
const chosenKey = (year: number) => `kinerja.period.${year}`;

/**
 * A period picker's state: the period last chosen on any screen for the active year (rating
 * Triwulan I should not mean picking it again on every screen), or the period of today.
 */
export function useChosenPeriod(): ChosenPeriod {
  const { profile } = useApp();
  const key = chosenKey(profile.settings.activeYear);
  const year = useYearPeriods();
  const [chosen, setChosen] = useState(() => localStorage.getItem(key) ?? '');
  const choose = (periodId: string) => {
    localStorage.setItem(key, periodId);
    setChosen(periodId);
  };
  const period = year.periods.find((p) => periodKey(p) === chosen) ?? year.current;
  return { ...year, period, periodId: period ? periodKey(period) : '', choose };
}
