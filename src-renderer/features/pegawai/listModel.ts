import { golonganRank, type EmployeeStatus } from '../../domain/golongan';
import { matchesQuery, parseSearchQuery, type Employee, type JenisJabatan } from '../../domain/pegawai';
import { ownerOf } from '../../domain/sync/access';
import type { EmployeeRow } from '../../components/usePegawaiData';

export interface ListFilters {
  query: string;
  unitId: string;
  golongan: string;
  status: EmployeeStatus | '';
  jenisJabatan: JenisJabatan | '';
  aktif: 'aktif' | 'nonaktif' | 'semua';
  tanpaAtasan: boolean;
  /** At a BKD: the office whose employees to show ('' = all). */
  office: string;
}

export const DEFAULT_FILTERS: ListFilters = {
  query: '',
  unitId: '',
  golongan: '',
  status: '',
  jenisJabatan: '',
  aktif: 'aktif',
  tanpaAtasan: false,
  office: '',
};

export type SortKey = 'nama' | 'nip' | 'golongan' | 'jabatan' | 'unit';
export interface Sort {
  key: SortKey;
  dir: 1 | -1;
}

const collator = new Intl.Collator('id', { sensitivity: 'base' });

/** Filter and sort in one pass over in-memory rows; pure so it can be measured and tested. */
export function applyFilters(rows: readonly EmployeeRow[], f: ListFilters, sort: Sort, unitName: (id: string | null) => string): EmployeeRow[] {
  const q = parseSearchQuery(f.query);
  const out = rows.filter(({ e, text }) => {
    if (f.aktif === 'aktif' && !e.aktif) return false;
    if (f.aktif === 'nonaktif' && e.aktif) return false;
    if (f.unitId && e.unitId !== f.unitId) return false;
    if (f.golongan && e.golongan !== f.golongan) return false;
    if (f.status && e.status !== f.status) return false;
    if (f.jenisJabatan && e.jenisJabatan !== f.jenisJabatan) return false;
    if (f.tanpaAtasan && e.atasanId) return false;
    if (f.office && ownerOf('employees', e) !== f.office) return false;
    return matchesQuery(q, e.nip, text);
  });
  const key = (e: Employee): string | number => {
    switch (sort.key) {
      case 'nama':
        return e.nama;
      case 'nip':
        return e.nip;
      case 'golongan':
        return golonganRank(e.golongan);
      case 'jabatan':
        return e.jabatan;
      case 'unit':
        return unitName(e.unitId);
    }
  };
  if (sort.key === 'golongan') out.sort((a, b) => ((key(a.e) as number) - (key(b.e) as number)) * sort.dir);
  else out.sort((a, b) => collator.compare(key(a.e) as string, key(b.e) as string) * sort.dir);
  return out;
}
