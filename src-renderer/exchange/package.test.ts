import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../domain/hlc';
import { readPackageFile, writePackageFile } from './packageFile';
import { chunk, CHUNK_CHARS, compareVersions, decodeDoc, encodeDoc, type EnvelopeDraft, MIN_READER_VERSION, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from './package';
import { generateSigningKey, signText, verifyText } from './signature';
import type { ExchangeRecord } from './records';

const rev = (i: number) => formatHlc({ wallMs: Date.UTC(2026, 10, 1) + i, counter: 0, node: 'ikantor' });
const person = (i: number) => ({
  table: 'employees', schemaVersion: 4,
  doc: { id: `e${i}`, rev: rev(i), createdAt: '', updatedAt: '', updatedBy: 'ikantor', deleted: false, nip: `19800101200501100${i}`, nama: `Pegawai ${i}`, jabatan: 'Analis', golongan: 'III/a', unitId: null, atasanId: null, aktif: true },
});
const envelope: EnvelopeDraft = {
  format: PACKAGE_FORMAT, formatVersion: PACKAGE_FORMAT_VERSION, minAppVersion: MIN_READER_VERSION, appVersion: '0.3.0', schemaVersion: 4,
  kind: 'data', packageId: 'p-1', createdAt: '2026-11-30T08:00:00.000Z',
  from: { installId: 'ikantor', officeId: 'o', officeName: 'Kecamatan Curug', installName: 'PC admin' },
  to: { installId: 'ilaptop', officeId: 'o', officeName: 'Kecamatan Curug', installName: 'laptop Camat' },
  holds: { ikantor: rev(9) }, full: true, counts: { employees: 3 }, openConflicts: 0,
  chain: { seq: 1, links: [{ seq: 1, hash: 'h1', at: '2026-11-30T08:00:00.000Z' }], audit: { seq: 0, hash: '' } }, anchor: null, predecessor: null, forks: {},
};
const key = await generateSigningKey();
const signer = { key: { alg: key.alg, pub: key.pub }, sign: (text: string) => signText(key, text) };

async function file(records: ExchangeRecord[] = [person(1), person(2), person(3)]) {
  return (await writePackageFile({ envelope, records, signer })).bytes;
}

/** Opens the package as Excel would, lets `edit` change it, and saves it again (a new zip). */
function resave(bytes: Uint8Array, edit: (wb: XLSX.WorkBook) => void = () => {}): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  edit(wb);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

async function refusal(bytes: Uint8Array, appVersion = '0.3.0') {
  const r = await readPackageFile(bytes, appVersion);
  expect(r.ok).toBe(false);
  return r as { ok: false; code: string; params: Record<string, unknown> };
}

describe('the Sinkronisasi package file', () => {
  it('reads back the records it carries, with readable sheets for people and the machine sheets hidden', async () => {
    const bytes = await file();
    const r = await readPackageFile(bytes, '0.3.0');
    expect(r.ok && r.records.map((x) => x.doc.nama)).toEqual(['Pegawai 1', 'Pegawai 2', 'Pegawai 3']);
    expect(r.ok && r.envelope.rows).toBe(3);
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Petunjuk', 'Ringkasan', 'Pegawai', 'SKP', 'Evaluasi', '_amplop', '_rekaman']);
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(XLSX.utils.sheet_to_json<string[]>(wb.Sheets.Pegawai!, { header: 1 })[1]).toEqual(['19800101 200501 1 001', 'Pegawai 1', 'Analis', 'III/a']);
  });

  it('still verifies after being opened and saved again (the zip is rewritten, the cell text is kept)', async () => {
    const r = await readPackageFile(resave(await file()), '0.3.0');
    expect(r.ok).toBe(true);
  });

  it('verifies a package whose readable text holds what looks like XML ("&amp;", "_x0041_"): it was refused as edited when SheetJS wrote it', async () => {
    const odd = { ...person(4), doc: { ...person(4).doc, jabatan: 'Kasi Trantib &amp; Linmas _x0041_' } };
    const r = await readPackageFile(await file([person(1), odd]), '0.3.0');
    expect(r.ok && r.records.map((x) => x.doc.jabatan)).toEqual(['Analis', 'Kasi Trantib &amp; Linmas _x0041_']);
  });

  it('carries attachments as their bytes, chunked below the Excel cell limit', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const att = { table: 'attachments', schemaVersion: 4, doc: { id: 'a1', rev: rev(5), createdAt: '', updatedAt: '', updatedBy: 'ikantor', deleted: false, ownerId: 'ev1', data: bytes.buffer } };
    const r = await readPackageFile(resave(await file([att])), '0.3.0');
    expect(r.ok).toBe(true);
    const back = r.ok ? new Uint8Array(r.records[0]!.doc.data as ArrayBuffer) : null;
    expect(back).toEqual(bytes);
    const wb = XLSX.read(await file([att]), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets._rekaman!, { header: 1 });
    expect(rows.length - 1).toBeGreaterThan(3);
    expect(rows.slice(1).every((row) => String(row[7]).length <= CHUNK_CHARS)).toBe(true);
  });

  it('never splits a character in two between cells', () => {
    const text = `${'a'.repeat(CHUNK_CHARS - 1)}😀tail`;
    const parts = chunk(text);
    expect(parts.join('')).toBe(text);
    expect(parts[0]!.length).toBe(CHUNK_CHARS - 1);
    expect(decodeDoc(encodeDoc({ s: text })).s).toBe(text);
  });

  it('refuses a hand-edited row and names it', async () => {
    const edited = resave(await file(), (wb) => {
      const ws = wb.Sheets._rekaman!;
      const cell = ws.H3!;
      cell.v = String(cell.v).replace('Pegawai 2', 'Pegawai Dua');
    });
    const r = await refusal(edited);
    expect(r).toMatchObject({ code: 'package.rowEdited', params: { sheet: '_rekaman', row: 3, table: 'employees', id: 'e2' } });
  });

  it('refuses a truncated file (rows missing at the end)', async () => {
    const cut = resave(await file(), (wb) => {
      const ws = wb.Sheets._rekaman!;
      delete ws.A4; delete ws.B4; delete ws.C4; delete ws.D4; delete ws.E4; delete ws.F4; delete ws.G4; delete ws.H4;
      ws['!ref'] = 'A1:H3';
    });
    expect((await refusal(cut)).code).toBe('package.truncated');
  });

  it('refuses an edited envelope (the package meant for someone else re-addressed)', async () => {
    const readdressed = resave(await file(), (wb) => {
      const ws = wb.Sheets._amplop!;
      for (const addr of Object.keys(ws)) if (ws[addr]?.v && String(ws[addr].v).includes('ilaptop')) ws[addr].v = String(ws[addr].v).replace('ilaptop', 'ibkd');
    });
    expect((await refusal(readdressed)).code).toBe('package.envelopeEdited');
  });

  it('tells a file re-saved by a tool that dropped the hidden sheets from one that is no package at all', async () => {
    const dropped = resave(await file(), (wb) => {
      wb.SheetNames = wb.SheetNames.filter((n) => !n.startsWith('_'));
      delete wb.Sheets._amplop;
      delete wb.Sheets._rekaman;
      if (wb.Workbook) wb.Workbook.Sheets = wb.Workbook.Sheets?.filter((s) => !s.name?.startsWith('_'));
    });
    expect((await refusal(dropped)).code).toBe('package.sheetsDropped');
    const other = new Uint8Array(XLSX.write({ SheetNames: ['Data'], Sheets: { Data: XLSX.utils.aoa_to_sheet([['NIP', 'Nama']]) } }, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect((await refusal(other)).code).toBe('package.notPackage');
    expect((await refusal(new TextEncoder().encode('bukan excel'))).code).toBe('import.read.notWorkbook');
  });

  it('is signed over its hash with the sender\'s key, which travels in the envelope', async () => {
    const r = await readPackageFile(await file(), '0.3.0');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.envelope.key).toEqual(signer.key);
    expect(await verifyText(signer.key, r.envelope.hash, r.envelope.sig)).toBe(true);
    const other = await generateSigningKey();
    expect(await verifyText({ alg: other.alg, pub: other.pub }, r.envelope.hash, r.envelope.sig)).toBe(false);
  });

  it('refuses a formula planted in a sheet people read, naming the sheet and cell (it would run when opened)', async () => {
    const planted = resave(await file(), (wb) => {
      wb.Sheets.Pegawai!.B2 = { t: 's', v: 'Pegawai 1', f: 'HYPERLINK("http://contoh.invalid","Pegawai 1")' };
    });
    expect(await refusal(planted)).toMatchObject({ code: 'package.formula', params: { sheet: 'Pegawai', cell: 'B2' } });
    const dde = resave(await file(), (wb) => {
      wb.Sheets.Ringkasan!.B2 = { t: 'n', v: 0, f: "cmd|' /C calc'!A0" };
    });
    expect(await refusal(dde)).toMatchObject({ code: 'package.formula', params: { sheet: 'Ringkasan', cell: 'B2' } });
  });

  it('refuses a package whose readable sheets were edited after it was made (they are inside the hash)', async () => {
    const edited = resave(await file(), (wb) => {
      wb.Sheets.Pegawai!.C2 = { t: 's', v: 'Camat' };
    });
    expect((await refusal(edited)).code).toBe('package.readableEdited');
    const extra = resave(await file(), (wb) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['catatan']]), 'Catatan'));
    expect((await refusal(extra)).code).toBe('package.readableEdited');
  });

  it('refuses an unsigned package of the first format and says the sender must update', async () => {
    const v1 = resave(await file(), (wb) => {
      const ws = wb.Sheets._amplop!;
      for (const addr of Object.keys(ws)) {
        if (ws[addr]?.v === 'formatVersion') ws[addr.replace('A', 'B')]!.v = '1';
        if (ws[addr]?.v === 'sig') ws[addr.replace('A', 'B')]!.v = '""';
      }
    });
    expect((await refusal(v1)).code).toBe('package.olderFormat');
  });

  it('asks for a newer app when the package needs one, naming the version', async () => {
    const r = await refusal(await file(), '0.2.9');
    expect(r).toMatchObject({ code: 'package.newerApp', params: { version: MIN_READER_VERSION } });
    expect(compareVersions('0.10.0', '0.9.1')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
  });
});
