/**
 * The SKP document (docs/aturan-kinerja.md §3.1, §4): one aggregate per employee and period of a year,
 * holding its RHK with indicators, the behaviour expectations and the lampiran, plus identity
 * snapshots so a reprint after a promotion shows what was signed.
 */
import { formatPangkatGolongan, type EmployeeStatus } from './golongan';
import { printedName, type Employee } from './pegawai';
import type { SyncMeta } from './records';
import type { SkpStatus } from './workflow';

export type Pendekatan = 'KUANTITATIF' | 'KUALITATIF';
export type JenisSkp = 'JA_JF' | 'JPT';
export const ASPEK = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'] as const;
export type Aspek = (typeof ASPEK)[number];
export const PERSPEKTIF = ['PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN'] as const;
export type Perspektif = (typeof PERSPEKTIF)[number];
export type JenisRhk = 'UTAMA' | 'TAMBAHAN';

export interface Indikator {
  id: string;
  aspek: Aspek | '';
  teks: string;
  /** Value with unit as printed ("2 Dokumen", "100%"), or prose for the qualitative approach. */
  target: string;
}

export interface Intervensi {
  skpId: string;
  rhkId: string;
  /** The superior's RHK text when it was chosen, kept for printing. */
  teks: string;
}

export interface Rhk {
  id: string;
  jenis: JenisRhk;
  teks: string;
  intervensi: Intervensi | null;
  /** Qualitative / JPT: "(Penugasan dari …)". */
  penugasanDari: string;
  perspektif: Perspektif | '';
  indikator: Indikator[];
}

export interface PersonSnapshot {
  employeeId: string;
  nama: string;
  nip: string;
  status: EmployeeStatus;
  pangkat: string;
  jabatan: string;
  unit: string;
}

export interface Lampiran {
  dukungan: string[];
  skema: string[];
  konsekuensi: string[];
}

export interface SkpFields {
  employeeId: string;
  year: number;
  mulai: string;
  selesai: string;
  pendekatan: Pendekatan;
  jenis: JenisSkp;
  pegawai: PersonSnapshot;
  penilai: PersonSnapshot | null;
  atasanPenilai: PersonSnapshot | null;
  rhk: Rhk[];
  /** Ekspektasi khusus pimpinan per BerAKHLAK value code. */
  ekspektasi: Record<string, string>;
  lampiran: Lampiran;
  status: SkpStatus;
  disetujuiPada: string;
  rulePack: { id: string; version: number };
}

export interface Skp extends SyncMeta, SkpFields {}

export function snapshotOf(e: Employee, unitName: string): PersonSnapshot {
  return {
    employeeId: e.id,
    nama: printedName(e),
    nip: e.nip,
    status: e.status,
    pangkat: formatPangkatGolongan(e.golongan),
    jabatan: e.jabatan,
    unit: unitName,
  };
}

/**
 * The appraiser of the office's top official (a camat, a kepala dinas) sits outside the office:
 * the Sekretaris Daerah or the Bupati. Such an appraiser is typed in and has no employee id.
 */
export function isExternalPenilai(p: PersonSnapshot | null): boolean {
  return !p || p.employeeId === '';
}

/**
 * Employees whose appraiser for the year sits outside the office (typed on their SKP, e.g. the
 * camat appraised by the Sekda): they have a penilai although the registry holds no atasan.
 */
export function externalPenilaiOf(skps: readonly Skp[], year: number): Map<string, PersonSnapshot> {
  const out = new Map<string, PersonSnapshot>();
  for (const s of skps) {
    if (s.deleted || s.year !== year || !s.penilai || !isExternalPenilai(s.penilai) || !s.penilai.nama.trim()) continue;
    out.set(s.employeeId, s.penilai);
  }
  return out;
}

export function emptyExternalPenilai(): PersonSnapshot {
  return { employeeId: '', nama: '', nip: '', status: 'PNS', pangkat: '', jabatan: '', unit: '' };
}

export function newRhk(jenis: JenisRhk, id: string, indikatorId: string): Rhk {
  return { id, jenis, teks: '', intervensi: null, penugasanDari: '', perspektif: '', indikator: [{ id: indikatorId, aspek: '', teks: '', target: '' }] };
}

export type SkpIssueCode =
  | 'noUtama'
  | 'rhkTextRequired'
  | 'indikatorRequired'
  | 'indikatorTextRequired'
  | 'targetRequired'
  | 'aspekRequired'
  | 'perspektifRequired'
  | 'intervensiMissing'
  | 'periodInvalid'
  | 'penilaiMissing';

export interface SkpIssue {
  code: SkpIssueCode;
  /** Where: the RHK (1-based within its group) and indicator, for the message. */
  rhkId?: string;
  group?: JenisRhk;
  rhkNo?: number;
  indikatorNo?: number;
}

/**
 * Problems that block submitting or approving an SKP (a draft may be saved with them).
 * `existingRhk` tells whether an intervened superior RHK still exists.
 */
export function validateSkp(s: SkpFields, existingRhk: (skpId: string, rhkId: string) => boolean): SkpIssue[] {
  const issues: SkpIssue[] = [];
  if (!s.mulai || !s.selesai || s.mulai > s.selesai || !s.mulai.startsWith(String(s.year)) || !s.selesai.startsWith(String(s.year))) {
    issues.push({ code: 'periodInvalid' });
  }
  if (!s.penilai?.nama.trim()) issues.push({ code: 'penilaiMissing' });
  if (!s.rhk.some((r) => r.jenis === 'UTAMA')) issues.push({ code: 'noUtama' });
  for (const group of ['UTAMA', 'TAMBAHAN'] as const) {
    s.rhk
      .filter((r) => r.jenis === group)
      .forEach((r, i) => {
        const at = { rhkId: r.id, group, rhkNo: i + 1 };
        if (!r.teks.trim()) issues.push({ code: 'rhkTextRequired', ...at });
        if (s.jenis === 'JPT' && !r.perspektif) issues.push({ code: 'perspektifRequired', ...at });
        if (r.intervensi && !existingRhk(r.intervensi.skpId, r.intervensi.rhkId)) issues.push({ code: 'intervensiMissing', ...at });
        if (r.indikator.length === 0) issues.push({ code: 'indikatorRequired', ...at });
        r.indikator.forEach((ind, j) => {
          const where = { ...at, indikatorNo: j + 1 };
          if (!ind.teks.trim()) issues.push({ code: 'indikatorTextRequired', ...where });
          if (!ind.target.trim()) issues.push({ code: 'targetRequired', ...where });
          if (s.pendekatan === 'KUANTITATIF' && s.jenis === 'JA_JF' && !ind.aspek) issues.push({ code: 'aspekRequired', ...where });
        });
      });
  }
  return issues;
}

/** How an RHK is numbered on every form and screen: A.1, A.2 (utama), B.1 (tambahan). */
export function rhkLabel(group: JenisRhk, no: number): string {
  return `${group === 'UTAMA' ? 'A' : 'B'}.${no}`;
}

/** The SKP's RHK in printed order, each with its label. */
export function labelledRhk(rhk: readonly Rhk[]): { label: string; rhk: Rhk }[] {
  return groupedRhk(rhk).flatMap((g) => g.items.map((it) => ({ label: rhkLabel(g.group, it.no), rhk: it.rhk })));
}

/** RHK numbered per group as printed: A. UTAMA 1, 2 …; B. TAMBAHAN 1, 2 … */
export function groupedRhk(rhk: readonly Rhk[]): { group: JenisRhk; items: { no: number; rhk: Rhk }[] }[] {
  return (['UTAMA', 'TAMBAHAN'] as const).map((group) => ({
    group,
    items: rhk.filter((r) => r.jenis === group).map((r, i) => ({ no: i + 1, rhk: r })),
  }));
}

export interface MatriksCell {
  /** Subordinate RHK that intervene in this superior RHK. */
  rhk: Rhk[];
}

export interface MatriksRow {
  employeeId: string;
  nama: string;
  jabatan: string;
  skpId: string | null;
  cells: MatriksCell[];
  /** No RHK of this subordinate intervenes in any of the superior's RHK. */
  tanpaCascading: boolean;
}

/**
 * Matriks peran hasil (§4.9): the superior's RHK across the top, subordinates down the side, each
 * cell the subordinate RHK that intervene in that superior RHK.
 */
export function buildMatriks(
  atasan: Pick<Skp, 'id' | 'rhk'>,
  subordinates: readonly { employeeId: string; nama: string; jabatan: string; skp: Pick<Skp, 'id' | 'rhk'> | null }[],
): { columns: Rhk[]; rows: MatriksRow[] } {
  const columns = atasan.rhk;
  const rows = subordinates.map((s) => {
    const cells = columns.map((col) => ({
      rhk: (s.skp?.rhk ?? []).filter((r) => r.intervensi?.skpId === atasan.id && r.intervensi.rhkId === col.id),
    }));
    return {
      employeeId: s.employeeId,
      nama: s.nama,
      jabatan: s.jabatan,
      skpId: s.skp?.id ?? null,
      cells,
      tanpaCascading: cells.every((c) => c.rhk.length === 0),
    };
  });
  return { columns, rows };
}
