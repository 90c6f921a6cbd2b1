/**
 * Rule packs: the regulation's tables as versioned data, not code branches (docs/aturan-kinerja.md §6–§9,
 * §14). PermenPANRB 6/2022 is the default; an office may adjust the editable tables, and every SKP
 * and evaluation records the pack id and version it used.
 */
import type { JenjangJf } from './pegawai';
import type { SyncMeta } from './records';

export const RATINGS = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'] as const;
export type Rating = (typeof RATINGS)[number];

export const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG'] as const;
export type Predikat = (typeof PREDIKATS)[number];

export const CAPAIAN_ORGANISASI = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type CapaianOrganisasi = (typeof CAPAIAN_ORGANISASI)[number];

/**
 * One line of the distribution guideline (§7.2):
 * - dominant: the named predikat should be the largest group, and at most `maxShare` of all;
 * - minShare / maxShare: the named predikat together hold at least / at most that share;
 * - atLeastOne: there must be at least one employee with one of the named predikat.
 */
export type DistributionRule =
  | { kind: 'dominant'; predikat: Predikat; maxShare: number }
  | { kind: 'minShare'; predikat: readonly Predikat[]; share: number }
  | { kind: 'maxShare'; predikat: readonly Predikat[]; share: number }
  | { kind: 'atLeastOne'; predikat: readonly Predikat[] };

export interface BerakhlakValue {
  code: string;
  nama: string;
  makna: string;
  panduan: readonly [string, string, string];
}

export interface RulePack {
  id: string;
  version: number;
  nama: string;
  ratingLabels: Record<Rating, string>;
  ratingAliases: Record<Rating, readonly string[]>;
  predikatLabels: Record<Predikat, string>;
  predikatAliases: Record<Predikat, readonly string[]>;
  capaianLabels: Record<CapaianOrganisasi, string>;
  /** matrix[hasil kerja][perilaku kerja] */
  matrix: Record<Rating, Record<Rating, Predikat>>;
  distribution: Record<CapaianOrganisasi, readonly DistributionRule[]>;
  /** Rounding of percentage limits on small units (§7.3): minimums up, maximums down by default. */
  rounding: { min: 'ceil' | 'round' | 'floor'; max: 'floor' | 'round' | 'ceil' };
  /** Suggested rating hasil kerja of a unit head from the unit's result (§3.3, unconfirmed default). */
  leaderRating: Record<CapaianOrganisasi, Rating>;
  berakhlak: readonly BerakhlakValue[];
  angkaKredit: {
    conversion: Record<Predikat, number>;
    coefficient: Record<JenjangJf, number>;
    /** Yearly achievement cap as a multiple of the yearly coefficient (Peraturan BKN 11/2022). */
    yearlyCap: number;
  };
  /** Competency development hours per year (PP 11/2017 jo. PP 17/2020; PP 49/2018). */
  jamPelajaran: { pnsMinimum: number; pppkMaximum: number };
}

export const PERMENPANRB_6_2022: RulePack = {
  id: 'permenpanrb-6-2022',
  version: 1,
  nama: 'PermenPANRB Nomor 6 Tahun 2022',
  ratingLabels: {
    DI_ATAS_EKSPEKTASI: 'Di Atas Ekspektasi',
    SESUAI_EKSPEKTASI: 'Sesuai Ekspektasi',
    DI_BAWAH_EKSPEKTASI: 'Di Bawah Ekspektasi',
  },
  ratingAliases: {
    DI_ATAS_EKSPEKTASI: ['di atas ekspektasi', 'diatas ekspektasi', 'di atas', 'diatas'],
    SESUAI_EKSPEKTASI: ['sesuai ekspektasi', 'sesuai'],
    DI_BAWAH_EKSPEKTASI: ['di bawah ekspektasi', 'dibawah ekspektasi', 'di bawah', 'dibawah'],
  },
  predikatLabels: {
    SANGAT_BAIK: 'Sangat Baik',
    BAIK: 'Baik',
    BUTUH_PERBAIKAN: 'Butuh Perbaikan',
    KURANG_MISCONDUCT: 'Kurang/Misconduct',
    SANGAT_KURANG: 'Sangat Kurang',
  },
  predikatAliases: {
    SANGAT_BAIK: ['sangat baik'],
    BAIK: ['baik'],
    BUTUH_PERBAIKAN: ['butuh perbaikan', 'cukup', 'butuh perbaikan/cukup'],
    KURANG_MISCONDUCT: ['kurang/misconduct', 'kurang', 'misconduct', 'kurang (misconduct)'],
    SANGAT_KURANG: ['sangat kurang'],
  },
  capaianLabels: {
    ISTIMEWA: 'Istimewa',
    BAIK: 'Baik',
    BUTUH_PERBAIKAN: 'Butuh Perbaikan',
    KURANG: 'Kurang',
    SANGAT_KURANG: 'Sangat Kurang',
  },
  matrix: {
    DI_ATAS_EKSPEKTASI: { DI_BAWAH_EKSPEKTASI: 'KURANG_MISCONDUCT', SESUAI_EKSPEKTASI: 'BAIK', DI_ATAS_EKSPEKTASI: 'SANGAT_BAIK' },
    SESUAI_EKSPEKTASI: { DI_BAWAH_EKSPEKTASI: 'KURANG_MISCONDUCT', SESUAI_EKSPEKTASI: 'BAIK', DI_ATAS_EKSPEKTASI: 'BAIK' },
    DI_BAWAH_EKSPEKTASI: { DI_BAWAH_EKSPEKTASI: 'SANGAT_KURANG', SESUAI_EKSPEKTASI: 'BUTUH_PERBAIKAN', DI_ATAS_EKSPEKTASI: 'BUTUH_PERBAIKAN' },
  },
  distribution: {
    ISTIMEWA: [{ kind: 'dominant', predikat: 'SANGAT_BAIK', maxShare: 0.7 }],
    BAIK: [
      { kind: 'dominant', predikat: 'BAIK', maxShare: 0.7 },
      { kind: 'atLeastOne', predikat: ['BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT'] },
    ],
    BUTUH_PERBAIKAN: [
      { kind: 'minShare', predikat: ['BUTUH_PERBAIKAN'], share: 0.6 },
      { kind: 'maxShare', predikat: ['SANGAT_BAIK'], share: 0.1 },
    ],
    KURANG: [
      { kind: 'minShare', predikat: ['KURANG_MISCONDUCT'], share: 0.6 },
      { kind: 'minShare', predikat: ['BUTUH_PERBAIKAN'], share: 0.1 },
      { kind: 'maxShare', predikat: ['SANGAT_BAIK'], share: 0.1 },
    ],
    SANGAT_KURANG: [
      { kind: 'minShare', predikat: ['SANGAT_KURANG'], share: 0.6 },
      { kind: 'minShare', predikat: ['KURANG_MISCONDUCT', 'BUTUH_PERBAIKAN'], share: 0.1 },
      { kind: 'maxShare', predikat: ['SANGAT_BAIK'], share: 0 },
    ],
  },
  rounding: { min: 'ceil', max: 'floor' },
  leaderRating: {
    ISTIMEWA: 'DI_ATAS_EKSPEKTASI',
    BAIK: 'SESUAI_EKSPEKTASI',
    BUTUH_PERBAIKAN: 'DI_BAWAH_EKSPEKTASI',
    KURANG: 'DI_BAWAH_EKSPEKTASI',
    SANGAT_KURANG: 'DI_BAWAH_EKSPEKTASI',
  },
  berakhlak: [
    {
      code: 'BERORIENTASI_PELAYANAN',
      nama: 'Berorientasi Pelayanan',
      makna: 'Komitmen memberikan pelayanan prima demi kepuasan masyarakat',
      panduan: [
        'Memahami dan memenuhi kebutuhan masyarakat',
        'Ramah, cekatan, solutif, dan dapat diandalkan',
        'Melakukan perbaikan tiada henti',
      ],
    },
    {
      code: 'AKUNTABEL',
      nama: 'Akuntabel',
      makna: 'Bertanggung jawab atas kepercayaan yang diberikan',
      panduan: [
        'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
        'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
        'Tidak menyalahgunakan kewenangan jabatan',
      ],
    },
    {
      code: 'KOMPETEN',
      nama: 'Kompeten',
      makna: 'Terus belajar dan mengembangkan kapabilitas',
      panduan: [
        'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
        'Membantu orang lain belajar',
        'Melaksanakan tugas dengan kualitas terbaik',
      ],
    },
    {
      code: 'HARMONIS',
      nama: 'Harmonis',
      makna: 'Saling peduli dan menghargai perbedaan',
      panduan: [
        'Menghargai setiap orang apa pun latar belakangnya',
        'Suka menolong orang lain',
        'Membangun lingkungan kerja yang kondusif',
      ],
    },
    {
      code: 'LOYAL',
      nama: 'Loyal',
      makna: 'Berdedikasi dan mengutamakan kepentingan bangsa dan negara',
      panduan: [
        'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah',
        'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara',
        'Menjaga rahasia jabatan dan negara',
      ],
    },
    {
      code: 'ADAPTIF',
      nama: 'Adaptif',
      makna: 'Terus berinovasi dan antusias dalam menggerakkan serta menghadapi perubahan',
      panduan: [
        'Cepat menyesuaikan diri menghadapi perubahan',
        'Terus berinovasi dan mengembangkan kreativitas',
        'Bertindak proaktif',
      ],
    },
    {
      code: 'KOLABORATIF',
      nama: 'Kolaboratif',
      makna: 'Membangun kerja sama yang sinergis',
      panduan: [
        'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
        'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
        'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
      ],
    },
  ],
  angkaKredit: {
    conversion: { SANGAT_BAIK: 1.5, BAIK: 1, BUTUH_PERBAIKAN: 0.75, KURANG_MISCONDUCT: 0.5, SANGAT_KURANG: 0.25 },
    // Ahli Pertama and Ahli Muda confirmed by 2+ sources; the others are editable defaults (§9.1).
    coefficient: {
      AHLI_PERTAMA: 12.5, AHLI_MUDA: 25, AHLI_MADYA: 37.5, AHLI_UTAMA: 50,
      PEMULA: 3.75, TERAMPIL: 5, MAHIR: 12.5, PENYELIA: 25,
    },
    yearlyCap: 1.5,
  },
  jamPelajaran: { pnsMinimum: 20, pppkMaximum: 24 },
};

/** Folded for alias matching: lower case, single spaces, "di atas"/"diatas" kept as written. */
function fold(s: string): string {
  return s.toLowerCase().replace(/[_\s]+/g, ' ').replace(/\s*\/\s*/g, '/').trim();
}

/** A rating as offices write it ("Diatas ekspektasi", "DI ATAS EKSPEKTASI", code) → code, or null. */
export function parseRating(pack: RulePack, text: string): Rating | null {
  const f = fold(text);
  for (const r of RATINGS) {
    if (fold(r) === f || fold(pack.ratingLabels[r]) === f || pack.ratingAliases[r].some((a) => fold(a) === f)) return r;
  }
  return null;
}

/** A predikat by its label, code or alias ("Cukup", "Kurang", "Misconduct") → code, or null. */
export function parsePredikat(pack: RulePack, text: string): Predikat | null {
  const f = fold(text);
  for (const p of PREDIKATS) {
    if (fold(p) === f || fold(pack.predikatLabels[p]) === f || pack.predikatAliases[p].some((a) => fold(a) === f)) return p;
  }
  return null;
}

/** The predikat for a pair of ratings, read from the pack's matrix (never computed). */
export function predikatOf(pack: RulePack, hasilKerja: Rating, perilakuKerja: Rating): Predikat {
  return pack.matrix[hasilKerja][perilakuKerja];
}

export type RulePackIssue = { code: 'labelRequired' | 'shareOutOfRange' | 'numberInvalid'; path: string };

/**
 * Checks an edited pack before it becomes active: labels present, shares between 0 and 1,
 * conversion percentages, coefficients and hours non-negative numbers. The matrix is not
 * editable here; a different matrix is a different regulation, i.e. a new pack.
 */
export function validateRulePack(pack: RulePack): RulePackIssue[] {
  const issues: RulePackIssue[] = [];
  const labels = (group: string, rec: Record<string, string>) => {
    for (const [k, v] of Object.entries(rec)) if (!v.trim()) issues.push({ code: 'labelRequired', path: `${group}.${k}` });
  };
  labels('ratingLabels', pack.ratingLabels);
  labels('predikatLabels', pack.predikatLabels);
  labels('capaianLabels', pack.capaianLabels);
  const number = (path: string, x: number) => {
    if (!Number.isFinite(x) || x < 0) issues.push({ code: 'numberInvalid', path });
  };
  for (const [capaian, rules] of Object.entries(pack.distribution)) {
    rules.forEach((r, i) => {
      const share = r.kind === 'dominant' ? r.maxShare : r.kind === 'atLeastOne' ? 0 : r.share;
      if (!Number.isFinite(share) || share < 0 || share > 1) issues.push({ code: 'shareOutOfRange', path: `distribution.${capaian}.${i}` });
    });
  }
  for (const [k, v] of Object.entries(pack.angkaKredit.conversion)) number(`angkaKredit.conversion.${k}`, v);
  for (const [k, v] of Object.entries(pack.angkaKredit.coefficient)) number(`angkaKredit.coefficient.${k}`, v);
  number('angkaKredit.yearlyCap', pack.angkaKredit.yearlyCap);
  number('jamPelajaran.pnsMinimum', pack.jamPelajaran.pnsMinimum);
  number('jamPelajaran.pppkMaximum', pack.jamPelajaran.pppkMaximum);
  return issues;
}

/** Built-in packs by id; an office's edited versions live in the database and name their base. */
export const BUILT_IN_PACKS: readonly RulePack[] = [PERMENPANRB_6_2022];

/** An office's adjusted copy of a pack: same id, next version; the newest one is active. */
export interface StoredRulePack extends SyncMeta {
  packId: string;
  version: number;
  pack: RulePack;
}
