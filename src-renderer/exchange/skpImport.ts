/**
 * Importing the SKP template (issue #15 §3): rows of NIP, jenis, RHK, RHK atasan, aspek, indikator
 * and target become draft SKPs. An RHK is written once and the rows under it with an empty (or the
 * same) RHK are its further indicators. The RHK atasan must be one of the atasan's RHK on his SKP of
 * the same year: it is matched, never guessed. An SKP that is submitted or approved is never changed
 * (its rows are refused with the reason), and an employee with any refused row is left out whole,
 * so no SKP is ever half-imported. Pure: the worker runs it, ImportRepo writes the plan.
 */
import { ASPEK, type Aspek, type JenisRhk, type Rhk, type Skp } from '../domain/skp';
import { foldText, printedName, type Employee } from '../domain/pegawai';
import type { BerakhlakValue } from '../domain/rulepack';
import { id as messages } from '../i18n/messages';
import { columnLetter } from '../io/sheet';
import { cleanText, parseNipCell } from '../io/values';
import { foldHeader } from './headers';
import type { ImportError, SourceTable } from './pegawaiImport';
import { skpOf } from './skpTemplate';

export interface SkpDraftContent {
  rhk: Rhk[];
  ekspektasi: Record<string, string>;
}

export interface SkpPlan {
  kind: 'skp';
  year: number;
  creates: { row: number; employeeId: string; nama: string; content: SkpDraftContent }[];
  updates: { row: number; id: string; rev: string; nama: string; content: SkpDraftContent; rhkBefore: number; rhkAfter: number }[];
  unchanged: number;
  errors: ImportError[];
  errorRows: number;
  totalRows: number;
  madeAt: string;
}

export interface SkpPlanInput {
  table: SourceTable;
  /** The Ekspektasi sheet's rows (header, key row, data), when the file has one. */
  ekspektasiRows: readonly (readonly unknown[])[] | null;
  year: number;
  employees: readonly Employee[];
  skps: readonly Skp[];
  berakhlak: readonly BerakhlakValue[];
  newId?: () => string;
  readAt?: string;
}

const JENIS = new Map<string, JenisRhk>([
  ['utama', 'UTAMA'],
  ['tambahan', 'TAMBAHAN'],
]);
const ASPEK_BY_NAME = new Map<string, Aspek>(ASPEK.map((a) => [foldHeader(messages[`skp.aspek.${a}`]), a]));

/** What two drafts have in common when ids are ignored: the import is "unchanged" when equal. */
function comparable(c: SkpDraftContent): string {
  const rhk = c.rhk.map((r) => [r.jenis, r.teks, r.intervensi?.rhkId ?? '', r.indikator.map((i) => [i.aspek, i.teks, i.target])]);
  const eksp = Object.entries(c.ekspektasi).filter(([, v]) => v.trim() !== '').sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([rhk, eksp]);
}

interface Line {
  row: number;
  jenis: string;
  rhk: string;
  rhkAtasan: string;
  aspek: string;
  indikator: string;
  target: string;
}

export function planSkpImport(input: SkpPlanInput): SkpPlan {
  const { table: t, year } = input;
  const newId = input.newId ?? (() => crypto.randomUUID());
  const col = (key: string) => t.mapping.indexOf(key);
  const letter = (key: string) => (col(key) >= 0 ? columnLetter(col(key)) : '');
  const byNip = new Map(input.employees.filter((e) => !e.deleted).map((e) => [e.nip, e]));
  const byId = new Map(input.employees.map((e) => [e.id, e]));
  const rowErrors = new Map<number, ImportError[]>();
  const fail = (row: number, key: string, code: string, params?: Record<string, string | number>) =>
    rowErrors.set(row, [...(rowErrors.get(row) ?? []), { sheet: t.sheet, row, column: letter(key), code, ...(params ? { params } : {}) }]);

  // Rows per employee, in file order; a row holding only NIP and name is an unused prepared row.
  const linesOf = new Map<string, Line[]>();
  const order: string[] = [];
  let totalRows = 0;
  for (let r = t.firstDataRow; r < t.rows.length; r++) {
    const raw = t.rows[r] ?? [];
    const get = (key: string) => (col(key) >= 0 ? cleanText(raw[col(key)]) : '');
    const line: Line = { row: r + 1, jenis: get('jenisRhk'), rhk: get('rhk'), rhkAtasan: get('rhkAtasan'), aspek: get('aspek'), indikator: get('indikator'), target: get('target') };
    if (!line.jenis && !line.rhk && !line.rhkAtasan && !line.aspek && !line.indikator && !line.target) continue;
    if (t.example && r === t.firstDataRow && t.example.every((v, i) => cleanText(v) === cleanText(raw[i]))) continue;
    totalRows++;
    const nip = parseNipCell(col('nip') >= 0 ? raw[col('nip')] : '');
    if (!nip.ok) {
      fail(line.row, 'nip', nip.code, nip.params);
      continue;
    }
    if (!linesOf.has(nip.value)) {
      linesOf.set(nip.value, []);
      order.push(nip.value);
    }
    linesOf.get(nip.value)!.push(line);
  }

  const ekspektasi = readEkspektasi(input.ekspektasiRows, input.berakhlak);
  const plan: SkpPlan = { kind: 'skp', year, creates: [], updates: [], unchanged: 0, errors: [], errorRows: 0, totalRows, madeAt: input.readAt ?? new Date().toISOString() };

  for (const nip of order) {
    const lines = linesOf.get(nip)!;
    const first = lines[0]!.row;
    const before = new Set(rowErrors.keys());
    const employee = byNip.get(nip);
    if (!employee) {
      fail(first, 'nip', 'skpEmployeeUnknown', { nip });
      continue;
    }
    const nama = printedName(employee);
    if (!employee.aktif) {
      fail(first, 'nip', 'skpEmployeeInactive', { nama });
      continue;
    }
    const existing = skpOf(input.skps, employee.id, year);
    const atasan = employee.atasanId ? byId.get(employee.atasanId) : undefined;
    const atasanSkp = atasan ? skpOf(input.skps, atasan.id, year) : undefined;

    // RHK: kept ids where the same text is already on the draft, so links to it survive.
    const keptRhk = new Map((existing?.rhk ?? []).map((r) => [`${r.jenis}|${foldText(r.teks)}`, r]));
    const rhk: Rhk[] = [];
    let current: Rhk | null = null;
    for (const l of lines) {
      const jenis = l.jenis ? JENIS.get(foldHeader(l.jenis)) : undefined;
      if (l.jenis && !jenis) fail(l.row, 'jenisRhk', 'skpJenisUnknown', { text: l.jenis });
      const startsNew: boolean = l.rhk !== '' && (!current || foldText(current.teks) !== foldText(l.rhk) || (jenis !== undefined && jenis !== current.jenis));
      if (startsNew) {
        const j: JenisRhk = jenis ?? 'UTAMA';
        const kept = keptRhk.get(`${j}|${foldText(l.rhk)}`);
        current = { id: kept?.id ?? newId(), jenis: j, teks: l.rhk, intervensi: null, penugasanDari: kept?.penugasanDari ?? '', perspektif: kept?.perspektif ?? '', indikator: [] };
        rhk.push(current);
        if (l.rhkAtasan) {
          if (!atasan) fail(l.row, 'rhkAtasan', 'skpNoAtasan', { nama });
          else if (!atasanSkp) fail(l.row, 'rhkAtasan', 'skpAtasanNoSkp', { atasan: printedName(atasan), year });
          else {
            const target = atasanSkp.rhk.find((r) => foldText(r.teks) === foldText(l.rhkAtasan));
            if (!target) fail(l.row, 'rhkAtasan', 'skpIntervensiUnknown', { text: l.rhkAtasan, atasan: printedName(atasan), year });
            else current.intervensi = { skpId: atasanSkp.id, rhkId: target.id, teks: target.teks };
          }
        }
      } else if (!current) {
        fail(l.row, 'rhk', 'skpRhkMissing');
        continue;
      } else if (l.rhkAtasan && foldText(l.rhkAtasan) !== foldText(current.intervensi?.teks ?? '')) {
        fail(l.row, 'rhkAtasan', 'skpIntervensiMidRhk', { rhk: current.teks });
      }
      if (!l.aspek && !l.indikator && !l.target) continue;
      const aspek = l.aspek ? ASPEK_BY_NAME.get(foldHeader(l.aspek)) : '';
      if (aspek === undefined) fail(l.row, 'aspek', 'skpAspekUnknown', { text: l.aspek });
      if (!l.indikator) fail(l.row, 'indikator', 'skpIndikatorMissing');
      const keptInd = existingIndicator(current.id, existing, l.indikator);
      current.indikator.push({ id: keptInd ?? newId(), aspek: aspek ?? '', teks: l.indikator, target: l.target });
    }
    if ([...rowErrors.keys()].some((r) => !before.has(r))) continue;

    const content: SkpDraftContent = { rhk, ekspektasi: { ...(existing?.ekspektasi ?? {}), ...(ekspektasi.get(nip) ?? {}) } };
    const same = existing && comparable(content) === comparable({ rhk: existing.rhk, ekspektasi: existing.ekspektasi });
    // A submitted or approved SKP sent back as it is, is simply unchanged; changed, it is refused.
    if (existing && existing.status !== 'DRAF' && !same) fail(first, 'nip', 'skpNotDraft', { nama, status: messages[`skp.status.${existing.status}`] });
    else if (!existing) plan.creates.push({ row: first, employeeId: employee.id, nama, content });
    else if (same) plan.unchanged++;
    else plan.updates.push({ row: first, id: existing.id, rev: existing.rev, nama, content, rhkBefore: existing.rhk.length, rhkAfter: rhk.length });
  }

  for (const list of rowErrors.values()) plan.errors.push(...list);
  plan.errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  plan.errorRows = rowErrors.size;
  return plan;
}

function existingIndicator(rhkId: string, existing: Skp | undefined, teks: string): string | undefined {
  const r = existing?.rhk.find((x) => x.id === rhkId);
  return r?.indikator.find((i) => foldText(i.teks) === foldText(teks))?.id;
}

/** NIP → ekspektasi per BerAKHLAK code, from the Ekspektasi sheet (its hidden second row holds the codes). */
function readEkspektasi(rows: readonly (readonly unknown[])[] | null, values: readonly BerakhlakValue[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  if (!rows || rows.length < 2) return out;
  const codes = new Set(values.map((v) => v.code));
  const keys = (rows[1] ?? []).map((k) => cleanText(k));
  for (const raw of rows.slice(2)) {
    const nip = parseNipCell(raw[0]);
    if (!nip.ok) continue;
    const rec: Record<string, string> = {};
    keys.forEach((k, c) => {
      const v = cleanText(raw[c]);
      if (codes.has(k) && v) rec[k] = v;
    });
    if (Object.keys(rec).length > 0) out.set(nip.value, rec);
  }
  return out;
}
