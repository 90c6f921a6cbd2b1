import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useApp } from './StoreContext';
import type { Employee } from '../domain/pegawai';
import { printedName, searchText } from '../domain/pegawai';
import type { Unit } from '../domain/unit';

export interface EmployeeRow {
  e: Employee;
  name: string;
  text: string;
}

export interface PegawaiData {
  loaded: boolean;
  employees: Employee[];
  rows: EmployeeRow[];
  units: Unit[];
  employeeById: Map<string, Employee>;
  unitById: Map<string, Unit>;
}

/**
 * Everything the Pegawai screens show, kept live from the database. Search text is computed
 * once per load so that each keystroke only runs substring tests over 10,000+ rows.
 */
export function usePegawaiData(): PegawaiData {
  const { store } = useApp();
  const employees = useLiveQuery(() => store.employees.listAll(), [store]);
  const units = useLiveQuery(() => store.units.list(), [store]);
  return useMemo(() => {
    const list = employees ?? [];
    const unitList = units ?? [];
    return {
      loaded: employees !== undefined && units !== undefined,
      employees: list,
      rows: list.map((e) => ({ e, name: printedName(e), text: searchText(e) })),
      units: unitList,
      employeeById: new Map(list.map((e) => [e.id, e])),
      unitById: new Map(unitList.map((u) => [u.id, u])),
    };
  }, [employees, units]);
}
