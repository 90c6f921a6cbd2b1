/**
 * The import worker: parsing, validating and writing 12,000 rows takes seconds, so all of it
 * happens here, off the main thread (the UI keeps painting, and Cancel before confirming simply
 * terminates this worker). It opens the same database as the app; the write goes through the
 * same repository, in one transaction, only when the user confirms.
 */
import { RepoError, storageRefusal } from '../db/errors';
import { DataStore } from '../db/store';
import { printedName } from '../domain/pegawai';
import { detectTable, type DetectedTable } from '../exchange/importTable';
import type { ImportRequest, ImportResponse, PlanSummary } from './importProtocol';
import { parseEmployeeRows, planEmployeeImport, type EmployeePlan, type SourceTable } from '../exchange/pegawaiImport';
import { planUnitImport, type UnitPlan } from '../exchange/unitImport';
import { employeeRowPreview } from '../exchange/importRows';
import { planSkpImport, type SkpPlan } from '../exchange/skpImport';
import { planLembarImport, type LembarPlan } from '../exchange/lembarPenilaian';
import { checkGroup, distributionGroups, distributionScopeOf } from '../domain/distributionScope';
import { periodKey } from '../domain/periods';
import type { Unit } from '../domain/unit';
import type { LembarPreview } from './importProtocol';
import { EKSPEKTASI_SHEET } from '../exchange/skpTemplate';
import { dataRowCount, MAX_ROWS, readWorkbook, sheetRows } from '../io/sheet';
import { sha256 } from '../exchange/bytes';
import { workerScope } from './workerSession';

const SHOWN_UPDATES = 50;
const MAX_ERRORS = 5000;

const ctx = workerScope<ImportRequest & { dbName?: string }, ImportResponse>();
let dbName = '';
let detected: DetectedTable | null = null;
let plan: EmployeePlan | UnitPlan | SkpPlan | LembarPlan | null = null;
let lembarPreview: LembarPreview | null = null;
/** The SKP template's Ekspektasi sheet, read with the file. */
let ekspektasiRows: unknown[][] | null = null;

/** The kinds of file this worker imports: a template by its _meta, anything else as a staff list. */
const IMPORTED_KINDS = new Set(['pegawai', 'unit', 'skp', 'realisasi']);
let file = { name: '', sha256: '' };
let store: DataStore | null = null;

async function openStore(): Promise<DataStore> {
  if (!store) store = await DataStore.open(dbName);
  return store;
}

ctx.onmessage = (e) => {
  if (e.data.dbName) dbName = e.data.dbName;
  void handle(e.data).catch((err: unknown) => ctx.postMessage({ type: 'failed', detail: String((err as Error)?.message ?? err) }));
};

/** What every batch summary shares: counts and errors (SKP and lembar imports have no warnings). */
function batchSummary(p: SkpPlan | LembarPlan): Omit<PlanSummary, 'kind' | 'updates' | 'newNames'> {
  return {
    createCount: p.creates.length,
    updateCount: p.updates.length,
    unchanged: p.unchanged,
    skipped: 0,
    errorRows: p.errorRows,
    totalRows: p.totalRows,
    errors: p.errors.slice(0, MAX_ERRORS),
    errorCount: p.errors.length,
    warnings: [],
    warningCount: 0,
    warningRows: 0,
  };
}

function summarizeSkp(p: SkpPlan): PlanSummary {
  return {
    ...batchSummary(p),
    kind: 'skp',
    updates: p.updates.slice(0, SHOWN_UPDATES).map((u) => ({ row: u.row, id: u.id, nama: u.nama, changes: [{ field: 'rhk', from: u.rhkBefore, to: u.rhkAfter }] })),
    newNames: Object.fromEntries(p.creates.slice(0, SHOWN_UPDATES).map((c) => [c.employeeId, c.nama])),
  };
}

function summarizeLembar(p: LembarPlan): PlanSummary {
  return { ...batchSummary(p), kind: 'realisasi', updates: [], newNames: {}, ...(lembarPreview ? { lembar: lembarPreview } : {}) };
}

/**
 * Predikat after the import (the period's other evaluations included) against the guideline, for
 * each group of the office's chosen scope (§7.4) that holds an imported evaluation.
 */
async function lembarEffect(s: DataStore, p: LembarPlan, units: readonly Unit[]): Promise<LembarPreview> {
  const pack = await s.rulePacks.active();
  const scope = distributionScopeOf((await s.settings.getProfile())?.office);
  const planned = [...p.creates, ...p.updates];
  const current = await s.evaluations.listByPeriod(p.periodId);
  // One member per SKP: an imported evaluation replaces the stored one of the same SKP.
  const after = new Map(current.map((ev) => [ev.skpId, { employeeId: ev.skpId, unitId: ev.unitId, predikat: ev.predikat }]));
  for (const u of planned) after.set(u.skpId, { employeeId: u.skpId, unitId: u.unitId, predikat: u.predikat });
  const touched = new Set(planned.map((u) => u.skpId));
  const distribution = [];
  for (const g of distributionGroups(scope, units, [...after.values()])) {
    if (!g.unit || !g.members.some((m) => touched.has(m.employeeId))) continue;
    const capaian = (await s.evaluations.unitResult(g.unit.id, p.periodId))?.capaian ?? '';
    const check = checkGroup(pack, capaian, g.members);
    distribution.push({ unitName: g.unit.nama, office: g.key === 'KANTOR', capaian, rated: check.n, warnings: check.state === 'checked' ? check.warnings : [] });
  }
  return { predikat: planned.map((u) => ({ nama: u.nama, ratingHasil: u.ratingHasil, ratingPerilaku: u.ratingPerilaku, predikat: u.predikat })), distribution };
}

function summarize(p: EmployeePlan | UnitPlan | SkpPlan | LembarPlan): PlanSummary {
  if ('kind' in p && p.kind === 'skp') return summarizeSkp(p);
  if ('kind' in p && p.kind === 'realisasi') return summarizeLembar(p);
  const updates = p.updates.slice(0, SHOWN_UPDATES).map(({ row, id, nama, changes }) => ({ row, id, nama, changes }));
  const referenced = new Set(updates.flatMap((u) => u.changes.filter((c) => c.field === 'atasanId' || c.field === 'parentId').map((c) => String(c.to))));
  const isUnit = 'kind' in p;
  return {
    kind: isUnit ? 'unit' : 'pegawai',
    createCount: p.creates.length,
    updateCount: p.updates.length,
    unchanged: p.unchanged,
    skipped: isUnit ? 0 : p.skipped,
    errorRows: p.errorRows,
    totalRows: p.totalRows,
    updates,
    errors: p.errors.slice(0, MAX_ERRORS),
    errorCount: p.errors.length,
    warnings: isUnit ? [] : p.warnings.slice(0, MAX_ERRORS),
    warningCount: isUnit ? 0 : p.warnings.length,
    warningRows: isUnit ? 0 : p.warningRows,
    newNames: Object.fromEntries(
      isUnit ? p.creates.filter((c) => referenced.has(c.id)).map((c) => [c.id, c.fields.nama]) : p.creates.filter((c) => referenced.has(c.id)).map((c) => [c.id, printedName(c.fields)]),
    ),
  };
}

async function handle(msg: ImportRequest): Promise<void> {
  if (msg.type === 'read') {
    ctx.postMessage({ type: 'progress', phase: 'read', done: 0, total: 1 });
    const hash = await sha256(msg.bytes);
    const read = readWorkbook(msg.bytes, undefined, MAX_ROWS);
    if (!read.ok) return ctx.postMessage({ type: 'read', ok: false, code: read.code, ...(read.params ? { params: read.params } : {}) });
    detected = detectTable(read.workbook);
    if (!detected) return ctx.postMessage({ type: 'read', ok: false, code: 'noHeader' });
    if (detected.meta && !IMPORTED_KINDS.has(detected.meta.kind)) return ctx.postMessage({ type: 'read', ok: false, code: 'kindNotSupported', params: { kind: detected.meta.kind } });
    if (detected.meta?.kind === 'skp') {
      // An SKP template of another year is refused before the preview: its RHK belong to that year.
      const year = (await (await openStore()).settings.getProfile())?.settings.activeYear;
      if (year && detected.meta.year && detected.meta.year !== year) return ctx.postMessage({ type: 'read', ok: false, code: 'skpWrongYear', params: { fileYear: detected.meta.year, year } });
      ekspektasiRows = read.workbook.SheetNames.includes(EKSPEKTASI_SHEET) ? sheetRows(read.workbook.Sheets[EKSPEKTASI_SHEET]) : null;
    }
    if (detected.meta?.kind === 'realisasi') {
      // A lembar of another year, a period this office does not have, or a unit it does not know: refused before the preview.
      const s = await openStore();
      const year = (await s.settings.getProfile())?.settings.activeYear ?? 0;
      const fileYear = detected.meta.year ?? 0;
      if (fileYear !== year) return ctx.postMessage({ type: 'read', ok: false, code: 'lembarWrongYear', params: { fileYear, year } });
      if (!(await s.years.periods(year)).some((p) => periodKey(p) === detected!.meta!.periodId)) return ctx.postMessage({ type: 'read', ok: false, code: 'lembarPeriodUnknown', params: { year } });
      if (detected.meta.unitId && !(await s.units.list()).some((u) => u.id === detected!.meta!.unitId && !u.deleted)) return ctx.postMessage({ type: 'read', ok: false, code: 'lembarUnitUnknown' });
    }
    const rowCount = dataRowCount(detected.table.rows, read.workbook.Sheets[detected.table.sheet], MAX_ROWS) - detected.table.firstDataRow;
    if (rowCount > MAX_ROWS) return ctx.postMessage({ type: 'read', ok: false, code: 'tooManyRows', params: { max: MAX_ROWS, count: rowCount } });
    file = { name: msg.fileName, sha256: hash };
    return ctx.postMessage({
      type: 'read',
      ok: true,
      sha256: hash,
      kind: detected.meta?.kind === 'unit' || detected.meta?.kind === 'skp' || detected.meta?.kind === 'realisasi' ? detected.meta.kind : 'pegawai',
      meta: detected.meta,
      sheet: detected.table.sheet,
      headerRowNo: detected.table.firstDataRow,
      labels: detected.labels,
      mapping: [...detected.table.mapping],
      signature: detected.signature,
      rowCount,
      sample: detected.table.rows.slice(detected.table.firstDataRow, detected.table.firstDataRow + 3).map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')))),
    });
  }
  if (msg.type === 'plan') {
    if (!detected) throw new Error('no workbook read');
    const table: SourceTable = { ...detected.table, mapping: msg.mapping };
    ctx.postMessage({ type: 'progress', phase: 'validate', done: 0, total: 2 });
    const s = await openStore();
    const readAt = new Date().toISOString();
    const [existing, units] = await Promise.all([s.employees.listAll(), s.units.list()]);
    if (detected.meta?.kind === 'unit') {
      plan = planUnitImport(detected.table, units, existing, { readAt });
    } else if (detected.meta?.kind === 'realisasi') {
      const m = detected.meta;
      const year = m.year ?? 0;
      const period = (await s.years.periods(year)).find((p) => periodKey(p) === m.periodId);
      if (!period) throw new Error('period vanished');
      const [skps, evaluations, pack] = await Promise.all([s.skps.listByYear(year), s.evaluations.listByPeriod(m.periodId!), s.rulePacks.active()]);
      const today = new Date(msg.today.year, msg.today.month - 1, msg.today.day);
      const todayIso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      const lp = planLembarImport({ table: detected.table, period, periodId: m.periodId!, year, unitId: m.unitId ?? null, employees: existing, units, skps, evaluations, pack, today: todayIso, readAt });
      plan = lp;
      lembarPreview = await lembarEffect(s, lp, units);
    } else if (detected.meta?.kind === 'skp') {
      const year = detected.meta.year ?? (await s.settings.getProfile())?.settings.activeYear ?? new Date().getFullYear();
      const [skps, pack] = await Promise.all([s.skps.listByYear(year), s.rulePacks.active()]);
      plan = planSkpImport({ table: detected.table, ekspektasiRows, year, employees: existing, skps, berakhlak: pack.berakhlak, readAt });
    } else {
      const parsed = parseEmployeeRows(table);
      ctx.postMessage({ type: 'progress', phase: 'validate', done: 1, total: 2 });
      const ep = planEmployeeImport(table, parsed, existing, units, { existing: msg.existingMode, today: msg.today, readAt });
      plan = ep;
      return ctx.postMessage({ type: 'plan', summary: { ...summarize(ep), rows: employeeRowPreview(table, parsed, ep, existing, units) } });
    }
    return ctx.postMessage({ type: 'plan', summary: summarize(plan) });
  }
  if (msg.type === 'commit') {
    if (!plan) throw new Error('no plan');
    ctx.postMessage({ type: 'progress', phase: 'write', done: 0, total: 1 });
    try {
      const meta = { fileName: file.name, sha256: file.sha256, onlyValid: msg.onlyValid };
      const s = await openStore();
      const log =
        'kind' in plan
          ? plan.kind === 'skp'
            ? await s.imports.commitSkps(plan, meta, s.skps)
            : plan.kind === 'realisasi'
              ? await s.imports.commitEvaluations(plan, meta, s.evaluations)
              : await s.imports.commitUnits(plan, meta)
          : await s.imports.commitEmployees(plan, meta);
      plan = null;
      return ctx.postMessage({ type: 'commit', ok: true, log });
    } catch (err) {
      // A full disk or a refused write says the same sentence as everywhere else (db/errors.ts).
      const refusal = err instanceof RepoError ? err : storageRefusal(err);
      if (refusal) return ctx.postMessage({ type: 'commit', ok: false, code: refusal.code, params: refusal.params });
      throw err;
    }
  }
}
