import { parseIsoDate, type CalendarDate } from './dates';
import { golonganCodesFor, isPppk, type EmployeeStatus } from './golongan';
import { analyzeNip, normalizeNip, type NipIssue, type Sex } from './nip';
import type { SyncMeta } from './records';

export type JenisJabatan =
  | 'JPT_UTAMA'
  | 'JPT_MADYA'
  | 'JPT_PRATAMA'
  | 'ADMINISTRATOR'
  | 'PENGAWAS'
  | 'PELAKSANA'
  | 'FUNGSIONAL_KEAHLIAN'
  | 'FUNGSIONAL_KETERAMPILAN';

export const JENIS_JABATAN: readonly JenisJabatan[] = [
  'JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA',
  'FUNGSIONAL_KEAHLIAN', 'FUNGSIONAL_KETERAMPILAN',
];

export type JenjangJf =
  | 'AHLI_PERTAMA' | 'AHLI_MUDA' | 'AHLI_MADYA' | 'AHLI_UTAMA'
  | 'PEMULA' | 'TERAMPIL' | 'MAHIR' | 'PENYELIA';

export const JENJANG_BY_JENIS: Partial<Record<JenisJabatan, readonly JenjangJf[]>> = {
  FUNGSIONAL_KEAHLIAN: ['AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA'],
  FUNGSIONAL_KETERAMPILAN: ['PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA'],
};

export type NonaktifReason = 'PENSIUN' | 'MUTASI_KELUAR' | 'MENINGGAL' | 'CLTN' | 'TUGAS_BELAJAR' | 'LAINNYA';
export const NONAKTIF_REASONS: readonly NonaktifReason[] = [
  'PENSIUN', 'MUTASI_KELUAR', 'MENINGGAL', 'CLTN', 'TUGAS_BELAJAR', 'LAINNYA',
];

export interface EmployeeFields {
  status: EmployeeStatus;
  /** 18 digits, stored as text (an Excel number loses digits 16–18). */
  nip: string;
  nama: string;
  gelarDepan: string;
  gelarBelakang: string;
  jenisKelamin: Sex | '';
  /** ISO date or ''. */
  tanggalLahir: string;
  golongan: string;
  tmtGolongan: string;
  jabatan: string;
  jenisJabatan: JenisJabatan | '';
  jenjang: JenjangJf | '';
  unitId: string | null;
  /** Atasan langsung = pejabat penilai kinerja. */
  atasanId: string | null;
  aktif: boolean;
  nonaktifAlasan: NonaktifReason | '';
  nonaktifTanggal: string;
  nonaktifKeterangan: string;
}

export interface Employee extends SyncMeta, EmployeeFields {}

export function emptyEmployeeFields(): EmployeeFields {
  return {
    status: 'PNS', nip: '', nama: '', gelarDepan: '', gelarBelakang: '', jenisKelamin: '', tanggalLahir: '',
    golongan: '', tmtGolongan: '', jabatan: '', jenisJabatan: '', jenjang: '', unitId: null, atasanId: null,
    aktif: true, nonaktifAlasan: '', nonaktifTanggal: '', nonaktifKeterangan: '',
  };
}

/** "Drs. H. Asep Saepudin, M.Si." */
export function printedName(e: Pick<EmployeeFields, 'nama' | 'gelarDepan' | 'gelarBelakang'>): string {
  const front = e.gelarDepan.trim();
  const back = e.gelarBelakang.trim().replace(/^,\s*/, '');
  const name = e.nama.trim().replace(/\s+/g, ' ');
  return `${front ? `${front} ` : ''}${name}${back ? `, ${back}` : ''}`;
}

/** Front titles (Drs., Dr., Ir., H., Hj., Prof.) and back titles after a comma (S.Kom., M.Si., S.E.). */
const GELAR_DEPAN = /^((?:prof|dr|drs|dra|ir|hj?)\.\s*)+/i;
const GELAR_BELAKANG = /,\s*(?:[A-Z][A-Za-z]{0,5}\.\s*)+(?:[A-Za-z]{1,6}\.?)?(?:\s*,\s*(?:[A-Z][A-Za-z]{0,5}\.\s*)+(?:[A-Za-z]{1,6}\.?)?)*\s*$/;

/** The gelar typed inside a name ("Drs.", ", M.Si."), or '' when the name holds none. */
export function gelarInNama(nama: string): string {
  const n = nama.trim();
  const front = GELAR_DEPAN.exec(n)?.[0].trim() ?? '';
  const back = GELAR_BELAKANG.exec(n)?.[0].replace(/^,\s*/, '').trim() ?? '';
  return [front, back].filter(Boolean).join(' … ');
}

export type EmployeeField = keyof EmployeeFields;
export const FIELD_ISSUE_CODES = [
  'required', 'tooLong', 'golonganNotForStatus', 'jenjangNotForJenis', 'jenjangRequired', 'dateInvalid',
  'selfAtasan', 'nonaktifReasonRequired', 'nonaktifDateRequired', 'gelarInNama',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

export interface FieldIssue {
  field: EmployeeField;
  code: FieldIssueCode | `nip.${NipIssue['code']}`;
  severity: 'error' | 'warning';
  params?: Record<string, string | number>;
}

/**
 * Everything that can be checked on one record alone. Uniqueness and atasan cycles need the other
 * records and live in the repository (see findAtasanCycle below for the pure part).
 */
export function validateEmployee(e: EmployeeFields, opts: { today: CalendarDate; selfId?: string }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const err = (field: EmployeeField, code: FieldIssueCode, params?: FieldIssue['params']) =>
    issues.push({ field, code, severity: 'error', ...(params ? { params } : {}) });

  if (!e.nama.trim()) err('nama', 'required');
  else if (e.nama.trim().length > 120) err('nama', 'tooLong', { max: 120 });
  else {
    // "Drs. Asep Saepudin, M.Si." typed in "Nama (tanpa gelar)" sorts under D and prints the gelar
    // twice once the gelar fields are filled: a warning on that row, not a refusal.
    const found = gelarInNama(e.nama);
    if (found) issues.push({ field: 'nama', code: 'gelarInNama', severity: 'warning', params: { gelar: found } });
  }
  if (e.gelarDepan.length > 40) err('gelarDepan', 'tooLong', { max: 40 });
  if (e.gelarBelakang.length > 60) err('gelarBelakang', 'tooLong', { max: 60 });
  if (e.jabatan.length > 200) err('jabatan', 'tooLong', { max: 200 });

  const birthDate = e.tanggalLahir ? parseIsoDate(e.tanggalLahir) : null;
  if (e.tanggalLahir && !birthDate) err('tanggalLahir', 'dateInvalid');
  if (e.tmtGolongan && !parseIsoDate(e.tmtGolongan)) err('tmtGolongan', 'dateInvalid');

  const nip = analyzeNip(e.nip, {
    today: opts.today,
    expectedKind: isPppk(e.status) ? 'PPPK' : 'PNS',
    sex: e.jenisKelamin,
    birthDate,
  });
  for (const i of nip.issues) {
    issues.push({ field: 'nip', code: `nip.${i.code}`, severity: i.severity, ...(i.params ? { params: i.params } : {}) });
  }

  if (e.golongan && !golonganCodesFor(e.status).includes(e.golongan)) {
    err('golongan', 'golonganNotForStatus', { golongan: e.golongan });
  }
  const jenjangOptions = e.jenisJabatan ? JENJANG_BY_JENIS[e.jenisJabatan] : undefined;
  if (jenjangOptions && !e.jenjang) err('jenjang', 'jenjangRequired');
  if (e.jenjang && !jenjangOptions?.includes(e.jenjang)) err('jenjang', 'jenjangNotForJenis');

  if (opts.selfId && e.atasanId === opts.selfId) err('atasanId', 'selfAtasan');

  if (!e.aktif) {
    if (!e.nonaktifAlasan) err('nonaktifAlasan', 'nonaktifReasonRequired');
    if (!e.nonaktifTanggal) err('nonaktifTanggal', 'nonaktifDateRequired');
    else if (!parseIsoDate(e.nonaktifTanggal)) err('nonaktifTanggal', 'dateInvalid');
  }
  return issues;
}

/**
 * If making `atasanId` the atasan of `employeeId` would close a loop, returns the chain starting
 * and ending at the employee (A → B → C → A); otherwise null.
 */
export function findAtasanCycle(
  employeeId: string,
  atasanId: string | null,
  atasanOf: (id: string) => string | null | undefined,
): string[] | null {
  if (!atasanId) return null;
  const chain = [employeeId];
  const seen = new Set<string>([employeeId]);
  let current: string | null | undefined = atasanId;
  while (current) {
    chain.push(current);
    if (current === employeeId) return chain;
    if (seen.has(current)) return null; // a loop further up that does not involve this employee
    seen.add(current);
    current = atasanOf(current);
  }
  return null;
}

/** The chain of superiors above an employee: [atasan, atasan pejabat penilai, …]. */
export function atasanChain(employeeId: string, atasanOf: (id: string) => string | null | undefined, max = 50): string[] {
  const chain: string[] = [];
  const seen = new Set([employeeId]);
  let current = atasanOf(employeeId);
  while (current && !seen.has(current) && chain.length < max) {
    chain.push(current);
    seen.add(current);
    current = atasanOf(current);
  }
  return chain;
}

/** Lower-case, accents and punctuation removed, single spaces: what search compares. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,'’`"()/\\-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SearchQuery {
  kind: 'all' | 'nip' | 'name';
  digits: string;
  tokens: string[];
}

/** A query of digits (spaces and dots allowed) searches NIP; anything else searches names. */
export function parseSearchQuery(raw: string): SearchQuery {
  const trimmed = raw.trim();
  if (!trimmed) return { kind: 'all', digits: '', tokens: [] };
  const digits = trimmed.replace(/[\s.\-']/g, '');
  if (/^\d+$/.test(digits)) return { kind: 'nip', digits, tokens: [] };
  return { kind: 'name', digits: '', tokens: foldText(trimmed).split(' ').filter(Boolean) };
}

/** Precomputed per employee so a keystroke only does substring tests. */
export function searchText(e: Pick<EmployeeFields, 'nama' | 'gelarDepan' | 'gelarBelakang'>): string {
  return ` ${foldText(e.nama)} | ${foldText(`${e.gelarDepan} ${e.gelarBelakang}`)}`;
}

export function matchesQuery(q: SearchQuery, nip: string, text: string): boolean {
  if (q.kind === 'all') return true;
  if (q.kind === 'nip') return nip.includes(q.digits);
  // Each token must match the start of a word, in the name or among the gelar ("asep", "drs asep").
  return q.tokens.every((t) => text.includes(` ${t}`));
}

/** The editable fields of a stored employee, without sync metadata. */
export function employeeFieldsOf(e: Employee): EmployeeFields {
  const f = emptyEmployeeFields();
  const out = {} as Record<string, unknown>;
  for (const k of Object.keys(f)) out[k] = (e as unknown as Record<string, unknown>)[k] ?? (f as unknown as Record<string, unknown>)[k];
  return out as unknown as EmployeeFields;
}

export interface DuplicateNip {
  nip: string;
  /** The records, sorted by id. */
  ids: string[];
}

/**
 * NIPs held by more than one live record: the same civil servant registered separately on two
 * installations, which meet when their records are exchanged. Offered for merging, never merged
 * silently (which record to keep is the admin's choice).
 */
export function duplicateNips(employees: readonly Pick<Employee, 'id' | 'nip' | 'deleted'>[]): DuplicateNip[] {
  const byNip = new Map<string, string[]>();
  for (const e of employees) {
    if (e.deleted || !e.nip) continue;
    const nip = normalizeNip(e.nip);
    byNip.set(nip, [...(byNip.get(nip) ?? []), e.id]);
  }
  return [...byNip].filter(([, ids]) => ids.length > 1).map(([nip, ids]) => ({ nip, ids: ids.sort() })).sort((a, b) => a.nip.localeCompare(b.nip));
}
