/**
 * Templates the app generates for offices to fill (issues #6 §1, #15 §1): a "Petunjuk" sheet in
 * Indonesian, a data sheet with a readable header row (frozen), a hidden machine-key row and one
 * example row, NIP columns Text-formatted and dropdowns on every row a user may fill, fed from the
 * "Daftar" sheet, and a hidden `_meta` sheet that lets the importer recognise the template whatever
 * the user renamed or reordered. This module says what the sheets hold; io/templateWriter.ts writes them.
 */
import { GOLONGAN_PNS, GOLONGAN_PPPK, EMPLOYEE_STATUSES } from '../domain/golongan';
import { JENIS_JABATAN, JENJANG_BY_JENIS } from '../domain/pegawai';
import { PERMENPANRB_6_2022, RATINGS } from '../domain/rulepack';
import { ASPEK } from '../domain/skp';
import { id as messages } from '../i18n/messages';
import type { CellValue, SheetSpec } from '../io/sheet';

export type TemplateKind = 'pegawai' | 'unit' | 'skp' | 'realisasi';
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['pegawai', 'unit', 'skp', 'realisasi'];
export const META_SHEET = '_meta';
export const DATA_SHEET = 'Data';
/** 0-based rows of the data sheet: readable header, machine keys, example. */
export const HEADER_ROW = 0;
export const KEY_ROW = 1;
export const EXAMPLE_ROW = 2;

/** Rows below the last prepared one that still get Text format and dropdowns. */
export const INPUT_ROWS = 2000;

export type ListKey = 'status' | 'jenisKelamin' | 'golongan' | 'jenisJabatan' | 'jenjang' | 'unit' | 'aspek' | 'rating' | 'jenisRhk';

export interface Column {
  key: string;
  header: string;
  width: number;
  example: CellValue;
  hint: string;
  /** Typed values stay text (NIPs: Excel would turn 18 digits into 1,98E+17). */
  text?: boolean;
  /** A dropdown of the Daftar sheet's list. */
  list?: ListKey;
}

const JENJANG_ALL = [...new Set(Object.values(JENJANG_BY_JENIS).flat())];

export const COLUMNS: Record<TemplateKind, readonly Column[]> = {
  pegawai: [
    { key: 'nip', header: 'NIP / NI PPPK', text: true, width: 22, example: '198001012005011001', hint: '18 angka, boleh dengan spasi. Kolom ini berformat Teks; jangan diubah menjadi angka.' },
    { key: 'nama', header: 'Nama (tanpa gelar)', width: 28, example: 'Asep Saepudin', hint: 'Wajib.' },
    { key: 'gelarDepan', header: 'Gelar depan', width: 12, example: 'Drs.', hint: 'Misalnya Drs., H., dr.' },
    { key: 'gelarBelakang', header: 'Gelar belakang', width: 14, example: 'M.Si.', hint: 'Misalnya S.E., M.Si.' },
    { key: 'status', list: 'status', header: 'Status kepegawaian', width: 16, example: 'PNS', hint: 'PNS, CPNS, PPPK, PPPK paruh waktu.' },
    { key: 'jenisKelamin', list: 'jenisKelamin', header: 'Jenis kelamin (L/P)', width: 10, example: 'L', hint: 'L atau P.' },
    { key: 'tanggalLahir', header: 'Tanggal lahir', width: 14, example: '01-01-1980', hint: 'dd-mm-yyyy, misalnya 12-01-1980 atau 12 Januari 1980.' },
    { key: 'golongan', list: 'golongan', header: 'Pangkat/Gol. ruang', width: 14, example: 'III/d', hint: 'III/d, III.d, atau "Penata Tingkat I (III/d)"; PPPK: I s.d. XVII.' },
    { key: 'tmtGolongan', header: 'TMT golongan', width: 14, example: '01-04-2020', hint: 'dd-mm-yyyy.' },
    { key: 'jabatan', header: 'Nama jabatan', width: 32, example: 'Kepala Seksi Pemerintahan', hint: '' },
    { key: 'jenisJabatan', list: 'jenisJabatan', header: 'Jenis jabatan', width: 20, example: 'Pengawas', hint: 'Lihat sheet Daftar.' },
    { key: 'jenjang', list: 'jenjang', header: 'Jenjang JF', width: 14, example: '', hint: 'Hanya untuk jabatan fungsional; lihat sheet Daftar.' },
    { key: 'unit', list: 'unit', header: 'Unit kerja', width: 28, example: 'Seksi Pemerintahan', hint: 'Pilih dari daftar; nama unit atau jalurnya (Kecamatan Curug › Seksi Pemerintahan).' },
    { key: 'atasanNip', text: true, header: 'NIP atasan langsung', width: 22, example: '197305121998031004', hint: 'NIP pejabat penilai kinerja; boleh pegawai lain di berkas ini.' },
  ],
  unit: [
    { key: 'nama', header: 'Nama unit kerja', width: 34, example: 'Seksi Pemerintahan', hint: 'Wajib, unik.' },
    { key: 'induk', list: 'unit', header: 'Unit induk', width: 34, example: 'Kecamatan Curug', hint: 'Kosongkan untuk unit tertinggi.' },
    { key: 'kepalaNip', text: true, header: 'NIP kepala unit', width: 22, example: '198211032006042011', hint: 'Pegawai yang sudah terdaftar.' },
  ],
  skp: [
    { key: 'nip', text: true, header: 'NIP', width: 22, example: '199001152015031002', hint: 'Pegawai yang sudah terdaftar. Baris-baris satu pegawai boleh berurutan atau tersebar.' },
    { key: 'nama', header: 'Nama (hanya keterangan)', width: 26, example: 'Budi Hartono', hint: 'Tidak diimpor; membantu mengenali baris.' },
    { key: 'jenisRhk', list: 'jenisRhk', header: 'Jenis RHK', width: 12, example: 'Utama', hint: 'Utama atau Tambahan; kosong berarti Utama.' },
    { key: 'rhk', header: 'Rencana hasil kerja', width: 44, example: 'Tersusunnya surat keterangan kependudukan', hint: 'Tulis sekali; baris di bawahnya yang RHK-nya kosong atau sama menjadi indikator berikutnya dari RHK itu.' },
    { key: 'rhkAtasan', header: 'RHK atasan yang diintervensi', width: 44, example: 'Terselenggaranya pelayanan administrasi pemerintahan', hint: 'Pilih dari daftar RHK pada SKP atasan tahun yang sama (tersedia bila SKP atasan sudah ada).' },
    { key: 'aspek', list: 'aspek', header: 'Aspek', width: 12, example: 'Kuantitas', hint: 'Kuantitas, Kualitas, Waktu, Biaya.' },
    { key: 'indikator', header: 'Indikator kinerja individu', width: 40, example: 'Jumlah surat keterangan', hint: '' },
    { key: 'target', header: 'Target', width: 16, example: '1.200 Surat', hint: 'Angka dan satuan.' },
  ],
  realisasi: [
    { key: 'nip', text: true, header: 'NIP', width: 22, example: '199001152015031002', hint: 'Diisi aplikasi; jangan diubah.' },
    { key: 'nama', header: 'Nama (hanya keterangan)', width: 24, example: 'Budi Hartono', hint: 'Tidak diimpor.' },
    { key: 'rhkId', header: 'Kode RHK', width: 6, example: '', hint: 'Kolom tersembunyi untuk aplikasi; jangan diubah.' },
    { key: 'no', header: 'No', width: 6, example: 'A.1', hint: 'Nomor RHK seperti pada SKP.' },
    { key: 'rhk', header: 'Rencana hasil kerja (keterangan)', width: 40, example: 'Tersusunnya surat keterangan kependudukan', hint: 'Dari SKP yang disetujui; tidak diimpor.' },
    { key: 'indikator', header: 'Indikator dan target (keterangan)', width: 36, example: 'Jumlah surat keterangan: 1.200 Surat', hint: 'Tidak diimpor.' },
    { key: 'realisasi', header: 'Realisasi berdasarkan bukti dukung', width: 36, example: '320 surat keterangan', hint: 'Diimpor ke penilaian periode ini.' },
    { key: 'buktiDukung', header: 'Catatan bukti dukung', width: 30, example: 'Arsip surat Jan–Mar', hint: 'Berkas bukti dukung dilampirkan di aplikasi.' },
    { key: 'umpanBalik', header: 'Umpan balik baru', width: 32, example: 'Tepat waktu dan rapi', hint: 'Ditambahkan sebagai umpan balik bertanggal; yang sudah ada tidak diubah.' },
    { key: 'ratingHasil', list: 'rating', header: 'Rating hasil kerja', width: 20, example: 'Sesuai Ekspektasi', hint: 'Cukup di baris pertama pegawai.' },
    { key: 'ratingPerilaku', list: 'rating', header: 'Rating perilaku kerja', width: 20, example: 'Sesuai Ekspektasi', hint: 'Cukup di baris pertama pegawai.' },
  ],
};

export const TEMPLATE_TITLES: Record<TemplateKind, string> = {
  pegawai: 'Data pegawai',
  unit: 'Unit kerja',
  skp: 'SKP: RHK dan indikator',
  realisasi: 'Lembar penilaian per unit dan periode',
};

export interface MetaInfo {
  kind: TemplateKind;
  schemaVersion: number;
  appVersion: string;
  officeId: string;
  exportedAt: string;
  /** SKP and lembar penilaian: the year (and period) the file is for; another year is refused. */
  year?: number;
  /** The unit the file was prepared for (with its sub-units), or absent for the whole office. */
  unitId?: string;
  /** Lembar penilaian: the period key (periods.ts periodKey). */
  periodId?: string;
}

/** The Daftar sheet's columns: heading and allowed values, in sheet order. */
function listColumns(unitNames: readonly string[]): [ListKey, string, string[]][] {
  return [
    ['status', 'Status kepegawaian', EMPLOYEE_STATUSES.map((s) => messages[`pegawai.status.${s}`])],
    ['jenisKelamin', 'Jenis kelamin', ['L', 'P']],
    ['golongan', 'Golongan (PNS dan PPPK)', [...GOLONGAN_PNS.map((g) => `${g.pangkat} (${g.code})`), ...GOLONGAN_PPPK]],
    ['jenisJabatan', 'Jenis jabatan', JENIS_JABATAN.map((j) => messages[`pegawai.jenisJabatan.${j}`])],
    ['jenjang', 'Jenjang JF', JENJANG_ALL.map((j) => messages[`pegawai.jenjang.${j}`])],
    ['unit', 'Unit kerja', [...unitNames]],
    ['aspek', 'Aspek', ASPEK.map((a) => messages[`skp.aspek.${a}`])],
    ['rating', 'Rating', RATINGS.map((r) => PERMENPANRB_6_2022.ratingLabels[r])],
    ['jenisRhk', 'Jenis RHK', ['Utama', 'Tambahan']],
  ];
}

export function lists(unitNames: readonly string[]): CellValue[][] {
  const columns = listColumns(unitNames);
  const height = Math.max(...columns.map(([, , v]) => v.length));
  const rows: CellValue[][] = [columns.map(([, h]) => h)];
  for (let i = 0; i < height; i++) rows.push(columns.map(([, , v]) => v[i] ?? null));
  return rows;
}

/** "Daftar!$F$2:$F$9" for each list that has values. */
export function listSources(unitNames: readonly string[]): Map<ListKey, string> {
  const out = new Map<ListKey, string>();
  listColumns(unitNames).forEach(([key, , values], c) => {
    const col = String.fromCharCode(65 + c);
    if (values.length > 0) out.set(key, `Daftar!$${col}$2:$${col}$${values.length + 1}`);
  });
  return out;
}

export function metaRows(meta: MetaInfo): CellValue[][] {
  return [
    ['kind', meta.kind],
    ['schemaVersion', meta.schemaVersion],
    ['appVersion', meta.appVersion],
    ['officeId', meta.officeId],
    ['exportedAt', meta.exportedAt],
    ...(meta.year ? [['year', meta.year]] : []),
    ...(meta.unitId ? [['unitId', meta.unitId]] : []),
    ...(meta.periodId ? [['periodId', meta.periodId]] : []),
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
    ...(Number(get('year')) ? { year: Number(get('year')) } : {}),
    ...(get('unitId') ? { unitId: String(get('unitId')) } : {}),
    ...(get('periodId') ? { periodId: String(get('periodId')) } : {}),
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

/**
 * A data sheet in template layout: headers, keys, then `data` rows (the example row for a blank
 * template), with Text format and dropdowns down to INPUT_ROWS rows below the last one.
 * `unitNames`: how units are written (a name, or the path when names repeat), active units only.
 */
export function templateSheets(kind: TemplateKind, meta: MetaInfo, data: readonly CellValue[][], unitNames: readonly string[], withExample: boolean): SheetSpec[] {
  const cols = COLUMNS[kind];
  const rows: CellValue[][] = [cols.map((c) => c.header), cols.map((c) => c.key), ...(withExample ? [cols.map((c) => c.example)] : []), ...data];
  const petunjuk: CellValue[][] = [
    [`Templat ${TEMPLATE_TITLES[kind]} — Kinerja Luring`],
    [],
    ['Cara mengisi:'],
    [
      withExample
        ? '1. Isi sheet "Data" mulai baris 3. Baris 3 berisi contoh: timpa atau hapus sebelum mengirim.'
        : '1. Baris yang sudah terisi di sheet "Data" berasal dari aplikasi: ubah, tambah, atau hapus isinya, lalu kirim kembali.',
    ],
    ['2. Baris 2 disembunyikan: isinya kunci kolom untuk aplikasi. Jangan menghapusnya, dan jangan menghapus sheet tersembunyi "_meta".'],
    ['3. Kolom NIP berformat Teks sampai baris ' + String(EXAMPLE_ROW + 1 + Math.max(data.length, 1) + INPUT_ROWS - 1) + '. Bila NIP tampil seperti 1,98E+17, angka terakhirnya sudah hilang: format sel sebagai Teks lalu ketik ulang NIP-nya.'],
    ['4. Kolom dengan pilihan (status, golongan, unit kerja, …) berisi daftar tarik-turun; nilainya ada di sheet "Daftar".'],
    ['5. Simpan sebagai .xlsx lalu impor lewat menu Impor/Ekspor. Sebelum disimpan, aplikasi menampilkan pratinjau dan daftar galat per baris.'],
    [],
    ['Kolom', 'Keterangan'],
    ...cols.map((c) => [c.header, c.hint]),
  ];
  const fromRow = EXAMPLE_ROW;
  const toRow = EXAMPLE_ROW + Math.max(data.length, 1) + INPUT_ROWS - 1;
  const sources = listSources(unitNames);
  const lists_ = cols.flatMap((c, column) => {
    const source = c.list ? sources.get(c.list) : undefined;
    return source ? [{ column, fromRow, toRow, source, title: c.header }] : [];
  });
  const daftar = lists(unitNames);
  return [
    { name: 'Petunjuk', rows: petunjuk, widths: [40, 90] },
    {
      name: DATA_SHEET,
      rows,
      widths: cols.map((c, i) => Math.max(c.width, fitWidths(rows)[i] ?? 0)),
      textColumns: { columns: cols.flatMap((c, i) => (c.text ? [i] : [])), fromRow, toRow },
      lists: lists_,
      freezeRows: KEY_ROW + 1,
      hiddenRows: [KEY_ROW],
    },
    { name: 'Daftar', rows: daftar, widths: daftar[0]?.map(() => 26) ?? [] },
    { name: META_SHEET, rows: metaRows({ ...meta, kind }), hidden: true },
  ];
}
