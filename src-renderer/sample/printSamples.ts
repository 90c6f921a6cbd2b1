/**
 * Sample SKP, evaluations and a unit recap for the print tests, the PDF bench and the review
 * renders (scripts/render-forms). Never shipped as user data.
 */
import { appraiserSpread, type AppraisedRecord } from '../domain/appraiserSpread';
import { countPredikat } from '../domain/distribution';
import type { Evaluation } from '../domain/evaluation';
import { PERMENPANRB_6_2022, type Predikat } from '../domain/rulepack';
import type { PersonSnapshot, Rhk, Skp } from '../domain/skp';
import { DEFAULT_PRINT_PREFERENCES, type PaperSize } from '../domain/office';
import type { DashboardPrintData } from '../print/dashboard';
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
  kolomIntervensi: 'PIMPINAN',
  pangkatPenandatangan: false,
  lambang: null,
};

export function sampleRekap(): RekapData {
  const predikat: Predikat[] = ['SANGAT_BAIK', 'BAIK', 'BAIK', 'BAIK', 'BUTUH_PERBAIKAN'];
  const names = ['Budi Santoso, S.Kom.', 'Dewi Lestari, A.Md.', 'Eko Permana', 'Fitri Handayani, S.E.', 'Joko Setiawan'];
  return {
    unitId: 'unit-pelayanan',
    unitNama: 'Seksi Pelayanan Umum',
    kepalaUnit: 'Seksi Pelayanan Umum',
    periodId: '2026-TRIWULANAN-1',
    periodTitle: 'TRIWULAN I',
    periodText: '1 JANUARI SD 31 MARET TAHUN 2026',
    capaian: 'BAIK',
    scopeLine: 'Cakupan pedoman: setiap unit sendiri (anggota langsung saja).',
    judged: true,
    pedoman: 'Pedoman untuk capaian organisasi Baik: predikat Baik paling banyak dan paling banyak 70%; sekurang-kurangnya satu Butuh Perbaikan atau Kurang/Misconduct.',
    peringatan: [],
    justifikasi: '',
    rows: names.map((nama, i) => ({ nama, nip: `19900315201503100${i + 1}`, jabatan: 'Pengadministrasi Umum', unit: 'Seksi Pelayanan Umum', predikat: predikat[i] ?? '', status: 'FINAL' as const })),
    showUnit: false,
    kepala: SAMPLE_PENILAI,
    draft: false,
    pack: PERMENPANRB_6_2022,
  };
}

/** "t-001 t-002 …": words that each occur once, so a test can tell whether a piece went missing. */
export function numberedWords(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`).join(' ');
}

/**
 * The worst an office throws at a form: RHK of ~1,400 characters, realisasi of ~900, twelve dated
 * feedback notes per RHK, many indicators, long expectations, catatan and lampiran (issue #14).
 */
export function longSkp(pendekatan: Skp['pendekatan'] = 'KUANTITATIF', jenis: Skp['jenis'] = 'JA_JF'): Skp {
  const base = sampleSkp(4);
  const rhk = base.rhk.map((r, i) => ({
    ...r,
    teks: `RHK${i + 1} ${numberedWords(`r${i + 1}w`, 160)}`,
    intervensi: r.intervensi ? { ...r.intervensi, teks: `Intervensi${i + 1} ${numberedWords(`v${i + 1}w`, 40)}` } : null,
    perspektif: jenis === 'JPT' ? ('PROSES_BISNIS' as const) : r.perspektif,
    penugasanDari: pendekatan === 'KUALITATIF' || jenis === 'JPT' ? `Penugasan${i + 1}` : '',
    indikator: i === 1 ? [] : Array.from({ length: i === 0 ? 9 : 3 }, (_, j) => ({ id: `iki-${i}-${j}`, aspek: r.indikator[j % 3]!.aspek, teks: `IKI${i + 1}.${j + 1} ${numberedWords(`i${i + 1}x${j + 1}w`, j === 0 ? 60 : 8)}`, target: `${j + 10} Dokumen` })),
  }));
  const ekspektasi = Object.fromEntries(PERMENPANRB_6_2022.berakhlak.map((v, i) => [v.code, `Eksp${i + 1} ${numberedWords(`e${i + 1}w`, i === 0 ? 200 : 12)}`]));
  return {
    ...base,
    pendekatan,
    jenis,
    rhk,
    ekspektasi,
    status: 'DRAF',
    lampiran: {
      dukungan: Array.from({ length: 12 }, (_, i) => `Dukungan${i + 1} ${numberedWords(`d${i + 1}w`, 30)}`),
      skema: [`Skema ${numberedWords('s', 40)}`],
      konsekuensi: [`Konsekuensi ${numberedWords('k', 40)}`],
    },
  };
}

export function longEvaluation(skp: Skp): Evaluation {
  const hasil = Object.fromEntries(
    skp.rhk.map((r, i) => [
      r.id,
      {
        realisasi: `Realisasi${i + 1} ${numberedWords(`a${i + 1}w`, 110)}`,
        buktiDukung: '',
        umpanBalik: Array.from({ length: 12 }, (_, m) => ({ id: `ub-${i}-${m}`, tanggal: `2026-${String(m + 1).padStart(2, '0')}-15`, teks: `Catatan${i + 1}.${m + 1} ${numberedWords(`u${i + 1}m${m + 1}w`, 9)}` })),
      },
    ]),
  );
  const perilaku = Object.fromEntries(PERMENPANRB_6_2022.berakhlak.map((v, i) => [v.code, `Perilaku${i + 1} ${numberedWords(`p${i + 1}w`, i === 2 ? 180 : 10)}`]));
  return sampleEvaluation(skp, {
    id: 'eva-long',
    periodId: '2026-TRIWULANAN-4',
    periodLabel: 'TRIWULAN IV',
    akhir: true,
    mulai: '2026-01-01',
    selesai: '2026-12-31',
    hasil,
    perilaku,
    status: 'DRAF',
    rekomendasi: { pengembangan: `Pengembangan ${numberedWords('g', 150)}`, penghargaan: `Penghargaan ${numberedWords('h', 40)}`, pembinaan: `Pembinaan ${numberedWords('b', 40)}` },
  });
}

/** A unit of sixty, some with long names and jabatan. */
export function longRekap(): RekapData {
  const base = sampleRekap();
  const predikat: Predikat[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG'];
  return {
    ...base,
    rows: Array.from({ length: 60 }, (_, i) => ({
      nama: `Pegawai${i + 1} ${i % 20 === 0 ? numberedWords(`n${i + 1}w`, 30) : 'Santoso'}`,
      nip: `1990031520150310${String(i).padStart(2, '0')}`,
      jabatan: `Jabatan${i + 1} ${i % 25 === 3 ? numberedWords(`j${i + 1}w`, 250) : 'Pengadministrasi Umum'}`,
      unit: i % 30 === 7 ? `Seksi ${numberedWords(`u${i + 1}w`, 40)}` : `Seksi ${['Pemerintahan', 'Pelayanan Umum', 'Ketenteraman'][i % 3]}`,
      predikat: predikat[i % 5]!,
      status: 'FINAL' as const,
    })),
    // The office-wide recap: everyone with their unit, in a fifth column that must not lose words either.
    showUnit: true,
    justifikasi: `Justifikasi ${numberedWords('z', 60)}`,
  };
}

/**
 * The dashboard page of a large office: `units` SKP rows, `appraisers` pejabat penilai (the first
 * one lenient), four periods, long unit names and the office-wide warnings, to check it still fits
 * one landscape page.
 */
export function sampleDashboard(paper: PaperSize, units: number, appraisers: number): DashboardPrintData {
  const pack = PERMENPANRB_6_2022;
  const records: AppraisedRecord[] = [];
  for (let a = 0; a < appraisers; a++) {
    for (let i = 0; i < 6; i++) {
      const predikat: Predikat = a === 0 ? 'SANGAT_BAIK' : i === 5 ? 'BUTUH_PERBAIKAN' : 'BAIK';
      records.push({ employeeId: `e-${a}-${i}`, penilaiKey: `p-${a}`, penilaiNama: `Drs. Penilai Nomor ${a + 1} Dengan Nama Panjang, M.Si.`, predikat });
    }
  }
  const counts = countPredikat(records.map((r) => r.predikat));
  const periods = ['TRIWULAN I', 'TRIWULAN II', 'TRIWULAN III', 'TRIWULAN IV'];
  return {
    pack,
    paper,
    kantor: 'Kecamatan Curug',
    instansi: 'Pemerintah Kabupaten Tangerang',
    periodTitle: 'TRIWULAN I 2026',
    printedOn: 'Dicetak 2 Desember 2026',
    scopeLine: 'Cakupan pedoman: seluruh kantor.',
    office: {
      nama: 'Kecamatan Curug',
      capaian: 'Baik',
      n: records.length,
      all: records.length + 4,
      counts,
      bands: { SANGAT_BAIK: [0, Math.floor(records.length * 0.2)], BAIK: [0, Math.floor(records.length * 0.7)] },
      guideline: 'Pedoman untuk capaian organisasi Baik: predikat Baik paling banyak dan paling banyak 70%; sekurang-kurangnya satu Butuh Perbaikan atau Kurang/Misconduct.',
      warnings: ['Sangat Baik paling banyak 20% (sekarang 17%).', 'Baik paling banyak 70% (sekarang 69%).'],
      ok: '',
      empty: '',
    },
    appraisers: appraiserSpread(records),
    appraiserMark: { LONGGAR: 'Jauh lebih longgar dari kantor', KETAT: 'Jauh lebih ketat dari kantor' },
    appraiserHint: 'Penanda hanya bahan percakapan, bukan penilaian atas pejabat penilai.',
    short: { SANGAT_BAIK: 'SB', BAIK: 'B', BUTUH_PERBAIKAN: 'BP', KURANG_MISCONDUCT: 'K/M', SANGAT_KURANG: 'SK' },
    skp: Array.from({ length: units }, (_, i) => ({
      unitId: `u-${i}`,
      nama: i === 0 ? 'Kecamatan Curug' : `Seksi Kesejahteraan Sosial dan Pemberdayaan Masyarakat ${i}`,
      depth: i === 0 ? 0 : 1,
      counts: { BELUM: i % 3, DRAF: 1, DIAJUKAN: 2, DISETUJUI: 5 },
      ids: { BELUM: [], DRAF: [], DIAJUKAN: [], DISETUJUI: [] },
    })),
    skpLabels: { BELUM: 'Belum ada', DRAF: 'Draf', DIAJUKAN: 'Diajukan', DISETUJUI: 'Disetujui' },
    evaluations: periods.map((title, i) => ({ periodId: `2026-TRIWULANAN-${i + 1}`, title, belum: i * 3, draf: 2, final: records.length - i })),
    trend: periods.map((title, i) => ({ periodId: `2026-TRIWULANAN-${i + 1}`, title, n: records.length - i, counts })),
    labels: {
      title: 'Dasbor kinerja pegawai — periode TRIWULAN I 2026',
      capaian: 'Capaian kinerja organisasi',
      office: 'Seluruh kantor',
      appraiser: 'Sebaran menurut pejabat penilai',
      skp: 'Kemajuan SKP per unit',
      eval: 'Kemajuan evaluasi per periode',
      trend: 'Perubahan sebaran predikat antarperiode',
      unit: 'Unit kerja',
      total: 'Jumlah',
      belum: 'Belum dimulai',
      draf: 'Draf',
      final: 'Final',
      others: '{count} lainnya',
      appraiserName: 'Pejabat penilai',
      rated: 'Dinilai',
      mean: 'Rata-rata (5 = Sangat Baik)',
      period: 'Periode',
    },
  };
}
