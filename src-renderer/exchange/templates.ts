/**
 * Templates the app generates for offices to fill (issue #6 §1): a "Petunjuk" sheet in Indonesian,
 * a data sheet with a readable header row, a machine-key row and one example row, a "Daftar" sheet
 * with the allowed values (SheetJS CE cannot write dropdown validation), and a hidden `_meta` sheet
 * that lets the importer recognise the template whatever the user renamed or reordered.
 */
import { GOLONGAN_PNS, GOLONGAN_PPPK, EMPLOYEE_STATUSES } from '../domain/golongan';
import { JENIS_JABATAN, JENJANG_BY_JENIS } from '../domain/pegawai';
import { PERMENPANRB_6_2022, RATINGS } from '../domain/rulepack';
import { ASPEK } from '../domain/skp';
import { id as messages } from '../i18n/messages';
import { buildWorkbook, type CellValue, type SheetSpec } from '../io/sheet';

export type TemplateKind = 'pegawai' | 'unit' | 'skp' | 'realisasi';
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['pegawai', 'unit', 'skp', 'realisasi'];
export const META_SHEET = '_meta';
export const DATA_SHEET = 'Data';
/** 0-based rows of the data sheet: readable header, machine keys, example. */
export const HEADER_ROW = 0;
export const KEY_ROW = 1;
export const EXAMPLE_ROW = 2;

export interface Column {
  key: string;
  header: string;
  width: number;
  example: CellValue;
  hint: string;
}

const JENJANG_ALL = [...new Set(Object.values(JENJANG_BY_JENIS).flat())];

export const COLUMNS: Record<TemplateKind, readonly Column[]> = {
  pegawai: [
    { key: 'nip', header: 'NIP / NI PPPK', width: 22, example: '198001012005011001', hint: '18 angka, boleh dengan spasi. Kolom ini berformat Teks; jangan diubah menjadi angka.' },
    { key: 'nama', header: 'Nama (tanpa gelar)', width: 28, example: 'Asep Saepudin', hint: 'Wajib.' },
    { key: 'gelarDepan', header: 'Gelar depan', width: 12, example: 'Drs.', hint: 'Misalnya Drs., H., dr.' },
    { key: 'gelarBelakang', header: 'Gelar belakang', width: 14, example: 'M.Si.', hint: 'Misalnya S.E., M.Si.' },
    { key: 'status', header: 'Status kepegawaian', width: 16, example: 'PNS', hint: 'PNS, CPNS, PPPK, PPPK paruh waktu.' },
    { key: 'jenisKelamin', header: 'Jenis kelamin (L/P)', width: 10, example: 'L', hint: 'L atau P.' },
    { key: 'tanggalLahir', header: 'Tanggal lahir', width: 14, example: '01-01-1980', hint: 'dd-mm-yyyy, misalnya 12-01-1980 atau 12 Januari 1980.' },
    { key: 'golongan', header: 'Pangkat/Gol. ruang', width: 14, example: 'III/d', hint: 'III/d, III.d, atau "Penata Tingkat I (III/d)"; PPPK: I s.d. XVII.' },
    { key: 'tmtGolongan', header: 'TMT golongan', width: 14, example: '01-04-2020', hint: 'dd-mm-yyyy.' },
    { key: 'jabatan', header: 'Nama jabatan', width: 32, example: 'Kepala Seksi Pemerintahan', hint: '' },
    { key: 'jenisJabatan', header: 'Jenis jabatan', width: 20, example: 'Pengawas', hint: 'Lihat sheet Daftar.' },
    { key: 'jenjang', header: 'Jenjang JF', width: 14, example: '', hint: 'Hanya untuk jabatan fungsional; lihat sheet Daftar.' },
    { key: 'unit', header: 'Unit kerja', width: 28, example: 'Seksi Pemerintahan', hint: 'Nama unit kerja persis seperti di aplikasi.' },
    { key: 'atasanNip', header: 'NIP atasan langsung', width: 22, example: '197305121998031004', hint: 'NIP pejabat penilai kinerja; boleh pegawai lain di berkas ini.' },
  ],
  unit: [
    { key: 'nama', header: 'Nama unit kerja', width: 34, example: 'Seksi Pemerintahan', hint: 'Wajib, unik.' },
    { key: 'induk', header: 'Unit induk', width: 34, example: 'Kecamatan Curug', hint: 'Kosongkan untuk unit tertinggi.' },
    { key: 'kepalaNip', header: 'NIP kepala unit', width: 22, example: '198211032006042011', hint: 'Pegawai yang sudah terdaftar.' },
  ],
  skp: [
    { key: 'nip', header: 'NIP', width: 22, example: '199001152015031002', hint: 'Pegawai yang sudah terdaftar.' },
    { key: 'tahun', header: 'Tahun', width: 8, example: 2026, hint: '' },
    { key: 'jenisRhk', header: 'Jenis RHK', width: 12, example: 'Utama', hint: 'Utama atau Tambahan.' },
    { key: 'rhk', header: 'Rencana hasil kerja', width: 44, example: 'Tersusunnya surat keterangan kependudukan', hint: 'Baris dengan RHK yang sama menjadi indikator-indikator RHK itu.' },
    { key: 'rhkAtasan', header: 'RHK atasan yang diintervensi', width: 44, example: 'Terselenggaranya pelayanan administrasi pemerintahan', hint: 'Teks RHK pada SKP atasan tahun yang sama.' },
    { key: 'aspek', header: 'Aspek', width: 12, example: 'Kuantitas', hint: 'Kuantitas, Kualitas, Waktu, Biaya.' },
    { key: 'indikator', header: 'Indikator kinerja individu', width: 40, example: 'Jumlah surat keterangan', hint: '' },
    { key: 'target', header: 'Target', width: 16, example: '1.200 Surat', hint: 'Angka dan satuan.' },
  ],
  realisasi: [
    { key: 'nip', header: 'NIP', width: 22, example: '199001152015031002', hint: '' },
    { key: 'periode', header: 'Periode', width: 18, example: 'TRIWULAN I', hint: 'Seperti di sheet Daftar.' },
    { key: 'rhk', header: 'Rencana hasil kerja', width: 44, example: 'Tersusunnya surat keterangan kependudukan', hint: 'Teks RHK pada SKP pegawai.' },
    { key: 'realisasi', header: 'Realisasi berdasarkan bukti dukung', width: 36, example: '320 surat keterangan', hint: '' },
    { key: 'umpanBalik', header: 'Umpan balik berkelanjutan', width: 36, example: 'Tepat waktu dan rapi', hint: '' },
    { key: 'ratingHasil', header: 'Rating hasil kerja', width: 20, example: 'Sesuai Ekspektasi', hint: 'Di Atas / Sesuai / Di Bawah Ekspektasi (cukup di satu baris per pegawai).' },
    { key: 'ratingPerilaku', header: 'Rating perilaku kerja', width: 20, example: 'Sesuai Ekspektasi', hint: '' },
  ],
};

export const TEMPLATE_TITLES: Record<TemplateKind, string> = {
  pegawai: 'Data pegawai',
  unit: 'Unit kerja',
  skp: 'SKP: RHK dan indikator',
  realisasi: 'Realisasi dan penilaian per periode',
};

export interface MetaInfo {
  kind: TemplateKind;
  schemaVersion: number;
  appVersion: string;
  officeId: string;
  exportedAt: string;
}

function lists(unitNames: readonly string[]): CellValue[][] {
  const columns: [string, string[]][] = [
    ['Status kepegawaian', EMPLOYEE_STATUSES.map((s) => messages[`pegawai.status.${s}`])],
    ['Jenis kelamin', ['L', 'P']],
    ['Golongan PNS', GOLONGAN_PNS.map((g) => `${g.pangkat} (${g.code})`)],
    ['Golongan PPPK', [...GOLONGAN_PPPK]],
    ['Jenis jabatan', JENIS_JABATAN.map((j) => messages[`pegawai.jenisJabatan.${j}`])],
    ['Jenjang JF', JENJANG_ALL.map((j) => messages[`pegawai.jenjang.${j}`])],
    ['Unit kerja', [...unitNames]],
    ['Aspek', ASPEK.map((a) => messages[`skp.aspek.${a}`])],
    ['Rating', RATINGS.map((r) => PERMENPANRB_6_2022.ratingLabels[r])],
  ];
  const height = Math.max(...columns.map(([, v]) => v.length));
  const rows: CellValue[][] = [columns.map(([h]) => h)];
  for (let i = 0; i < height; i++) rows.push(columns.map(([, v]) => v[i] ?? null));
  return rows;
}

export function metaRows(meta: MetaInfo): CellValue[][] {
  return [
    ['kind', meta.kind],
    ['schemaVersion', meta.schemaVersion],
    ['appVersion', meta.appVersion],
    ['officeId', meta.officeId],
    ['exportedAt', meta.exportedAt],
  ];
}

/** Reads `_meta` back; anything unexpected means "not our template". */
export function parseMeta(rows: readonly (readonly unknown[])[]): MetaInfo | null {
  const get = (k: string) => rows.find((r) => r[0] === k)?.[1];
  const kind = get('kind');
  if (typeof kind !== 'string' || !(TEMPLATE_KINDS as readonly string[]).includes(kind)) return null;
  return {
    kind: kind as TemplateKind,
    schemaVersion: Number(get('schemaVersion')) || 0,
    appVersion: String(get('appVersion') ?? ''),
    officeId: String(get('officeId') ?? ''),
    exportedAt: String(get('exportedAt') ?? ''),
  };
}

/** Column widths that fit the content (header or longest value), within reason. */
export function fitWidths(rows: readonly (readonly CellValue[])[], min = 8, max = 60): number[] {
  const widths: number[] = [];
  for (const row of rows.slice(0, 2000)) {
    row.forEach((v, c) => {
      const len = v instanceof Date ? 10 : v === null ? 0 : String(v).length;
      widths[c] = Math.max(widths[c] ?? min, Math.min(max, len + 2));
    });
  }
  return widths;
}

/** A data sheet in template layout: headers, keys, then `data` rows (the example row for a blank template). */
export function dataWorkbook(kind: TemplateKind, meta: MetaInfo, data: readonly CellValue[][], unitNames: readonly string[], withExample: boolean) {
  const cols = COLUMNS[kind];
  const rows: CellValue[][] = [cols.map((c) => c.header), cols.map((c) => c.key), ...(withExample ? [cols.map((c) => c.example)] : []), ...data];
  const petunjuk: CellValue[][] = [
    [`Templat ${TEMPLATE_TITLES[kind]} — Kinerja Luring`],
    [],
    ['Cara mengisi:'],
    ['1. Isi sheet "Data" mulai baris 3. Baris 3 berisi contoh: timpa atau hapus sebelum mengirim.'],
    ['2. Jangan mengubah baris 2 (kunci kolom untuk aplikasi) dan jangan menghapus sheet tersembunyi "_meta".'],
    ['3. Kolom NIP berformat Teks. Bila NIP tampil seperti 1,98E+17, angka terakhirnya sudah hilang: format kolom sebagai Teks lalu ketik ulang NIP-nya.'],
    ['4. Nilai yang diperbolehkan ada di sheet "Daftar".'],
    ['5. Simpan sebagai .xlsx lalu impor lewat menu Impor/Ekspor. Sebelum disimpan, aplikasi menampilkan pratinjau dan daftar galat per baris.'],
    [],
    ['Kolom', 'Keterangan'],
    ...cols.map((c) => [c.header, c.hint]),
  ];
  const sheets: SheetSpec[] = [
    { name: 'Petunjuk', rows: petunjuk, widths: [40, 90] },
    { name: DATA_SHEET, rows, widths: cols.map((c, i) => Math.max(c.width, fitWidths(rows)[i] ?? 0)) },
    { name: 'Daftar', rows: lists(unitNames), widths: lists(unitNames)[0]?.map(() => 26) ?? [] },
    { name: META_SHEET, rows: metaRows({ ...meta, kind }), hidden: true },
  ];
  return buildWorkbook(sheets);
}
