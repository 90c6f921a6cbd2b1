/**
 * Importing the Unit kerja template: unit name, its parent (by name, or "Induk › Unit" when names
 * repeat) and the NIP of its head. Parents may be units created by the same file. Pure, like the
 * employee import; the worker runs it and the repository writes the plan.
 */
import { normalizeNip } from '../domain/nip';
import type { Employee } from '../domain/pegawai';
import { diffFields, type FieldChange } from '../domain/records';
import { unitFieldsOf, unitPath, wouldCreateUnitCycle, type Unit, type UnitFields } from '../domain/unit';
import { foldHeader } from './headers';
import type { ImportError, SourceTable } from './pegawaiImport';
import { columnLetter } from '../io/sheet';
import { cleanText, parseNipCell } from '../io/values';

export interface UnitPlan {
  kind: 'unit';
  creates: { row: number; id: string; fields: UnitFields }[];
  updates: { row: number; id: string; rev: string; nama: string; fields: UnitFields; changes: FieldChange[] }[];
  unchanged: number;
  errors: ImportError[];
  errorRows: number;
  totalRows: number;
  madeAt: string;
}

const MAX_NAME = 150;

export function planUnitImport(
  t: SourceTable,
  units: readonly Unit[],
  employees: readonly Employee[],
  opts: { newId?: () => string; readAt?: string } = {},
): UnitPlan {
  const newId = opts.newId ?? (() => crypto.randomUUID());
  const live = units.filter((u) => !u.deleted);
  const byId = new Map(live.map((u) => [u.id, u]));
  const col = (key: string) => t.mapping.indexOf(key);
  const letter = (key: string) => (col(key) >= 0 ? columnLetter(col(key)) : '');
  const employeeByNip = new Map(employees.filter((e) => !e.deleted).map((e) => [e.nip, e]));
  const errors = new Map<number, ImportError[]>();
  const fail = (row: number, key: string, code: string, params?: Record<string, string | number>) =>
    errors.set(row, [...(errors.get(row) ?? []), { sheet: t.sheet, row, column: letter(key), code, ...(params ? { params } : {}) }]);

  interface Row { row: number; nama: string; induk: string; kepala: string; target?: Unit; id: string }
  const rows: Row[] = [];
  for (let r = t.firstDataRow; r < t.rows.length; r++) {
    const raw = t.rows[r] ?? [];
    if (raw.every((v) => cleanText(v) === '')) continue;
    if (t.example && r === t.firstDataRow && t.example.every((v, i) => cleanText(v) === cleanText(raw[i]))) continue;
    const get = (key: string) => (col(key) >= 0 ? cleanText(raw[col(key)]) : '');
    const row = r + 1;
    const nama = get('nama');
    if (!nama) fail(row, 'nama', 'unitNameRequired');
    else if (nama.length > MAX_NAME) fail(row, 'nama', 'unitNameTooLong', { max: MAX_NAME });
    rows.push({ row, nama, induk: get('induk'), kepala: col('kepalaNip') >= 0 ? String(raw[col('kepalaNip')] ?? '') : '', id: '' });
  }

  // Which existing unit each row is: by name, disambiguated by the parent written beside it.
  const pathOf = (u: Unit) => foldHeader(unitPath(u.id, byId).join(' '));
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!r.nama) continue;
    const same = live.filter((u) => foldHeader(u.nama) === foldHeader(r.nama));
    const underInduk = r.induk ? same.filter((u) => u.parentId && (foldHeader(byId.get(u.parentId)?.nama ?? '') === foldHeader(r.induk) || pathOf(byId.get(u.parentId)!) === foldHeader(r.induk.split(/[›>/]/).join(' ')))) : same.filter((u) => !u.parentId);
    r.target = underInduk.length === 1 ? underInduk[0] : same.length === 1 && !r.induk ? same[0] : undefined;
    r.id = r.target?.id ?? newId();
    const key = `${foldHeader(r.induk)}|${foldHeader(r.nama)}`;
    const first = seen.get(key);
    if (first !== undefined) fail(r.row, 'nama', 'unitDuplicateInFile', { first });
    else seen.set(key, r.row);
  }

  // Parents: an existing unit (name or path) or a unit created earlier or later in this file.
  const fileByName = new Map<string, Row[]>();
  for (const r of rows) if (r.nama) fileByName.set(foldHeader(r.nama), [...(fileByName.get(foldHeader(r.nama)) ?? []), r]);
  const parentOf = new Map<string, string | null>(live.map((u) => [u.id, u.parentId]));
  const planned: { r: Row; fields: UnitFields }[] = [];
  for (const r of rows) {
    if (!r.nama) continue;
    let parentId: string | null = r.target && !r.induk ? r.target.parentId : null;
    if (r.induk) {
      const fromFile = (fileByName.get(foldHeader(r.induk)) ?? []).filter((x) => x !== r);
      const named = live.filter((u) => foldHeader(u.nama) === foldHeader(r.induk));
      const byPath = live.filter((u) => pathOf(u) === foldHeader(r.induk.split(/[›>/]/).join(' ')));
      const candidates = new Set([...byPath.map((u) => u.id), ...(byPath.length ? [] : named.map((u) => u.id)), ...(byPath.length ? [] : fromFile.map((x) => x.id))]);
      if (candidates.size === 1) parentId = [...candidates][0]!;
      else if (candidates.size === 0) fail(r.row, 'induk', 'unitParentUnknown', { text: r.induk });
      else fail(r.row, 'induk', 'unitAmbiguous', { text: r.induk, example: unitPath(named[0]?.id ?? '', byId).join(' › ') || r.induk });
    }
    let headId = r.target?.headId ?? null;
    if (cleanText(r.kepala)) {
      const nip = parseNipCell(r.kepala);
      const head = nip.ok ? employeeByNip.get(normalizeNip(nip.value)) : undefined;
      if (!nip.ok) fail(r.row, 'kepalaNip', nip.code === 'nipNumeric' ? 'atasanNipNumeric' : 'atasanNipInvalid', { text: cleanText(r.kepala) });
      else if (!head) fail(r.row, 'kepalaNip', 'headUnknown', { nip: nip.value });
      else headId = head.id;
    }
    parentOf.set(r.id, parentId);
    planned.push({ r, fields: { nama: r.nama, parentId, headId, aktif: r.target?.aktif ?? true } });
  }
  for (const { r, fields } of planned) {
    if (wouldCreateUnitCycle(r.id, fields.parentId, (x) => parentOf.get(x))) fail(r.row, 'induk', 'unitCycle', { nama: r.nama, parent: r.induk });
  }

  const plan: UnitPlan = { kind: 'unit', creates: [], updates: [], unchanged: 0, errors: [], errorRows: errors.size, totalRows: rows.length, madeAt: opts.readAt ?? new Date().toISOString() };
  for (const { r, fields } of planned) {
    if (errors.has(r.row)) continue;
    if (!r.target) {
      plan.creates.push({ row: r.row, id: r.id, fields });
      continue;
    }
    const changes = diffFields(unitFieldsOf(r.target), fields);
    if (changes.length === 0) plan.unchanged++;
    else plan.updates.push({ row: r.row, id: r.id, rev: r.target.rev, nama: r.nama, fields, changes });
  }
  for (const list of errors.values()) plan.errors.push(...list);
  plan.errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  // A unit whose parent was refused would hang in the air: refuse it too, down the tree.
  const refused = new Set(planned.filter((p) => errors.has(p.r.row)).map((p) => p.r.id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const list of [plan.creates, plan.updates] as { row: number; id: string; fields: UnitFields }[][]) {
      for (let i = list.length - 1; i >= 0; i--) {
        const item = list[i]!;
        if (item.fields.parentId && refused.has(item.fields.parentId)) {
          plan.errors.push({ sheet: t.sheet, row: item.row, column: letter('induk'), code: 'unitParentRefused' });
          plan.errorRows++;
          refused.add(item.id);
          list.splice(i, 1);
          changed = true;
        }
      }
    }
  }
  return plan;
}
