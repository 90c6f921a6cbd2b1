/**
 * The lembar penilaian (issue #15 §4): for a unit (with its sub-units) and a period, one row per RHK
 * of each employee's approved SKP, pre-filled with what the evaluation already holds, for a kasi to
 * fill offline — realisasi, catatan bukti dukung, a new umpan balik, and the two ratings on the
 * employee's first row. Importing it updates *draft* evaluations (creating those not started yet);
 * a Final evaluation is never changed. Rows are tied to RHK by a hidden id column, so an edited RHK
 * text in the sheet cannot move a realisasi to another RHK. Pure: the worker runs it, ImportRepo writes.
 */
import type { Evaluation, HasilEntry, UmpanBalik } from '../domain/evaluation';
import { predikatFor } from '../domain/evaluation';
import { printedName, type Employee } from '../domain/pegawai';
import type { PeriodDef } from '../domain/periods';
import { parseRating, type Predikat, type Rating, type RulePack } from '../domain/rulepack';
import { labelledRhk, type Skp } from '../domain/skp';
import type { Unit } from '../domain/unit';
import { columnLetter, type CellValue, type SheetSpec } from '../io/sheet';
import { cleanText, parseNipCell } from '../io/values';
import type { ImportError, SourceTable } from './pegawaiImport';
import { employeesInScope, skpOf } from './skpTemplate';
import { COLUMNS, templateSheets, type MetaInfo } from './templates';

export interface LembarInput {
  meta: MetaInfo & { year: number; periodId: string };
  period: PeriodDef;
  employees: readonly Employee[];
  units: readonly Unit[];
  skps: readonly Skp[];
  evaluations: readonly Evaluation[];
  unitNames: readonly string[];
  pack: RulePack;
}

/** The employees a lembar lists: those in scope whose SKP of the year is approved. */
function listed(input: Pick<LembarInput, 'employees' | 'units' | 'skps' | 'meta'>): { e: Employee; skp: Skp }[] {
  return employeesInScope(input.employees, input.units, input.meta.unitId ?? null).flatMap((e) => {
    const skp = skpOf(input.skps, e.id, input.meta.year);
    return skp && skp.status === 'DISETUJUI' ? [{ e, skp }] : [];
  });
}

export function evaluationOf(evaluations: readonly Evaluation[], skpId: string, periodId: string): Evaluation | undefined {
  return evaluations.find((ev) => !ev.deleted && ev.skpId === skpId && ev.periodId === periodId);
}

export function lembarSheets(input: LembarInput): SheetSpec[] {
  const { pack, meta } = input;
  const rows: CellValue[][] = [];
  for (const { e, skp } of listed(input)) {
    const ev = evaluationOf(input.evaluations, skp.id, meta.periodId);
    labelledRhk(skp.rhk).forEach(({ label, rhk }, i) => {
      const h = ev?.hasil[rhk.id];
      rows.push([
        e.nip,
        printedName(e),
        rhk.id,
        label,
        rhk.teks,
        rhk.indikator.map((ind) => `${ind.teks}: ${ind.target}`).join('; '),
        h?.realisasi ?? '',
        h?.buktiDukung ?? '',
        '',
        i === 0 && ev?.ratingHasil ? pack.ratingLabels[ev.ratingHasil] : '',
        i === 0 && ev?.ratingPerilaku ? pack.ratingLabels[ev.ratingPerilaku] : '',
      ]);
    });
  }
  const sheets = templateSheets('realisasi', { ...meta, kind: 'realisasi' }, rows, input.unitNames, false);
  const data = sheets.find((s) => s.name === 'Data')!;
  data.hiddenColumns = [COLUMNS.realisasi.findIndex((c) => c.key === 'rhkId')];
  const petunjuk = sheets.find((s) => s.name === 'Petunjuk')!;
  petunjuk.rows.splice(1, 0, [`Periode: ${input.period.label} ${meta.year}. Hanya pegawai dengan SKP ${meta.year} yang sudah disetujui yang tercantum.`]);
  return sheets;
}

export interface LembarUpdate {
  row: number;
  employeeId: string;
  nama: string;
  skpId: string;
  unitId: string | null;
  /** Absent: the evaluation does not exist yet and is started by the import. */
  evaluation?: { id: string; rev: string };
  hasil: Record<string, HasilEntry>;
  ratingHasil: Rating | '';
  ratingPerilaku: Rating | '';
  predikat: Predikat | '';
}

export interface LembarPlan {
  kind: 'realisasi';
  year: number;
  periodId: string;
  creates: LembarUpdate[];
  updates: LembarUpdate[];
  unchanged: number;
  errors: ImportError[];
  errorRows: number;
  totalRows: number;
  madeAt: string;
}

export interface LembarPlanInput {
  table: SourceTable;
  period: PeriodDef;
  periodId: string;
  year: number;
  unitId: string | null;
  employees: readonly Employee[];
  units: readonly Unit[];
  skps: readonly Skp[];
  evaluations: readonly Evaluation[];
  pack: RulePack;
  /** ISO date new umpan balik are dated (today, kept inside the period). */
  today: string;
  newId?: () => string;
  readAt?: string;
}

interface Line {
  row: number;
  rhkId: string;
  realisasi: string;
  buktiDukung: string;
  umpanBalik: string;
  ratingHasil: string;
  ratingPerilaku: string;
}

const iso = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export function planLembarImport(input: LembarPlanInput): LembarPlan {
  const { table: t, pack } = input;
  const newId = input.newId ?? (() => crypto.randomUUID());
  const col = (key: string) => t.mapping.indexOf(key);
  const letter = (key: string) => (col(key) >= 0 ? columnLetter(col(key)) : '');
  const rowErrors = new Map<number, ImportError[]>();
  const fail = (row: number, key: string, code: string, params?: Record<string, string | number>) =>
    rowErrors.set(row, [...(rowErrors.get(row) ?? []), { sheet: t.sheet, row, column: letter(key), code, ...(params ? { params } : {}) }]);
  // New feedback is dated today, but never outside the period it is about.
  const start = iso(input.period.start);
  const end = iso(input.period.end);
  const tanggal = input.today < start ? start : input.today > end ? end : input.today;

  const inScope = new Set(employeesInScope(input.employees, input.units, input.unitId).map((e) => e.id));
  const byNip = new Map(input.employees.filter((e) => !e.deleted).map((e) => [e.nip, e]));
  const linesOf = new Map<string, Line[]>();
  let totalRows = 0;
  for (let r = t.firstDataRow; r < t.rows.length; r++) {
    const raw = t.rows[r] ?? [];
    const get = (key: string) => (col(key) >= 0 ? cleanText(raw[col(key)]) : '');
    const nip = parseNipCell(col('nip') >= 0 ? raw[col('nip')] : '');
    if (!nip.ok) {
      if (get('realisasi') || get('ratingHasil') || get('ratingPerilaku')) fail(r + 1, 'nip', nip.code, nip.params);
      continue;
    }
    totalRows++;
    const line: Line = { row: r + 1, rhkId: get('rhkId'), realisasi: get('realisasi'), buktiDukung: get('buktiDukung'), umpanBalik: get('umpanBalik'), ratingHasil: get('ratingHasil'), ratingPerilaku: get('ratingPerilaku') };
    linesOf.set(nip.value, [...(linesOf.get(nip.value) ?? []), line]);
  }

  const plan: LembarPlan = { kind: 'realisasi', year: input.year, periodId: input.periodId, creates: [], updates: [], unchanged: 0, errors: [], errorRows: 0, totalRows, madeAt: input.readAt ?? new Date().toISOString() };
  for (const [nip, lines] of linesOf) {
    const first = lines[0]!.row;
    const before = rowErrors.size;
    const e = byNip.get(nip);
    if (!e) {
      fail(first, 'nip', 'skpEmployeeUnknown', { nip });
      continue;
    }
    const nama = printedName(e);
    if (!inScope.has(e.id)) {
      fail(first, 'nip', 'lembarNotInUnit', { nama });
      continue;
    }
    const skp = skpOf(input.skps, e.id, input.year);
    if (!skp || skp.status !== 'DISETUJUI') {
      fail(first, 'nip', 'lembarSkpNotApproved', { nama, year: input.year });
      continue;
    }
    const ev = evaluationOf(input.evaluations, skp.id, input.periodId);
    const hasil: Record<string, HasilEntry> = structuredClone(ev?.hasil ?? {});
    const rhkIds = new Set(skp.rhk.map((r) => r.id));
    let ratingHasil: Rating | '' = ev?.ratingHasil ?? '';
    let ratingPerilaku: Rating | '' = ev?.ratingPerilaku ?? '';
    const seenRating: Record<'ratingHasil' | 'ratingPerilaku', { row: number; value: Rating } | null> = { ratingHasil: null, ratingPerilaku: null };
    for (const l of lines) {
      if (!rhkIds.has(l.rhkId)) {
        fail(l.row, 'rhkId', 'lembarRhkUnknown', { nama });
        continue;
      }
      if (l.realisasi || l.buktiDukung || l.umpanBalik) {
        const entry = hasil[l.rhkId] ?? { realisasi: '', buktiDukung: '', umpanBalik: [] };
        // An empty cell never erases what the evaluation already holds.
        if (l.realisasi) entry.realisasi = l.realisasi;
        if (l.buktiDukung) entry.buktiDukung = l.buktiDukung;
        if (l.umpanBalik && !entry.umpanBalik.some((u) => cleanText(u.teks) === l.umpanBalik)) {
          const note: UmpanBalik = { id: newId(), tanggal, teks: l.umpanBalik };
          entry.umpanBalik = [...entry.umpanBalik, note];
        }
        hasil[l.rhkId] = entry;
      }
      for (const key of ['ratingHasil', 'ratingPerilaku'] as const) {
        if (!l[key]) continue;
        const rating = parseRating(pack, l[key]);
        if (!rating) {
          fail(l.row, key, 'lembarRatingUnknown', { text: l[key] });
          continue;
        }
        const seen = seenRating[key];
        if (seen && seen.value !== rating) fail(l.row, key, 'lembarRatingConflict', { first: seen.row });
        else seenRating[key] = { row: l.row, value: rating };
        if (key === 'ratingHasil') ratingHasil = rating;
        else ratingPerilaku = rating;
      }
    }
    if (rowErrors.size > before) continue;
    const next: LembarUpdate = {
      row: first,
      employeeId: e.id,
      nama,
      skpId: skp.id,
      unitId: ev?.unitId ?? e.unitId,
      ...(ev ? { evaluation: { id: ev.id, rev: ev.rev } } : {}),
      hasil,
      ratingHasil,
      ratingPerilaku,
      predikat: predikatFor(pack, ratingHasil, ratingPerilaku),
    };
    const same = ev && JSON.stringify([ev.hasil, ev.ratingHasil, ev.ratingPerilaku]) === JSON.stringify([hasil, ratingHasil, ratingPerilaku]);
    const touched = lines.some((l) => l.realisasi || l.buktiDukung || l.umpanBalik || l.ratingHasil || l.ratingPerilaku);
    if (ev?.status === 'FINAL' && !same) fail(first, 'nip', 'lembarFinal', { nama });
    else if (same || (!ev && !touched)) plan.unchanged++;
    else if (!ev) plan.creates.push(next);
    else plan.updates.push(next);
  }
  for (const list of rowErrors.values()) plan.errors.push(...list);
  plan.errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  plan.errorRows = rowErrors.size;
  return plan;
}
