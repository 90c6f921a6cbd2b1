import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError, readBackup } from '../exchange/backupFile';
import { person, rhk } from '../sample/records';
import { sha256 } from '../exchange/bytes';
import { generateSigningKey, signText } from '../exchange/signature';
import { verifyAuditLog } from './audit';
import { readInstallId, readLocal } from './identity';
import { CURRENT_VERSION } from './schema';
import { DataStore } from './store';

let n = 0;
const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});
async function open(name: string) {
  const s = await DataStore.open(`${name}-backup-${++n}`);
  stores.push(s);
  return s;
}
const profile = { namaInstansi: 'Pemkab Tangerang', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4' as const, namaAdmin: 'Admin' };

/** A small office: a unit, two employees, an approved SKP, an evaluation with an attachment. */
async function office() {
  const s = await open('kantor');
  await s.settings.setupOffice(profile, new Date());
  const unit = await s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
  const camat = await s.employees.save(null, person('197001011995031001', 'Camat', { unitId: unit.id, golongan: 'IV/b', jabatan: 'Camat' }));
  const staf = await s.employees.save(null, person('199001012015011001', 'Staf', { unitId: unit.id, atasanId: camat.id, golongan: 'III/a', jabatan: 'Analis' }));
  const skp = await s.skps.create(staf.id, 2026);
  await s.skps.save(skp.id, { rhk: [rhk('Laporan pelayanan')] });
  return { s, staf };
}

const READ = { appVersion: '0.2.0', schemaVersion: CURRENT_VERSION };

/**
 * What a forger who knows the format does: the manifest rewritten (hashes recomputed) and signed
 * again with a key of his own, claiming the same installation.
 */
async function forged(files: Unzipped, manifest: Record<string, unknown>, level: 0 | 1 = 1) {
  const key = await generateSigningKey();
  const text = JSON.stringify(manifest);
  const sig = { installId: manifest.installId, alg: key.alg, pub: key.pub, sig: await signText(key, text) };
  return zipSync({ ...files, 'manifest.json': strToU8(text), 'manifest.sig.json': strToU8(JSON.stringify(sig)) }, { level });
}

/** A backup as versions before signing wrote it: format 1, no signature. */
function unsignedOld(files: Unzipped, manifest: Record<string, unknown>) {
  const { 'manifest.sig.json': _sig, ...rest } = files;
  return zipSync({ ...rest, 'manifest.json': strToU8(JSON.stringify({ ...manifest, formatVersion: 1 })) });
}

async function refusedWith(p: Promise<unknown>) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(BackupError);
  return err as BackupError;
}

describe('backup and restore', () => {
  it('a backup restores into a fresh installation: every table and count equal, and the next edit carries a new installation id', async () => {
    const { s, staf } = await office();
    await s.backups.setRemindAfterDays(14);
    const oldInstall = await readInstallId(s.db, (await readLocal(s.db))!);
    const { bytes, manifest } = await s.backups.create(new Date('2026-11-20T08:00:00Z'));
    // The admin saves the file; the source PC now also knows its last backup.
    await s.backups.markSavedToFile(new Date('2026-11-20T08:01:00Z'));
    const before = await s.backups.counts();
    expect(manifest.tables.employees).toMatchObject({ count: 2 });
    expect(manifest.office).toMatchObject({ namaKantor: 'Kecamatan Curug' });

    const fresh = await open('baru');
    const verified = await fresh.backups.inspect(bytes);
    const newId = await fresh.backups.restore(verified);
    expect(newId).not.toBe(oldInstall);
    const after = await fresh.backups.counts();
    for (const [table, count] of Object.entries(before)) {
      // The new installation enrols itself (one record, one audit entry).
      const extra = table === 'installations' || table === 'auditLog' ? 1 : 0;
      expect(after[table], table).toBe(count + extra);
    }
    expect((await fresh.employees.get(staf.id))?.nama).toBe(staf.nama);
    // Beranda on the restored PC counts that backup as the last one, with the office's reminder days.
    expect(await fresh.backups.backupSettings()).toMatchObject({ lastFileAt: '2026-11-20T08:00:00.000Z', remindAfterDays: 14 });
    const edited = await fresh.employees.save(staf.id, { ...staf, jabatan: 'Analis Kebijakan' });
    expect(edited.rev.endsWith(newId)).toBe(true);
    expect(edited.rev.endsWith(oldInstall)).toBe(false);
  });

  it('a table of more rows than a page of the writer comes back whole, every record in it, and verifies', async () => {
    const { s } = await office();
    // Written straight to the table (the repositories would take minutes): 4,500 rows, three pages.
    const base = (await s.db.employees.toArray())[0]!;
    await s.db.employees.bulkPut(Array.from({ length: 4_500 }, (_, i) => ({ ...base, id: `bulk-${String(i).padStart(5, '0')}`, nama: `Pegawai ${i}` })) as never);
    const { bytes, manifest } = await s.backups.create();
    expect(manifest.tables.employees!.count).toBe(4_502);
    const verified = await (await open('baca')).backups.inspect(bytes);
    const names = new Set(verified.tables.employees!.map((e) => e.nama));
    expect(names.size).toBe(4_502);
    expect(names.has('Pegawai 0') && names.has('Pegawai 2000') && names.has('Pegawai 4499')).toBe(true);
    // Nothing of the knowledge index travels: it is derived again on restore.
    expect(verified.tables.employees!.some((e) => 'kn' in e)).toBe(false);
  });

  it('restoring over existing data keeps a safety snapshot and replaces everything', async () => {
    const { s } = await office();
    const { bytes } = await s.backups.create();
    const other = await open('lain');
    await other.settings.setupOffice({ ...profile, namaKantor: 'Kecamatan Legok' }, new Date());
    await other.employees.save(null, person('198001012005011001', 'Pegawai Legok', { golongan: 'III/c', jabatan: 'Pengolah Data' }));
    const backup = await other.backups.inspect(bytes);
    // Another office's backup: refused until its name is typed, and nothing is replaced meanwhile (issue #27).
    await expect(other.backups.restore(backup)).rejects.toMatchObject({ code: 'backupOtherOffice', params: { kantor: 'Kecamatan Curug' } });
    await expect(other.backups.restore(backup, { officeName: 'Kecamatan Legok' })).rejects.toMatchObject({ code: 'backupOtherOffice' });
    expect((await other.employees.listAll()).map((e) => e.nama)).toEqual(['Pegawai Legok']);
    await other.backups.restore(backup, { officeName: '  kecamatan   curug ' });
    expect((await other.settings.getProfile())?.office.namaKantor).toBe('Kecamatan Curug');
    expect((await other.employees.listAll()).map((e) => e.nama).sort()).toEqual(['Camat', 'Staf']);
  });

  it.each([
    ['not a zip', () => strToU8('NIP;NAMA\n1;Budi'), 'notBackup'],
    ['a zip of something else', () => zipSync({ 'data.txt': strToU8('x') }), 'notBackup'],
  ])('refuses %s before touching anything', async (_name, make, code) => {
    const err = await refusedWith(readBackup(make(), READ));
    expect(err.code).toBe(code);
  });

  it('refuses a truncated, an edited, a foreign and a too-new backup, naming the table or version', async () => {
    const { s } = await office();
    const { bytes } = await s.backups.create();
    expect((await refusedWith(readBackup(bytes.subarray(0, bytes.length - 200), READ))).code).toBe('truncated');

    const files = unzipSync(bytes);
    const edited = strFromU8(files['tables/employees.jsonl']!).replace('Staf', 'Stef');
    const tampered = zipSync({ ...files, 'tables/employees.jsonl': strToU8(edited) });
    const err = await refusedWith(readBackup(tampered, READ));
    expect([err.code, err.params.table]).toEqual(['tableEdited', 'employees']);

    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    const foreign = zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify({ ...manifest, format: 'lain' })) });
    expect((await refusedWith(readBackup(foreign, READ))).code).toBe('otherApp');
    const newer = zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify({ ...manifest, appVersion: '9.0.0', schemaVersion: CURRENT_VERSION + 1 })) });
    const tooNew = await refusedWith(readBackup(newer, READ));
    expect([tooNew.code, tooNew.params.version]).toEqual(['newerApp', '9.0.0']);

    // An older schema restores as it is: versions only add tables.
    const older = unsignedOld(files, { ...manifest, schemaVersion: 3 });
    await expect(readBackup(older, READ)).resolves.toMatchObject({ manifest: { schemaVersion: 3 } });
  });

  it('refuses a file that would unpack to gigabytes, from its directory, without inflating it', async () => {
    // A zip whose central directory claims 3 GB for one entry (a zip bomb's signature).
    const zip = zipSync({ 'manifest.json': strToU8('{}') });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 3 * 1024 ** 3 - 1, true);
        break;
      }
    }
    const err = await refusedWith(readBackup(zip, READ));
    expect(err.code).toBe('tooLarge');
  });

  it('carries the audit chain: the restored history verifies, and a history edited before the backup is reported', async () => {
    const { s } = await office();
    const { bytes, manifest } = await s.backups.create();
    expect(manifest.auditChain?.seq).toBe(await s.db.auditLog.count());
    const fresh = await open('rantai');
    const verified = await fresh.backups.inspect(bytes);
    expect(verified.audit).toMatchObject({ ok: true, count: manifest.auditChain?.seq });
    await fresh.backups.restore(verified);
    expect(await verifyAuditLog(fresh.db)).toMatchObject({ ok: true });

    const victim = (await s.db.auditLog.orderBy('seq').toArray())[1]!;
    await s.db.auditLog.update(victim.id, { actor: 'Orang lain' });
    const forged = await s.backups.inspect((await s.backups.create()).bytes);
    expect(forged.audit).toMatchObject({ ok: false, broken: { kind: 'edited', id: victim.id } });
  });

  it('a backup from before the chain (schema 4) is upgraded on the way: its history is chained', async () => {
    const { s } = await office();
    const { bytes } = await s.backups.create();
    const files = unzipSync(bytes);
    const unlinked = strFromU8(files['tables/auditLog.jsonl']!)
      .split('\n')
      .map((l) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(l)).filter(([k]) => !['seq', 'prevHash', 'hash'].includes(k)))))
      .join('\n');
    const settings = strFromU8(files['tables/settings.jsonl']!).split('\n').filter((l) => !l.includes('"auditChain"')).join('\n');
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    delete manifest.auditChain;
    manifest.schemaVersion = 4;
    manifest.tables.auditLog.sha256 = await sha256(strToU8(unlinked));
    manifest.tables.settings = { count: manifest.tables.settings.count - 1, sha256: await sha256(strToU8(settings)) };
    const old = unsignedOld({ ...files, 'tables/auditLog.jsonl': strToU8(unlinked), 'tables/settings.jsonl': strToU8(settings) }, manifest);

    const fresh = await open('lama');
    const verified = await fresh.backups.inspect(old);
    expect(verified.audit).toBeNull();
    expect(verified.signer).toEqual({ kind: 'unsigned' });
    await fresh.backups.restore(verified);
    expect(await verifyAuditLog(fresh.db)).toMatchObject({ ok: true, count: manifest.tables.auditLog.count + 1 });
  });
});

/**
 * Hostile backups built from a real one (issue #27): a table rewritten with its hash recomputed, so
 * only the record checks and the caps stand between it and the office's data.
 */
describe('a hostile backup is refused with the table and line, before anything is written', () => {
  /** The office's backup with one table's rows replaced and the manifest's hash and count recomputed. */
  async function rewritten(edit: (rows: Record<string, unknown>[]) => Record<string, unknown>[], table = 'employees') {
    const { s } = await office();
    const { bytes } = await s.backups.create();
    const files = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    const rows = edit(strFromU8(files[`tables/${table}.jsonl`]!).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>));
    const body = strToU8(rows.map((r) => JSON.stringify(r)).join('\n'));
    manifest.tables[table] = { count: rows.length, sha256: await sha256(body) };
    // Inspected where the signer is unknown: only the record checks and caps stand in the way.
    return { s: await open('asing'), bytes: await forged({ ...files, [`tables/${table}.jsonl`]: body }, manifest, 0) };
  }

  it('an employee without the fields every screen relies on (the tab crashed on "trim")', async () => {
    const { s, bytes } = await rewritten((rows) => rows.map((r, i) => (i === 1 ? { ...r, nama: undefined, nip: 42 } : r)));
    const err = await refusedWith(s.backups.inspect(bytes));
    expect(err.code).toBe('recordInvalid');
    expect(err.params).toMatchObject({ table: 'employees', line: 2 });
  });

  it('a name far longer than any typed text (a 200 MB name froze Pegawai), by its field', async () => {
    const { s, bytes } = await rewritten((rows) => rows.map((r, i) => (i === 0 ? { ...r, nama: 'A'.repeat(5_000_000) } : r)));
    const err = await refusedWith(s.backups.inspect(bytes));
    expect(err.params).toMatchObject({ table: 'employees', line: 1, field: 'nama' });
  });

  it('one record larger than any record can be, before it is parsed', async () => {
    const { s, bytes } = await rewritten((rows) => rows.map((r, i) => (i === 0 ? { ...r, catatan: 'B'.repeat(70 * 1024 * 1024) } : r)));
    const err = await refusedWith(s.backups.inspect(bytes));
    expect(err.code).toBe('recordTooLarge');
    expect(err.params).toMatchObject({ table: 'employees', line: 1 });
  }, 60_000);

  it('2,000,000 tiny import-log rows are refused from the manifest, before they are unpacked', async () => {
    const { s } = await office();
    const { bytes } = await s.backups.create();
    const files = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    const body = strToU8(Array.from({ length: 2_000_000 }, (_, i) => `{"id":"${i}"}`).join('\n'));
    manifest.tables.importLog = { count: 2_000_000, sha256: await sha256(body) };
    const bomb = await forged({ ...files, 'tables/importLog.jsonl': body }, manifest);
    const err = await refusedWith(s.backups.inspect(bomb));
    expect(err.code).toBe('tooManyRecords');
    expect(err.params).toMatchObject({ table: 'importLog', count: 2_000_000, max: 100_000 });
    // Nothing of it was written: the office's employees are all still there.
    expect((await s.employees.listAll()).map((e) => e.nama).sort()).toEqual(['Camat', 'Staf']);
  }, 60_000);
});
