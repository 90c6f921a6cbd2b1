import { afterEach, describe, expect, it } from 'vitest';
import { person } from '../sample/records';
import { appendAudit, verifyAuditLog } from './audit';
import { SCHEMA_VERSIONS } from './schema';
import { DataStore } from './store';

let n = 0;
const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

const profile = { namaInstansi: 'Pemerintah Kabupaten Tangerang', namaKantor: 'Kecamatan Curug', alamat: 'Jl. Raya Curug', tempat: 'Curug', kertas: 'A4' as const, namaAdmin: 'Siti Aminah' };

async function office() {
  const s = await DataStore.open(`audit-${++n}`);
  stores.push(s);
  await s.settings.setupOffice(profile, new Date());
  const unit = await s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
  const a = await s.employees.save(null, person('198001012005011001', 'Ahmad', { unitId: unit.id }));
  await s.employees.save(a.id, person('198001012005011001', 'Ahmad', { unitId: unit.id, jabatan: 'Kasi Pemerintahan' }));
  await s.employees.save(null, person('199001012015011001', 'Budi', { unitId: unit.id }));
  return s;
}

describe('tamper-evident audit log', () => {
  it('every save is chained and the whole log verifies', async () => {
    const s = await office();
    const count = await s.db.auditLog.count();
    expect(count).toBeGreaterThanOrEqual(5);
    expect(await verifyAuditLog(s.db)).toMatchObject({ ok: true, count });
  });

  it('an entry edited in storage is found and named', async () => {
    const s = await office();
    const victim = (await s.db.auditLog.orderBy('seq').toArray())[2]!;
    await s.db.auditLog.update(victim.id, { actor: 'Orang lain' });
    const check = await verifyAuditLog(s.db);
    expect(check).toMatchObject({ ok: false, broken: { kind: 'edited', seq: 3, id: victim.id } });
    expect(check.entry?.actor).toBe('Orang lain');
  });

  it('a deleted entry is found, and so are deleted newest entries', async () => {
    const s = await office();
    const all = await s.db.auditLog.orderBy('seq').toArray();
    await s.db.auditLog.delete(all[1]!.id);
    expect(await verifyAuditLog(s.db)).toMatchObject({ ok: false, broken: { kind: 'missing', seq: 3, expectedSeq: 2 } });

    const t = await office();
    const last = await t.db.auditLog.orderBy('seq').last();
    await t.db.auditLog.delete(last!.id);
    expect(await verifyAuditLog(t.db)).toMatchObject({ ok: false, broken: { kind: 'truncated', expectedSeq: last!.seq } });
  });

  it('an update that changed nothing and says nothing is not written ("diubah oleh …" alone)', async () => {
    const s = await office();
    const before = await s.db.auditLog.count();
    const base = { at: new Date().toISOString(), actor: 'Siti', officeId: 'o', table: 'employees', docId: 'p1', action: 'update' as const, rev: 'r' };
    await s.db.transaction('rw', s.db.auditLog, s.db.settings, () =>
      appendAudit(s.db, [
        { ...base, id: 'empty', changes: [] },
        { ...base, id: 'real', changes: [{ field: 'jabatan', from: 'Staf', to: 'Kasi' }] },
        { ...base, id: 'noted', changes: [], note: 'konflik diselesaikan' },
      ]),
    );
    expect((await s.db.auditLog.orderBy('seq').toArray()).slice(before).map((e) => e.id)).toEqual(['real', 'noted']);
    expect(await verifyAuditLog(s.db)).toMatchObject({ ok: true });
  });

  it('a version-4 log without links is chained in written order on upgrade', async () => {
    const name = `audit-upgrade-${++n}`;
    const v4 = await DataStore.open(name, { versions: SCHEMA_VERSIONS.filter((v) => v.version <= 4) });
    await v4.settings.setupOffice(profile, new Date());
    // What a version-4 installation held: entries without links, and no head.
    const old = (await v4.db.auditLog.toArray()).map(({ seq: _s, prevHash: _p, hash: _h, ...e }) => e);
    await v4.db.auditLog.clear();
    await v4.db.auditLog.bulkAdd([...old].reverse());
    await v4.db.settings.delete('auditChain');
    v4.close();

    const s = await DataStore.open(name);
    stores.push(s);
    const chained = await s.db.auditLog.orderBy('seq').toArray();
    expect(chained.map((e) => e.rev)).toEqual(old.map((e) => e.rev).sort());
    expect(await verifyAuditLog(s.db)).toMatchObject({ ok: true, count: old.length });
    await s.units.save(null, { nama: 'Seksi Baru', parentId: null, headId: null, aktif: true });
    expect(await verifyAuditLog(s.db)).toMatchObject({ ok: true, count: old.length + 1 });
  });
});

describe('one way into the audit log', () => {
  it('no code but db/audit.ts adds, changes or removes audit entries (each would break the chain)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(__dirname, '..');
    const offenders = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && f !== join('db', 'audit.ts') && !f.startsWith('bench'))
      .filter((f) => /auditLog\.(add|bulkAdd|put|bulkPut|update|delete|bulkDelete|clear)\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('the check resumes where the last one found the chain whole (issue #33)', () => {
  it('"sejak pemeriksaan terakhir" hashes only what was written since; an edit further back is found by the full check', async () => {
    const s = await office();
    const full = await verifyAuditLog(s.db);
    expect(full).toMatchObject({ ok: true, checked: full.count });
    const ahmad = (await s.employees.listAll()).find((e) => e.nama === 'Ahmad')!;
    await s.employees.save(ahmad.id, { ...ahmad, jabatan: 'Sekretaris Kecamatan' });
    const since = await verifyAuditLog(s.db, 'sinceLast');
    expect(since).toMatchObject({ ok: true, count: full.count + 1, checked: 1, resumedFrom: { seq: full.count } });

    // An entry from before the checkpoint edited in storage: the quick check does not re-hash it,
    // the full check names it.
    const old = (await s.db.auditLog.orderBy('seq').toArray())[1]!;
    await s.db.auditLog.update(old.id, { actor: 'Orang lain' });
    expect(await verifyAuditLog(s.db, 'sinceLast')).toMatchObject({ ok: true, checked: 0 });
    expect(await verifyAuditLog(s.db)).toMatchObject({ ok: false, broken: { kind: 'edited', seq: 2, id: old.id } });
  });

  it('the quick check still finds the checkpoint entry edited, entries after it edited or removed, and a chain with no checkpoint is walked whole', async () => {
    const s = await office();
    expect(await verifyAuditLog(s.db, 'sinceLast')).toMatchObject({ ok: true, checked: await s.db.auditLog.count() });
    const checkpointEntry = (await s.db.auditLog.orderBy('seq').last())!;
    await s.employees.save(null, person('199501012020011001', 'Citra'));
    await s.employees.save(null, person('199601012021011001', 'Dodi'));
    const newest = (await s.db.auditLog.orderBy('seq').last())!;

    await s.db.auditLog.update(newest.id, { actor: 'Orang lain' });
    expect(await verifyAuditLog(s.db, 'sinceLast')).toMatchObject({ ok: false, broken: { kind: 'edited', seq: newest.seq } });
    await s.db.auditLog.update(newest.id, { actor: newest.actor });
    await s.db.auditLog.delete(newest.id);
    expect(await verifyAuditLog(s.db, 'sinceLast')).toMatchObject({ ok: false, broken: { kind: 'truncated', expectedSeq: newest.seq } });
    await s.db.auditLog.put(newest);
    // An entry slipped in without a position after the last check.
    await s.db.auditLog.add({ ...newest, id: 'sisipan', seq: undefined as never, hash: undefined as never, at: new Date(Date.now() + 1000).toISOString() });
    expect(await verifyAuditLog(s.db, 'sinceLast')).toMatchObject({ ok: false, broken: { kind: 'unlinked', id: 'sisipan' } });
    await s.db.auditLog.delete('sisipan');
    await s.db.auditLog.update(checkpointEntry.id, { actor: 'Orang lain' });
    expect(await verifyAuditLog(s.db, 'sinceLast')).toMatchObject({ ok: false, broken: { kind: 'edited', seq: checkpointEntry.seq } });
  });
});
