/**
 * Golongan ruang and pangkat of PNS (PP 99/2000) and golongan of PPPK (docs/aturan-kinerja.md §11.1–11.2).
 * Stored as a code ("III/b", "IX"); the pangkat name is derived, never typed.
 */
export interface GolonganPns {
  code: string;
  pangkat: string;
}

export const GOLONGAN_PNS: readonly GolonganPns[] = [
  { code: 'I/a', pangkat: 'Juru Muda' },
  { code: 'I/b', pangkat: 'Juru Muda Tingkat I' },
  { code: 'I/c', pangkat: 'Juru' },
  { code: 'I/d', pangkat: 'Juru Tingkat I' },
  { code: 'II/a', pangkat: 'Pengatur Muda' },
  { code: 'II/b', pangkat: 'Pengatur Muda Tingkat I' },
  { code: 'II/c', pangkat: 'Pengatur' },
  { code: 'II/d', pangkat: 'Pengatur Tingkat I' },
  { code: 'III/a', pangkat: 'Penata Muda' },
  { code: 'III/b', pangkat: 'Penata Muda Tingkat I' },
  { code: 'III/c', pangkat: 'Penata' },
  { code: 'III/d', pangkat: 'Penata Tingkat I' },
  { code: 'IV/a', pangkat: 'Pembina' },
  { code: 'IV/b', pangkat: 'Pembina Tingkat I' },
  { code: 'IV/c', pangkat: 'Pembina Utama Muda' },
  { code: 'IV/d', pangkat: 'Pembina Utama Madya' },
  { code: 'IV/e', pangkat: 'Pembina Utama' },
];

export const GOLONGAN_PPPK: readonly string[] = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
];

export type EmployeeStatus = 'PNS' | 'CPNS' | 'PPPK' | 'PPPK_PW';
export const EMPLOYEE_STATUSES: readonly EmployeeStatus[] = ['PNS', 'CPNS', 'PPPK', 'PPPK_PW'];

export function isPppk(status: EmployeeStatus): boolean {
  return status === 'PPPK' || status === 'PPPK_PW';
}

/** The golongan codes an employee of this status may hold. */
export function golonganCodesFor(status: EmployeeStatus): readonly string[] {
  return isPppk(status) ? GOLONGAN_PPPK : GOLONGAN_PNS.map((g) => g.code);
}

export function pangkatOf(code: string): string | null {
  return GOLONGAN_PNS.find((g) => g.code === code)?.pangkat ?? null;
}

/** Order for sorting lists by rank (PNS before PPPK codes of the same weight do not mix). */
export function golonganRank(code: string): number {
  const pns = GOLONGAN_PNS.findIndex((g) => g.code === code);
  if (pns >= 0) return pns;
  const pppk = GOLONGAN_PPPK.indexOf(code);
  return pppk >= 0 ? 100 + pppk : 1000;
}

/** "Penata Muda Tingkat I / III/b" for PNS; "IX" for PPPK (no pangkat); "-" when empty. */
export function formatPangkatGolongan(code: string, opts: { short?: boolean } = {}): string {
  if (!code) return '-';
  const pangkat = pangkatOf(code);
  if (!pangkat) return code;
  const name = opts.short ? pangkat.replace('Tingkat I', 'Tk. I') : pangkat;
  return `${name} / ${code}`;
}
