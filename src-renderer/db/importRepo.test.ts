import { afterEach, describe, expect, it } from 'vitest';
import { emptyEmployeeFields } from '../domain/pegawai';
import type { EmployeePlan } from '../exchange/pegawaiImport';
import type { UnitPlan } from '../exchange/unitImport';
import { rhk } from '../sample/records';
import { RepoError } from './errors';
import { IMPORT_UNDO_DAYS } from './importRepo';
import { DataStore } from './store';

let n = 0;
const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

async function setUp() {
  const s = await DataStore.open(`import-${++n}`);
  stores.push(s);
  await s.settings.setupOffice({ namaInstansi: 'Pemkab', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Siti' }, new Date());
  const camat = await s.employees.save(null, { ...emptyEmployeeFields(), nip: '197305121998031004', nama: 'Asep Saepudin', golongan: 'IV/b' });
  return { s, camat };
}

function planWith(s: { camatRev: string; camatId: string }, creates = 2): EmployeePlan {
  return {
    creates: Array.from({ length: creates }, (_, i) => ({ row: 4 + i, id: crypto.randomUUID(), fields: { ...emptyEmployeeFields(), nip: `19900115201503100${i}`, nama: `Pegawai ${i}` } })),
    updates: [{ row: 10, id: s.camatId, rev: s.camatRev, nama: 'Asep Saepudin', fields: { ...emptyEmployeeFields(), nip: '197305121998031004', nama: 'Asep Saepudin', golongan: 'IV/c' }, changes: [{ field: 'golongan', from: 'IV/b', to: 'IV/c' }] }],
    unchanged: 0,
    skipped: 0,
    errors: [],
    errorRows: 0,
    warnings: [],
    warningRows: 0,
    totalRows: creates + 1,
    madeAt: new Date().toISOString(),
    rows: [],
  };
}

async function refusal(p: Promise<unknown>): Promise<RepoError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RepoError);
  return err as RepoError;
}

describe('import repository', () => {
  it('writes creates and updates in one go, with audit entries and a log entry carrying SHA-256 and counts', async () => {
    const { s, camat } = await setUp();
    const log = await s.imports.commitEmployees(planWith({ camatRev: camat.rev, camatId: camat.id }), { fileName: 'pegawai.xlsx', sha256: 'abc', onlyValid: false });
    expect(log).toMatchObject({ fileName: 'pegawai.xlsx', sha256: 'abc', counts: { baru: 2, berubah: 1, tidakBerubah: 0, dilewati: 0, galat: 0 } });
    expect((await s.employees.listAll()).map((e) => e.golongan).sort()).toEqual(['', '', 'IV/c']);
    expect((await s.employees.history(camat.id))[0]?.note).toBe('Impor pegawai.xlsx');
    expect((await s.imports.previousBySha('abc'))?.id).toBe(log.id);
    // A created employee's history starts with the import that created it.
    const created = (await s.employees.listAll()).find((e) => e.nama === 'Pegawai 1')!;
    expect((await s.employees.history(created.id)).map((h) => [h.action, h.note])).toEqual([['create', 'Dibuat lewat impor pegawai.xlsx']]);
  });

  it('refuses a plan with errors unless "only valid rows" was chosen, and a stale plan; writes nothing then', async () => {
    const { s, camat } = await setUp();
    const withErrors = { ...planWith({ camatRev: camat.rev, camatId: camat.id }), errors: [{ sheet: 'Data', row: 7, column: 'A', code: 'nipNumeric' }], errorRows: 1 };
    expect((await refusal(s.imports.commitEmployees(withErrors, { fileName: 'x.xlsx', sha256: 'x', onlyValid: false }))).code).toBe('importHasErrors');
    expect(await s.employees.listAll()).toHaveLength(1);
    // Someone edits the camat between preview and confirm: the whole import is refused (all or nothing).
    await s.employees.save(camat.id, { ...camat, jabatan: 'Camat Curug' });
    expect((await refusal(s.imports.commitEmployees(planWith({ camatRev: camat.rev, camatId: camat.id }), { fileName: 'x.xlsx', sha256: 'x', onlyValid: false }))).code).toBe('importStale');
    expect(await s.employees.listAll()).toHaveLength(1);
    expect(await s.imports.log()).toEqual([]);
  });

  it('refuses when an NIP of a new row was registered after the preview', async () => {
    const { s, camat } = await setUp();
    const plan = planWith({ camatRev: camat.rev, camatId: camat.id });
    await s.employees.save(null, { ...emptyEmployeeFields(), nip: plan.creates[0]!.fields.nip, nama: 'Pegawai Nol' });
    const err = await refusal(s.imports.commitEmployees(plan, { fileName: 'x.xlsx', sha256: 'x', onlyValid: false }));
    expect(err.params).toMatchObject({ nama: 'Pegawai Nol' });
    expect(err.code).toBe('importStale');
  });

  it('undo restores the previous fields and tombstones created employees; refused after a later edit', async () => {
    const { s, camat } = await setUp();
    const log = await s.imports.commitEmployees(planWith({ camatRev: camat.rev, camatId: camat.id }), { fileName: 'pegawai.xlsx', sha256: 'abc', onlyValid: false });
    await s.imports.undo(log.id);
    const after = await s.employees.listAll();
    expect(after.map((e) => [e.nama, e.golongan])).toEqual([['Asep Saepudin', 'IV/b']]);
    expect((await s.imports.log())[0]?.undoneAt).toBeTruthy();
    expect((await refusal(s.imports.undo(log.id))).code).toBe('importAlreadyUndone');

    const fresh = (await s.employees.listAll())[0]!;
    const second = await s.imports.commitEmployees(planWith({ camatRev: fresh.rev, camatId: fresh.id }, 1), { fileName: 'lagi.xlsx', sha256: 'def', onlyValid: false });
    const created = (await s.employees.listAll()).find((e) => e.nama === 'Pegawai 0')!;
    await s.employees.save(created.id, { ...created, jabatan: 'Pengolah Data' });
    const err = await refusal(s.imports.undo(second.id));
    expect(err.code).toBe('importChangedSince');
    expect(err.params.nama).toBe('Pegawai 0');
  });
});

describe('unit import', () => {
  it('writes units in one transaction, logs them, and undo removes the created ones', async () => {
    const { s } = await setUp();
    const kec = await s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
    const sek = crypto.randomUUID();
    const log = await s.imports.commitUnits(
      <UnitPlan>{
        kind: 'unit',
        creates: [
          { row: 4, id: sek, fields: { nama: 'Sekretariat', parentId: kec.id, headId: null, aktif: true } },
          { row: 5, id: crypto.randomUUID(), fields: { nama: 'Subbagian Umum', parentId: sek, headId: null, aktif: true } },
        ],
        updates: [],
        unchanged: 0,
        errors: [],
        errorRows: 0,
        totalRows: 2,
        madeAt: new Date().toISOString(),
      },
      { fileName: 'unit.xlsx', sha256: 'u1', onlyValid: false },
    );
    expect(log.counts).toMatchObject({ baru: 2 });
    expect((await s.units.list()).map((u) => u.nama).sort()).toEqual(['Kecamatan Curug', 'Sekretariat', 'Subbagian Umum']);
    await s.imports.undo(log.id);
    expect((await s.units.list()).map((u) => u.nama)).toEqual(['Kecamatan Curug']);
  });
});

describe('a snapshot sized to the import (issue #33)', () => {
  it('an import copies no whole database: its log keeps the versions it replaced, and undo returns them exactly', async () => {
    const { s, camat } = await setUp();
    const before = (await s.employees.listAll()).map((e) => ({ ...e }));
    const log = await s.imports.commitEmployees(planWith({ camatRev: camat.rev, camatId: camat.id }), { fileName: 'pegawai.xlsx', sha256: 'a', onlyValid: false });
    expect(await s.backups.snapshots()).toEqual([]);
    const stored = (await s.db.importLog.get(log.id))!.snapshot!;
    expect(stored.previous.map((p) => p.id)).toEqual([camat.id]);
    expect(stored.created).toHaveLength(2);
    expect(await s.db.employees.count()).toBe(3);

    await s.imports.undo(log.id);
    const after = await s.employees.listAll();
    expect(after.map((e) => `${e.nama} ${e.golongan}`)).toEqual(before.map((e) => `${e.nama} ${e.golongan}`));
    const { rev: _r, updatedAt: _u, updatedBy: _b, sv: _sv, syncKey: _k, kn: _kn, ...fields } = after[0]! as unknown as Record<string, unknown>;
    const { rev: _r0, updatedAt: _u0, updatedBy: _b0, sv: _sv0, syncKey: _k0, kn: _kn0, ...was } = before[0]! as unknown as Record<string, unknown>;
    expect(fields).toEqual(was);
  });
});

describe('import undo data ages out (issue #33)', () => {
  it(`after ${IMPORT_UNDO_DAYS} days an import keeps its log line but not the records it replaced; the log says so and undo says why`, async () => {
    let now = new Date('2026-01-05T08:00:00Z');
    const s = await DataStore.open(`import-${++n}`, { now: () => now });
    stores.push(s);
    await s.settings.setupOffice({ namaInstansi: 'Pemkab', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Siti' }, now);
    const camat = await s.employees.save(null, { ...emptyEmployeeFields(), nip: '197305121998031004', nama: 'Asep Saepudin', golongan: 'IV/b' });
    const first = await s.imports.commitEmployees(planWith({ camatRev: camat.rev, camatId: camat.id }), { fileName: 'januari.xlsx', sha256: 'jan', onlyValid: false });

    now = new Date(now.getTime() + (IMPORT_UNDO_DAYS + 1) * 86_400_000);
    const later = planWith({ camatRev: '', camatId: camat.id }, 1);
    later.updates = [];
    later.creates[0]!.fields.nip = '199202022020121001';
    const second = await s.imports.commitEmployees(later, { fileName: 'februari.xlsx', sha256: 'feb', onlyValid: false });

    expect((await s.db.importLog.get(first.id))?.snapshot).toBeUndefined();
    expect((await s.db.importLog.get(second.id))?.snapshot).toBeDefined();
    expect((await s.imports.log()).map((e) => [e.fileName, e.undoable])).toEqual([['februari.xlsx', true], ['januari.xlsx', false]]);
    const err = await refusal(s.imports.undo(first.id));
    expect([err.code, err.params.days]).toEqual(['importUndoExpired', IMPORT_UNDO_DAYS]);
    // The duplicate-file check still finds the old import by its SHA-256.
    expect((await s.imports.previousBySha('jan'))?.fileName).toBe('januari.xlsx');
  });
});

describe('SKP template import', () => {
  const content = (teks: string) => ({ rhk: [{ ...rhk(teks) }], ekspektasi: { BERORIENTASI_PELAYANAN: 'Ramah' } });

  it('creates drafts with the registry’s identity, updates drafts, logs kind skp; undo removes and restores; a plan gone stale writes nothing', async () => {
    const { s, camat } = await setUp();
    const budi = await s.employees.save(null, { ...emptyEmployeeFields(), nip: '199001152015031002', nama: 'Budi Hartono', golongan: 'III/a', atasanId: camat.id });
    const dewi = await s.employees.save(null, { ...emptyEmployeeFields(), nip: '199507072019022003', nama: 'Dewi Lestari', golongan: 'II/c', atasanId: camat.id });
    const dewiSkp = await s.skps.create(dewi.id, 2026);
    await s.skps.save(dewiSkp.id, { rhk: [rhk('Lama')] });
    const before = (await s.skps.get(dewiSkp.id))!;
    const meta = { fileName: 'templat-skp-2026.xlsx', sha256: 'ab', onlyValid: false };
    const plan = {
      year: 2026,
      creates: [{ employeeId: budi.id, nama: 'Budi Hartono', content: content('Tersusunnya laporan') }],
      updates: [{ id: before.id, rev: before.rev, nama: 'Dewi Lestari', content: content('Baru') }],
      unchanged: 0,
      errors: [],
      errorRows: 0,
      madeAt: new Date().toISOString(),
    };
    const log = await s.imports.commitSkps(plan, meta, s.skps);
    expect(log).toMatchObject({ kind: 'skp', counts: { baru: 1, berubah: 1 } });
    const budiSkp = (await s.skps.forEmployee(budi.id, 2026))[0]!;
    expect(budiSkp).toMatchObject({ status: 'DRAF', pegawai: { nama: 'Budi Hartono' }, penilai: { nama: 'Asep Saepudin' }, ekspektasi: { BERORIENTASI_PELAYANAN: 'Ramah' } });
    expect(budiSkp.rhk.map((r) => r.teks)).toEqual(['Tersusunnya laporan']);
    expect((await s.skps.get(dewiSkp.id))!.rhk.map((r) => r.teks)).toEqual(['Baru']);

    // The same plan again is stale (Dewi's draft has a new revision, Budi now has an SKP).
    expect((await refusal(s.imports.commitSkps(plan, meta, s.skps))).code).toBe('importStale');

    await s.imports.undo(log.id);
    expect(await s.skps.forEmployee(budi.id, 2026)).toEqual([]);
    expect((await s.skps.get(dewiSkp.id))!.rhk.map((r) => r.teks)).toEqual(['Lama']);
  });

  it('refuses to touch an SKP that was submitted after the preview', async () => {
    const { s, camat } = await setUp();
    const budi = await s.employees.save(null, { ...emptyEmployeeFields(), nip: '199001152015031002', nama: 'Budi Hartono', golongan: 'III/a', atasanId: camat.id });
    const skp = await s.skps.create(budi.id, 2026);
    const saved = await s.skps.save(skp.id, { rhk: [rhk('Lama')] });
    await s.skps.transition(skp.id, 'AJUKAN');
    const plan = { year: 2026, creates: [], updates: [{ id: saved.id, rev: saved.rev, nama: 'Budi Hartono', content: content('Baru') }], unchanged: 0, errors: [], errorRows: 0, madeAt: '' };
    expect((await refusal(s.imports.commitSkps(plan, { fileName: 'x.xlsx', sha256: 'x', onlyValid: false }, s.skps))).code).toBe('importStale');
    expect((await s.skps.get(skp.id))!.rhk.map((r) => r.teks)).toEqual(['Lama']);
  });
});
