/**
 * Sample SKP, evaluations and a unit recap for the print tests, the PDF bench and the review
 * renders (scripts/render-forms). Never shipped as user data.
 */
import type { Evaluation } from '../domain/evaluation';
import { PERMENPANRB_6_2022, type Predikat } from '../domain/rulepack';
import type { PersonSnapshot, Rhk, Skp } from '../domain/skp';
import { DEFAULT_PRINT_PREFERENCES } from '../domain/office';
import type { PrintOptions, RekapData } from '../print/model';

const META = { createdAt: '2026-01-05T08:00:00.000Z', updatedAt: '2026-01-20T08:00:00.000Z', updatedBy: 'office-curug', rev: '0000000001-0000-office', deleted: false };

export const SAMPLE_PEGAWAI: PersonSnapshot = {
  employeeId: 'emp-budi',
  nama: 'Budi Santoso, S.Kom.',
  nip: '199003152015031002',
  status: 'PNS',
  pangkat: 'Penata Muda Tingkat I / III/b',
  jabatan: 'Pranata Komputer Ahli Pertama',
  unit: 'Seksi Pelayanan Umum',
};

export const SAMPLE_PENILAI: PersonSnapshot = {
  employeeId: 'emp-rina',
  nama: 'Rina Marlina, S.Sos., M.Si.',
  nip: '198205102006042003',
  status: 'PNS',
  pangkat: 'Penata Tingkat I / III/d',
  jabatan: 'Kepala Seksi Pelayanan Umum',
  unit: 'Kecamatan Curug',
};

export const SAMPLE_ATASAN_PENILAI: PersonSnapshot = {
  employeeId: 'emp-asep',
  nama: 'Drs. H. Asep Saepudin, M.Si.',
  nip: '197501012000031001',
  status: 'PNS',
  pangkat: 'Pembina Tingkat I / IV/b',
  jabatan: 'Camat Curug',
  unit: 'Kecamatan Curug',
};

const RHK_TEXTS = [
  'Terlaksananya pelayanan administrasi kependudukan yang cepat dan tepat',
  'Tersedianya data pelayanan umum kecamatan yang mutakhir',
  'Terkelolanya sistem informasi pelayanan kecamatan',
  'Tersusunnya laporan kinerja pelayanan triwulanan',
  'Terlaksananya pemeliharaan perangkat komputer kantor',
];

function rhk(i: number, jenis: 'UTAMA' | 'TAMBAHAN'): Rhk {
  const teks = `${RHK_TEXTS[i % RHK_TEXTS.length]}${i >= RHK_TEXTS.length ? ` (bagian ${Math.floor(i / RHK_TEXTS.length) + 1})` : ''}`;
  return {
    id: `rhk-${i + 1}`,
    jenis,
    teks,
    intervensi: { skpId: 'skp-rina', rhkId: `rhk-atasan-${(i % 3) + 1}`, teks: 'Meningkatnya kualitas pelayanan umum di Kecamatan Curug' },
    penugasanDari: '',
    perspektif: '',
    indikator: [
      { id: `iki-${i}-1`, aspek: 'KUANTITAS', teks: 'Jumlah dokumen pelayanan yang diselesaikan', target: '120 Dokumen' },
      { id: `iki-${i}-2`, aspek: 'KUALITAS', teks: 'Persentase dokumen tanpa perbaikan', target: '95%' },
      { id: `iki-${i}-3`, aspek: 'WAKTU', teks: 'Waktu penyelesaian layanan', target: '12 Bulan' },
    ],
  };
}

/** An approved quantitative SKP; `rhkCount` RHK, the last one TAMBAHAN when there are three or more. */
export function sampleSkp(rhkCount = 3, over: Partial<Skp> = {}): Skp {
  const list = Array.from({ length: rhkCount }, (_, i) => rhk(i, rhkCount >= 3 && i === rhkCount - 1 ? 'TAMBAHAN' : 'UTAMA'));
  return {
    id: 'skp-budi-2026',
    ...META,
    employeeId: SAMPLE_PEGAWAI.employeeId,
    year: 2026,
    mulai: '2026-01-01',
    selesai: '2026-12-31',
    pendekatan: 'KUANTITATIF',
    jenis: 'JA_JF',
    pegawai: SAMPLE_PEGAWAI,
    penilai: SAMPLE_PENILAI,
    atasanPenilai: SAMPLE_ATASAN_PENILAI,
    rhk: list,
    ekspektasi: { BERORIENTASI_PELAYANAN: 'Melayani warga dengan ramah dan tuntas pada hari yang sama', AKUNTABEL: 'Menyusun laporan tepat waktu' },
    lampiran: {
      dukungan: ['Satu unit komputer dan printer', 'Akses aplikasi SIAK'],
      skema: ['Laporan bulanan kepada Kepala Seksi Pelayanan Umum'],
      konsekuensi: ['Predikat kinerja sesuai capaian', 'Tunjangan kinerja sesuai ketentuan'],
    },
    status: 'DISETUJUI',
    disetujuiPada: '2026-01-20',
    rulePack: { id: PERMENPANRB_6_2022.id, version: PERMENPANRB_6_2022.version },
    ...over,
  };
}

export function sampleEvaluation(skp: Skp, over: Partial<Evaluation> = {}): Evaluation {
  const hasil = Object.fromEntries(
    skp.rhk.map((r, i) => [
      r.id,
      {
        realisasi: `${100 + i} dokumen selesai; 96% tanpa perbaikan; tepat waktu`,
        buktiDukung: 'Register pelayanan',
        umpanBalik: [{ id: `ub-${i}`, tanggal: '2026-02-14', teks: 'Pertahankan kecepatan layanan.' }],
      },
    ]),
  );
  return {
    id: 'eva-budi-2026-q1',
    ...META,
    employeeId: skp.employeeId,
    skpId: skp.id,
    unitId: 'unit-pelayanan',
    year: 2026,
    periodId: '2026-TRIWULANAN-1',
    periodLabel: 'TRIWULAN I',
    akhir: false,
    mulai: '2026-01-01',
    selesai: '2026-03-31',
    pegawai: skp.pegawai,
    penilai: skp.penilai,
    atasanPenilai: skp.atasanPenilai,
    hasil,
    perilaku: { BERORIENTASI_PELAYANAN: 'Warga memberi apresiasi atas pelayanan yang ramah.', KOLABORATIF: 'Aktif membantu seksi lain saat pelayanan KTP keliling.' },
    masukan: [],
    ratingHasil: 'DI_ATAS_EKSPEKTASI',
    ratingPerilaku: 'SESUAI_EKSPEKTASI',
    predikat: 'BAIK',
    status: 'FINAL',
    finalPada: '2026-04-05',
    rekomendasi: { pengembangan: 'Pelatihan keamanan informasi (20 JP)', penghargaan: '', pembinaan: '' },
    rulePack: skp.rulePack,
    ...over,
  };
}

export const SAMPLE_OPTIONS: PrintOptions = {
  paper: 'A4',
  orientation: 'portrait',
  margins: DEFAULT_PRINT_PREFERENCES.margins,
  tanggal: { year: 2026, month: 11, day: 23 },
  office: { namaInstansi: 'Pemerintah Kabupaten Tangerang', namaKantor: 'Kecamatan Curug', alamat: 'Jl. Raya Curug No. 1, Curug, Kabupaten Tangerang, Banten 15810', tempat: 'Curug' },
  logo: null,
  tandaTangan: {},
  garisBawahNama: true,
  penandatanganEvaluasi: 'DUA',
};

export function sampleRekap(): RekapData {
  const predikat: Predikat[] = ['SANGAT_BAIK', 'BAIK', 'BAIK', 'BAIK', 'BUTUH_PERBAIKAN'];
  const names = ['Budi Santoso, S.Kom.', 'Dewi Lestari, A.Md.', 'Eko Permana', 'Fitri Handayani, S.E.', 'Joko Setiawan'];
  return {
    unitId: 'unit-pelayanan',
    unitNama: 'Seksi Pelayanan Umum',
    periodId: '2026-TRIWULANAN-1',
    periodTitle: 'TRIWULAN I',
    periodText: '1 JANUARI SD 31 MARET TAHUN 2026',
    capaian: 'BAIK',
    pedoman: 'Pedoman untuk capaian organisasi Baik: predikat Baik paling banyak dan paling banyak 70%; sekurang-kurangnya satu Butuh Perbaikan atau Kurang/Misconduct.',
    peringatan: [],
    justifikasi: '',
    rows: names.map((nama, i) => ({ nama, nip: `19900315201503100${i + 1}`, jabatan: 'Pengadministrasi Umum', predikat: predikat[i] ?? '', status: 'FINAL' as const })),
    kepala: SAMPLE_PENILAI,
    draft: false,
    pack: PERMENPANRB_6_2022,
  };
}
