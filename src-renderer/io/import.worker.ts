/**
 * The import worker: parsing a 12,000-row workbook takes seconds, so it happens here, off the
 * main thread (the UI keeps painting and Cancel simply terminates this worker). It never writes
 * to the database; it returns a plan that the user confirms.
 */
import type { WorkBook } from 'xlsx';
import { detectTable, type DetectedTable } from './importTable';
import type { ImportRequest, ImportResponse } from './importProtocol';
import { parseEmployeeRows, planEmployeeImport, type SourceTable } from './pegawaiImport';
import { MAX_ROWS, readWorkbook } from './sheet';

const ctx = self as unknown as { postMessage(m: ImportResponse): void; onmessage: ((e: MessageEvent<ImportRequest>) => void) | null };
let detected: DetectedTable | null = null;
let workbook: WorkBook | null = null;

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

ctx.onmessage = (e) => {
  void handle(e.data).catch((err: unknown) => ctx.postMessage({ type: 'failed', detail: String((err as Error)?.message ?? err) }));
};

async function handle(msg: ImportRequest): Promise<void> {
  if (msg.type === 'read') {
    ctx.postMessage({ type: 'progress', phase: 'read', done: 0, total: 1 });
    const hash = await sha256(msg.bytes);
    const read = readWorkbook(msg.bytes);
    if (!read.ok) return ctx.postMessage({ type: 'read', ok: false, code: read.code, ...(read.params ? { params: read.params } : {}) });
    workbook = read.workbook;
    detected = detectTable(workbook);
    if (!detected) return ctx.postMessage({ type: 'read', ok: false, code: 'noHeader' });
    if (detected.meta && detected.meta.kind !== 'pegawai') return ctx.postMessage({ type: 'read', ok: false, code: 'kindNotSupported', params: { kind: detected.meta.kind } });
    const rowCount = detected.table.rows.length - detected.table.firstDataRow;
    if (rowCount > MAX_ROWS) return ctx.postMessage({ type: 'read', ok: false, code: 'tooManyRows', params: { max: MAX_ROWS, count: rowCount } });
    return ctx.postMessage({
      type: 'read',
      ok: true,
      sha256: hash,
      meta: detected.meta,
      sheet: detected.table.sheet,
      headerRowNo: detected.table.firstDataRow,
      labels: detected.labels,
      mapping: detected.table.mapping,
      signature: detected.signature,
      rowCount,
      sample: detected.table.rows.slice(detected.table.firstDataRow, detected.table.firstDataRow + 3).map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')))),
    });
  }
  if (msg.type === 'plan') {
    if (!detected) throw new Error('no workbook read');
    const table: SourceTable = { ...detected.table, mapping: msg.mapping };
    ctx.postMessage({ type: 'progress', phase: 'validate', done: 0, total: table.rows.length });
    const parsed = parseEmployeeRows(table);
    ctx.postMessage({ type: 'progress', phase: 'validate', done: table.rows.length, total: table.rows.length });
    const plan = planEmployeeImport(table, parsed, msg.existing, msg.units, { existing: msg.existingMode, today: msg.today });
    return ctx.postMessage({ type: 'plan', plan });
  }
}
