/**
 * What the document functions receive. Everything a form prints arrives here as plain data, so a
 * document is a pure function data → pdfmake definition and can be rendered in a worker or a test.
 *
 * The forms are official Indonesian documents: their wording (titles, column heads, role lines) is
 * fixed by the regulation and printed in Indonesian whatever the UI language, so it lives in these
 * print modules rather than in the UI message catalog.
 */
import type { CalendarDate } from '../domain/dates';
import type { CapaianOrganisasi, Predikat, RulePack } from '../domain/rulepack';
import type { Evaluation } from '../domain/evaluation';
import type { EvaluationStatus } from '../domain/workflow';
import type { EvaluationSigners, KolomIntervensi, MarginsMm, PaperSize } from '../domain/office';
import type { PersonSnapshot, Skp } from '../domain/skp';

export type Orientation = 'portrait' | 'landscape';

export type { MarginsMm } from '../domain/office';

export interface PrintOptions {
  paper: PaperSize;
  /** Per document kind; the Cetak screen offers the defaults of DEFAULT_ORIENTATION. */
  orientation: Orientation;
  margins: MarginsMm;
  /** The signing date printed after the place: "Curug, 23 November 2026". */
  tanggal: CalendarDate;
  office: { namaInstansi: string; namaKantor: string; alamat: string; tempat: string };
  /** Kop logo as a data URL (PNG/JPEG), or null for a kop without logo. */
  logo: string | null;
  /** Scanned signatures by employee id; empty unless "cetak dengan tanda tangan pindaian" is ticked. */
  tandaTangan: Readonly<Record<string, string>>;
  garisBawahNama: boolean;
  penandatanganEvaluasi: EvaluationSigners;
  /** Column-2 heading: "RENCANA HASIL KERJA PIMPINAN/ATASAN YANG DIINTERVENSI" (office choice). */
  kolomIntervensi: KolomIntervensi;
  /** Pangkat line under each signer's name. */
  pangkatPenandatangan: boolean;
  /** Emblem (Garuda) above the DEKP title as a data URL, or null. */
  lambang: string | null;
}

export interface RekapRow {
  nama: string;
  nip: string;
  jabatan: string;
  /** The member's unit, printed when the recap spans more than one unit. */
  unit: string;
  predikat: Predikat | '';
  /** The evaluation's status, or '' for a member not evaluated yet. */
  status: EvaluationStatus | '';
}

/** One unit in one period, prepared by the screen (guideline and warnings already in words). */
export interface RekapData {
  unitId: string;
  unitNama: string;
  periodId: string;
  /** "TRIWULAN I", "TRIWULAN IV-AKHIR". */
  periodTitle: string;
  /** "1 JANUARI SD 31 MARET TAHUN 2026", as the forms print the period. */
  periodText: string;
  capaian: CapaianOrganisasi | '';
  /** "Cakupan pedoman: seluruh kantor." — where the office applies the guideline (§7.4). */
  scopeLine: string;
  /** The guideline was checked on this page's members; otherwise `pedoman` says why not. */
  judged: boolean;
  pedoman: string;
  peringatan: string[];
  justifikasi: string;
  rows: RekapRow[];
  showUnit: boolean;
  /** The unit whose head signs (the top unit for the office-wide recap), for "Kepala …" without a jabatan. */
  kepalaUnit: string;
  /** The unit head, who signs; null prints an empty signature block. */
  kepala: PersonSnapshot | null;
  /** Some evaluation of the unit is not final yet: the recap prints as DRAF. */
  draft: boolean;
  pack: RulePack;
}

export type PrintJob =
  | { kind: 'SKP'; skp: Skp; pack: RulePack }
  | { kind: 'EVA'; evaluation: Evaluation; skp: Skp; pack: RulePack; capaian: CapaianOrganisasi | '' }
  | { kind: 'DEK'; evaluation: Evaluation; pack: RulePack; capaian: CapaianOrganisasi | '' }
  | { kind: 'RKP'; rekap: RekapData };

export const DEFAULT_ORIENTATION: Record<PrintJob['kind'], Orientation> = {
  SKP: 'portrait',
  EVA: 'landscape',
  DEK: 'portrait',
  RKP: 'portrait',
};
