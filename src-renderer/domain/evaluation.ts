/**
 * The evaluation of one employee for one period (docs/aturan-kinerja.md §3.2, §3.3, §5.1, §6). The same
 * document carries the monitoring of the period (realisasi, bukti dukung, dated umpan balik,
 * input from colleagues) and, at the end of it, the two ratings and the predikat. The ratings are
 * the appraiser's choice; only the predikat is read from the rule pack's matrix.
 */
import { type CapaianOrganisasi, type Predikat, type Rating, type RulePack } from './rulepack';
import type { SyncMeta } from './records';
import type { PersonSnapshot, Skp } from './skp';
import type { EvaluationStatus } from './workflow';

export interface UmpanBalik {
  id: string;
  /** ISO date the feedback was given. */
  tanggal: string;
  teks: string;
}

/** Monitoring and evaluation of one RHK in one period. */
export interface HasilEntry {
  realisasi: string;
  /** Notes on the evidence; files are attachments owned by the evaluation. */
  buktiDukung: string;
  umpanBalik: UmpanBalik[];
}

export type SumberMasukan = 'REKAN_KERJA' | 'PENERIMA_LAYANAN';

/** Input from a colleague or a service user about one BerAKHLAK value: evidence, never a score. */
export interface Masukan {
  id: string;
  sumber: SumberMasukan;
  nilai: string;
  tanggal: string;
  teks: string;
}

export interface Rekomendasi {
  pengembangan: string;
  penghargaan: string;
  pembinaan: string;
}

export interface EvaluationFields {
  employeeId: string;
  skpId: string;
  /** The employee's unit when the evaluation started: the unit whose distribution it counts in. */
  unitId: string | null;
  year: number;
  /** The period key (periods.ts `periodKey`), e.g. "2026-TRIWULANAN-1". */
  periodId: string;
  periodLabel: string;
  akhir: boolean;
  mulai: string;
  selesai: string;
  pegawai: PersonSnapshot;
  penilai: PersonSnapshot | null;
  atasanPenilai: PersonSnapshot | null;
  /** Per RHK id of the SKP. */
  hasil: Record<string, HasilEntry>;
  /** Umpan balik per BerAKHLAK value code. */
  perilaku: Record<string, string>;
  masukan: Masukan[];
  ratingHasil: Rating | '';
  ratingPerilaku: Rating | '';
  /** Read from the matrix whenever both ratings are set; stored so lists and exports need no pack. */
  predikat: Predikat | '';
  status: EvaluationStatus;
  finalPada: string;
  rekomendasi: Rekomendasi;
  rulePack: { id: string; version: number };
}

export interface Evaluation extends SyncMeta, EvaluationFields {}

export function emptyHasil(): HasilEntry {
  return { realisasi: '', buktiDukung: '', umpanBalik: [] };
}

/**
 * The date a new umpan balik starts with: today while the period runs, its last day once it is
 * over, its first day before it starts (ISO dates compare as text).
 */
export function feedbackDateDefault(today: string, mulai: string, selesai: string): string {
  if (today < mulai) return mulai;
  if (today > selesai) return selesai;
  return today;
}

/** The predikat for the ratings chosen so far, or '' while one is missing. */
export function predikatFor(pack: RulePack, hasil: Rating | '', perilaku: Rating | ''): Predikat | '' {
  return hasil && perilaku ? pack.matrix[hasil][perilaku] : '';
}

/** For a unit head the unit's organisational result suggests the rating hasil kerja (§3.3). */
export function suggestedLeaderRating(pack: RulePack, capaian: CapaianOrganisasi | ''): Rating | '' {
  return capaian ? pack.leaderRating[capaian] : '';
}

export type EvaluationIssueCode = 'ratingHasilRequired' | 'ratingPerilakuRequired' | 'realisasiRequired';

export interface EvaluationIssue {
  code: EvaluationIssueCode;
  group?: 'UTAMA' | 'TAMBAHAN';
  rhkNo?: number;
  rhkTeks?: string;
}

/** What must be filled before an evaluation can be made final. */
export function validateEvaluation(ev: Pick<EvaluationFields, 'hasil' | 'ratingHasil' | 'ratingPerilaku'>, skp: Pick<Skp, 'rhk'>): EvaluationIssue[] {
  const issues: EvaluationIssue[] = [];
  for (const group of ['UTAMA', 'TAMBAHAN'] as const) {
    skp.rhk
      .filter((r) => r.jenis === group)
      .forEach((r, i) => {
        if (!ev.hasil[r.id]?.realisasi.trim()) issues.push({ code: 'realisasiRequired', group, rhkNo: i + 1, rhkTeks: r.teks });
      });
  }
  if (!ev.ratingHasil) issues.push({ code: 'ratingHasilRequired' });
  if (!ev.ratingPerilaku) issues.push({ code: 'ratingPerilakuRequired' });
  return issues;
}

/** Why an evaluation cannot be started: the SKP must be approved and the employee active. */
export type EvaluationStartProblem = 'skpNotApproved' | 'employeeInactive' | null;

export function startProblem(skp: Pick<Skp, 'status'>, employeeAktif: boolean): EvaluationStartProblem {
  if (!employeeAktif) return 'employeeInactive';
  if (skp.status !== 'DISETUJUI') return 'skpNotApproved';
  return null;
}

/** Predikat that call for pembinaan (§9.6, configurable set; default the two lowest). */
export const POOR_PREDIKAT: readonly Predikat[] = ['KURANG_MISCONDUCT', 'SANGAT_KURANG'];

export function isPoor(p: Predikat | ''): boolean {
  return p !== '' && POOR_PREDIKAT.includes(p);
}

/**
 * How many of the latest final predikat in a row are poor, oldest first in `chronological`.
 * §9.6: flag after the first poor annual result; "berturut-turut" from two in a row.
 */
export function poorStreak(chronological: readonly (Predikat | '')[]): number {
  let n = 0;
  for (let i = chronological.length - 1; i >= 0; i--) {
    if (!isPoor(chronological[i] ?? '')) break;
    n++;
  }
  return n;
}

/** Progress to the yearly development hours (§9.4): PNS at least 20 JP; PPPK at most 24. */
export interface JpProgress {
  total: number;
  target: number;
  reached: boolean;
  /** PPPK only: more hours than the contract year allows. */
  overCap: boolean;
  cap: number | null;
}

export function jpProgress(pack: RulePack, status: 'PNS' | 'PPPK', hours: readonly number[]): JpProgress {
  const total = Math.round(hours.reduce((a, b) => a + b, 0) * 100) / 100;
  const target = pack.jamPelajaran.pnsMinimum;
  const cap = status === 'PPPK' ? pack.jamPelajaran.pppkMaximum : null;
  return { total, target, reached: total >= target, overCap: cap !== null && total > cap, cap };
}

/** Calendar months an ISO date range touches, for the AK formula (1 Jan–31 Dec = 12; 1 Jan–28 Feb = 2). */
export function monthsBetween(mulai: string, selesai: string): number {
  const [y1, m1] = mulai.split('-').map(Number) as [number, number];
  const [y2, m2] = selesai.split('-').map(Number) as [number, number];
  if (!y1 || !y2 || !m1 || !m2) return 0;
  return Math.max(0, Math.min(12, (y2 - y1) * 12 + (m2 - m1) + 1));
}

/** Capaian kinerja organisasi of a unit in a period (§7.1), with the appraiser's justification when the distribution deviates. */
export interface UnitResult extends SyncMeta {
  unitId: string;
  year: number;
  periodId: string;
  capaian: CapaianOrganisasi | '';
  justifikasi: string;
}

/** A competency-development activity counted toward the yearly JP (§9.4). */
export interface Training extends SyncMeta {
  employeeId: string;
  year: number;
  nama: string;
  mulai: string;
  selesai: string;
  jp: number;
}

/** A bukti dukung file, kept inside IndexedDB so it travels with the data folder. */
export interface Attachment extends SyncMeta {
  ownerId: string;
  rhkId: string;
  nama: string;
  tipe: AttachmentType;
  ukuran: number;
  data: ArrayBuffer;
}

export type AttachmentType = 'application/pdf' | 'image/jpeg' | 'image/png';
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;

/** The file's real type from its first bytes; a renamed .exe is not a PDF. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

/**
 * A size over the limit, in MB, rounded up to a tenth: a file 30 KB over 2 MB reads "2,1 MB",
 * never "2 MB, melebihi batas 2 MB".
 */
export function sizeOverLimitMb(bytes: number): number {
  return Math.ceil((bytes / 1024 / 1024) * 10) / 10;
}

export type AttachmentProblem = { code: 'attachmentType' } | { code: 'attachmentTooLarge'; maxMb: number; sizeMb: number } | { code: 'attachmentEmpty' };

export function checkAttachment(bytes: Uint8Array): AttachmentProblem | null {
  if (bytes.length === 0) return { code: 'attachmentEmpty' };
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    return { code: 'attachmentTooLarge', maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024, sizeMb: sizeOverLimitMb(bytes.length) };
  }
  return sniffAttachmentType(bytes) ? null : { code: 'attachmentType' };
}
