import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listSnapshots } from './snapshots';
import { RepoError } from './errors';
import { CURRENT_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import { DataStore } from './store';
import { person } from '../sample/records';

let n = 0;
const stores: DataStore[] = [];
async function freshStore(name = `test-${++n}`) {
  const s = await DataStore.open(name);
  stores.push(s);
  return s;
}
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

const profile = {
  namaInstansi: 'Pemerintah Kabupaten Tangerang',
  namaKantor: 'Kecamatan Curug',
  alamat: 'Jl. Raya Curug',
  tempat: 'Curug',
  kertas: 'A4' as const,
  namaAdmin: 'Siti Aminah',
};

async function expectRefusal(p: Promise<unknown>, code: string): Promise<RepoError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RepoError);
  expect((err as RepoError).code).toBe(code);
  return err as RepoError;
}

describe('office profile', () => {
  it('first run creates the office identity and every record carries it', async () => {
    const s = await freshStore();
    expect(await s.settings.getProfile()).toBeNull();
    const { settings, office } = await s.settings.setupOffice(profile, new Date('2026-11-24T08:00:00Z'));
    expect(office.id).toBe(settings.officeId);
    // The installation is a separate identity (the clock node), enrolled as the office's admin PC.
    const inst = await s.settings.getInstallation();
    expect(inst).toMatchObject({ officeId: settings.officeId, role: 'KANTOR' });
    expect(inst!.id).not.toBe(settings.officeId);
    expect(office.updatedBy).toBe(inst!.id);
    expect(settings.activeYear).toBe(2026);
    const e = await s.employees.save(null, person('198001012005011001', 'Asep'));
    expect((e as unknown as { officeId: string }).officeId).toBe(settings.officeId);
    expect(e.updatedBy).toBe(inst!.id);
    expect(e.rev.endsWith(`-${inst!.id}`)).toBe(true);
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.rev > office.rev).toBe(true);
    expect(e.deleted).toBe(false);
  });

  it('refuses an incomplete profile and names the fields', async () => {
    const s = await freshStore();
    const err = await expectRefusal(s.settings.setupOffice({ ...profile, namaKantor: '', tempat: ' ' }, new Date()), 'officeInvalid');
    expect(err.params.errors).toEqual({ namaKantor: 'required', tempat: 'required' });
    expect(await s.settings.getProfile()).toBeNull();
  });

  it('edits are audited with old and new values', async () => {
    const s = await freshStore();
    const { office } = await s.settings.setupOffice(profile, new Date());
    await s.settings.updateProfile({ ...profile, tempat: 'Tigaraksa', namaAdmin: 'Budi' });
    const entries = await s.db.auditLog.where('docId').equals(office.id).toArray();
    const update = entries.find((e) => e.action === 'update');
    expect(update?.changes).toEqual([{ field: 'tempat', from: 'Curug', to: 'Tigaraksa' }]);
    expect(update?.actor).toBe('Budi');
    const local = await s.db.auditLog.where('docId').equals('local').toArray();
    expect(local[0]?.changes).toEqual([{ field: 'adminName', from: 'Siti Aminah', to: 'Budi' }]);
  });
});

describe('employees', () => {
  async function setUp() {
    const s = await freshStore();
    await s.settings.setupOffice(profile, new Date());
    const kec = await s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
    const camat = await s.employees.save(null, person('197001011995031001', 'Camat', { unitId: kec.id }));
    const kasi = await s.employees.save(null, person('198001012005011001', 'Kasi', { unitId: kec.id, atasanId: camat.id }));
    const staf = await s.employees.save(null, person('199001012015011001', 'Staf', { unitId: kec.id, atasanId: kasi.id }));
    return { s, kec, camat, kasi, staf };
  }

  it('refuses a second employee with the same NIP, however it is typed', async () => {
    const { s, kasi } = await setUp();
    const err = await expectRefusal(s.employees.save(null, person("'19800101 200501 1 001", 'Orang Lain')), 'nipDuplicate');
    expect(err.params).toMatchObject({ id: kasi.id, nama: 'Kasi' });
  });

  it('refuses an atasan relation that closes a cycle and names the chain', async () => {
    const { s, camat, staf } = await setUp();
    const err = await expectRefusal(s.employees.save(camat.id, { ...camat, atasanId: staf.id }), 'atasanCycle');
    expect(err.params.chain).toBe('Camat → Staf → Kasi → Camat');
    expect((await s.employees.get(camat.id))?.atasanId).toBeNull();
  });

  it('refuses an employee as their own atasan', async () => {
    const { s, kasi } = await setUp();
    await expectRefusal(s.employees.save(kasi.id, { ...kasi, atasanId: kasi.id }), 'employeeInvalid');
  });

  it('deactivating an atasan asks first, then moves subordinates in the same transaction', async () => {
    const { s, camat, kasi, staf } = await setUp();
    const leaving = { ...kasi, aktif: false, nonaktifAlasan: 'PENSIUN' as const, nonaktifTanggal: '2026-10-01' };
    const err = await expectRefusal(s.employees.save(kasi.id, leaving), 'stillAtasan');
    expect(err.params.subordinates).toEqual([{ id: staf.id, nama: 'Staf' }]);
    expect((await s.employees.get(kasi.id))?.aktif).toBe(true);

    await s.employees.save(kasi.id, leaving, { reassignSubordinatesTo: camat.id });
    expect((await s.employees.get(staf.id))?.atasanId).toBe(camat.id);
    const gone = await s.employees.get(kasi.id);
    expect(gone?.aktif).toBe(false);
    // The record and its history remain.
    const history = await s.employees.history(kasi.id);
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect(history[0]?.changes).toContainEqual({ field: 'aktif', from: true, to: false });
  });

  it('a failing save writes nothing (one transaction)', async () => {
    const { s, staf } = await setUp();
    const before = await s.db.auditLog.count();
    await expectRefusal(s.employees.save(staf.id, { ...staf, unitId: 'no-such-unit', nama: 'Ganti' }), 'unitMissing');
    expect(await s.db.auditLog.count()).toBe(before);
    expect((await s.employees.get(staf.id))?.nama).toBe('Staf');
  });

  it('saving unchanged data makes no new revision', async () => {
    const { s, staf } = await setUp();
    const again = await s.employees.save(staf.id, { ...staf });
    expect(again.rev).toBe(staf.rev);
    expect(await s.employees.history(staf.id)).toHaveLength(1);
  });

  it('refuses moving a unit into its own sub-unit', async () => {
    const { s, kec } = await setUp();
    const seksi = await s.units.save(null, { nama: 'Seksi Pemerintahan', parentId: kec.id, headId: null, aktif: true });
    const err = await expectRefusal(s.units.save(kec.id, { ...kec, parentId: seksi.id }), 'unitCycle');
    expect(err.params).toMatchObject({ nama: 'Kecamatan Curug', parent: 'Seksi Pemerintahan' });
  });

  it('refuses deactivating a unit that still has active employees', async () => {
    const { s, kec } = await setUp();
    await expectRefusal(s.units.save(kec.id, { ...kec, aktif: false }), 'unitNotEmpty');
  });
});

describe('schema upgrades', () => {
  it('a version-1 database opened under a later version loses nothing and is backed up first', async () => {
    const name = `upgrade-${++n}`;
    const v1 = await DataStore.open(name, { versions: SCHEMA_VERSIONS.slice(0, 1) });
    await v1.settings.setupOffice(profile, new Date());
    const unit = await v1.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
    for (let i = 0; i < 50; i++) {
      await v1.employees.save(null, person(`1980010120050110${String(i + 10).padStart(2, '0')}`, `Pegawai ${i}`, { unitId: unit.id }));
    }
    await v1.db.table('skps').put({ id: 'skp-1', employeeId: 'e', year: 2026, rhk: [{ id: 'r1', text: 'Menyusun laporan' }] });
    const before: Record<string, unknown[]> = {};
    for (const t of v1.db.tables) before[t.name] = await t.toArray();
    v1.close();

    // First the real current schema: every v1 row survives, the new tables start empty.
    const current = await DataStore.open(name);
    expect(current.db.verno).toBe(CURRENT_VERSION);
    for (const [table, rows] of Object.entries(before)) expect(await current.db.table(table).toArray(), table).toEqual(rows);
    expect(await current.db.table('unitResults').count()).toBe(0);
    current.close();

    // Then a test-only next version: a new index and an upgrade that fills a new field.
    const next = CURRENT_VERSION + 1;
    const v2: SchemaVersion = {
      version: next,
      stores: { employees: 'id, nip, unitId, atasanId, updatedAt, jabatan' },
      upgrade: async (tx) => {
        await tx
          .table('employees')
          .toCollection()
          .modify((e: Record<string, unknown>) => {
            e.catatanMigrasi = 'v2';
          });
      },
    };
    const upgraded = await DataStore.open(name, { versions: [...SCHEMA_VERSIONS, v2] });
    stores.push(upgraded);
    expect(upgraded.db.verno).toBe(next);
    for (const [table, rows] of Object.entries(before)) {
      const after = await upgraded.db.table(table).toArray();
      expect(after.length, table).toBe(rows.length);
      if (table === 'employees') {
        expect(after.map(({ catatanMigrasi: _, ...rest }) => rest)).toEqual(rows);
        expect(after.every((e) => e.catatanMigrasi === 'v2')).toBe(true);
      } else {
        expect(after, table).toEqual(rows);
      }
    }
    expect(await upgraded.db.employees.where('jabatan').equals('').count()).toBe(50);

    const backups = await listSnapshots(name);
    expect(backups).toHaveLength(2);
    expect(backups[0]).toMatchObject({ fromVersion: 1, toVersion: CURRENT_VERSION });
    expect(backups[1]).toMatchObject({ fromVersion: CURRENT_VERSION, toVersion: next });
    // Opening again at the same version makes no further backup.
    upgraded.close();
    stores.push(await DataStore.open(name, { versions: [...SCHEMA_VERSIONS, v2] }));
    expect(await listSnapshots(name)).toHaveLength(2);
    expect(await Dexie.getDatabaseNames()).toContain(`${name}-cadangan`);
  });
});

describe('opening the data', () => {
  it('an upgrade blocked by an older copy still open says so, then continues when it closes', async () => {
    const name = `blocked-${++n}`;
    const old = await DataStore.open(name, { versions: SCHEMA_VERSIONS.filter((v) => v.version <= 4) });
    old.close();
    // An older app in another tab: a raw connection that does not give way on versionchange.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    let blocked = 0;
    const opening = DataStore.open(name, { onBlocked: () => (blocked += 1) });
    await vi.waitFor(() => expect(blocked).toBeGreaterThan(0), { timeout: 20_000 });
    raw.close();
    const s = await opening;
    stores.push(s);
    expect(s.db.verno).toBe(CURRENT_VERSION);
  });
});
