/**
 * Signed backups and bombs (issue #27): what a person who edits a backup on purpose can and cannot
 * get past, on the PC that made it, on the office's other PCs, and on a PC that knows nobody.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BackupError, MAX_RATIO, readBackup } from '../exchange/backupFile';
import { sha256 } from '../exchange/bytes';
import { generateSigningKey, signText } from '../exchange/signature';
import { person } from '../sample/records';
import { deliver, kecamatan, laptopOf, open, profile, withBkd } from './packages.testkit';
import { CURRENT_VERSION } from './schema';
import type { DataStore } from './store';

const READ = { appVersion: '0.3.0', schemaVersion: CURRENT_VERSION };

async function refusedWith(p: Promise<unknown>, code: string) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(BackupError);
  expect((err as BackupError).code).toBe(code);
  return err as BackupError;
}

/** One field of one employee changed in employees.jsonl, and the manifest's hash recomputed. */
async function editedJabatan(bytes: Uint8Array, jabatan: string) {
  const files = unzipSync(bytes);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!));
  const body = strToU8(strFromU8(files['tables/employees.jsonl']!).replace('"jabatan":"Analis"', `"jabatan":"${jabatan}"`));
  manifest.tables.employees.sha256 = await sha256(body);
  return { files: { ...files, 'tables/employees.jsonl': body }, manifest };
}

/** Signed again by the forger, with a key of his own, claiming the same installation. */
async function resigned(files: Unzipped, manifest: Record<string, unknown>) {
  const key = await generateSigningKey();
  const text = JSON.stringify(manifest);
  const sig = { installId: manifest.installId, alg: key.alg, pub: key.pub, sig: await signText(key, text) };
  return zipSync({ ...files, 'manifest.json': strToU8(text), 'manifest.sig.json': strToU8(JSON.stringify(sig)) });
}

async function jabatanOf(s: DataStore, nama: string) {
  return (await s.employees.listAll()).find((e) => e.nama === nama)?.jabatan;
}

describe('a backup carries the signature of the installation that made it', () => {
  it('edited with its hash recomputed: refused on the PC that made it and on a PC that knows nobody, naming the manifest', async () => {
    const { kantor } = await kecamatan();
    const { files, manifest } = await editedJabatan((await kantor.backups.create()).bytes, 'Kepala Seksi');
    const tampered = zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) });
    await refusedWith(kantor.backups.inspect(tampered), 'badSignature');
    await refusedWith((await open('asing')).backups.inspect(tampered), 'badSignature');
    expect(await jabatanOf(kantor, 'Staf')).toBe('Analis');
  });

  it('a record the checks refuse is named by table and line even though the signature no longer matches', async () => {
    const { kantor } = await kecamatan();
    const files = unzipSync((await kantor.backups.create()).bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    const rows = strFromU8(files['tables/employees.jsonl']!).split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // Text that does not pack a thousandfold (a bomb would be refused from the directory, below).
    rows[1] = { ...rows[1], nama: Array.from({ length: 60_000 }, (_, i) => `Nama${i * 7919}`).join(' ') };
    const body = strToU8(rows.map((r) => JSON.stringify(r)).join('\n'));
    manifest.tables.employees.sha256 = await sha256(body);
    const err = await refusedWith(kantor.backups.inspect(zipSync({ ...files, 'tables/employees.jsonl': body, 'manifest.json': strToU8(JSON.stringify(manifest)) })), 'recordInvalid');
    expect(err.params).toMatchObject({ table: 'employees', line: 2, field: 'nama' });
  });

  it('re-signed with a forger\'s key: the making PC refuses it; a PC that cannot check the signer finds the record its history disowns', async () => {
    const { kantor } = await kecamatan();
    const { files, manifest } = await editedJabatan((await kantor.backups.create()).bytes, 'Kepala Seksi');
    const forged = await resigned(files, manifest);
    await refusedWith(kantor.backups.inspect(forged), 'signerMismatchSelf');
    const err = await refusedWith((await open('asing')).backups.inspect(forged), 'forgedRecord');
    expect(err.params).toEqual({ table: 'employees', label: 'Staf' });
  });

  it('the signature removed and the format set back to the unsigned one: refused where the signer\'s key is known', async () => {
    const { kantor } = await kecamatan();
    const files = unzipSync((await kantor.backups.create()).bytes);
    const { 'manifest.sig.json': _sig, ...rest } = files;
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    const stripped = zipSync({ ...rest, 'manifest.json': strToU8(JSON.stringify({ ...manifest, formatVersion: 1 })) });
    await refusedWith(kantor.backups.inspect(stripped), 'signatureMissing');
    // As format 2 it is refused anywhere.
    await refusedWith((await open('asing')).backups.inspect(zipSync(rest)), 'signatureMissing');
  });

  it('the PC that made it verifies it, also after a restore gave it a new identity', async () => {
    const { kantor } = await kecamatan();
    const older = (await kantor.backups.create()).bytes;
    const first = await kantor.backups.inspect(older);
    expect(first.signer).toMatchObject({ kind: 'verified', self: true });
    expect(first.signer).toMatchObject({ code: await kantor.trust.ownKeyCode() });
    await kantor.backups.restore(first);
    const again = await kantor.backups.inspect(older);
    expect(again.signer).toMatchObject({ kind: 'verified', self: true });
    // The retired identity signs nothing any more; the new one signs its own backups.
    const fresh = await kantor.backups.inspect((await kantor.backups.create()).bytes);
    expect(fresh.signer).toMatchObject({ kind: 'verified', self: true, code: await kantor.trust.ownKeyCode() });
    expect(fresh.signer).not.toMatchObject({ code: (first.signer as { code: string }).code });
  });

  it('the office\'s other PCs and the BKD verify it by the key a person confirmed; a stranger says it cannot check', async () => {
    const { kantor, camat } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    await deliver(laptop, kantor);
    const fromLaptop = await kantor.backups.inspect((await laptop.backups.create()).bytes);
    expect(fromLaptop.signer).toMatchObject({ kind: 'verified', self: false, nama: 'Kecamatan Curug, laptop Camat' });

    const bkd = await withBkd(kantor);
    const kantorBackup = (await kantor.backups.create()).bytes;
    expect((await bkd.backups.inspect(kantorBackup)).signer).toMatchObject({ kind: 'verified', self: false });

    const stranger = await open('asing');
    await stranger.settings.setupOffice(profile('Kecamatan Legok'), new Date());
    const seen = await stranger.backups.inspect(kantorBackup);
    expect(seen.signer).toEqual({ kind: 'unknown', code: await kantor.trust.ownKeyCode() });
  });
});

/** Sets an entry's unpacked size in the zip's central directory and local header (a faked size). */
function fakeSize(zip: Uint8Array, entry: string, size: number) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = strToU8(entry);
  const named = (at: number, nameAt: number) => name.every((b, i) => zip[nameAt + i] === b);
  for (let i = 0; i < zip.length - 4; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && named(i, i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && named(i, i + 46)) view.setUint32(i + 24, size, true);
  }
  return zip;
}

describe('a bomb is refused from its directory or as soon as it lies, never inflated whole', () => {
  /** A genuine signed backup with one table replaced by `body` (manifest hash and count made to fit, re-signed). */
  async function withTable(body: Uint8Array, count: number, level: 1 | 9 = 9) {
    const s = await open('kantor');
    await s.settings.setupOffice(profile('Kecamatan Curug'), new Date());
    await s.employees.save(null, person('199001012015011001', 'Staf', { golongan: 'III/a', jabatan: 'Analis' }));
    const files = unzipSync((await s.backups.create()).bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    manifest.tables.importLog = { count, sha256: await sha256(body) };
    const key = await generateSigningKey();
    const text = JSON.stringify(manifest);
    const sig = { installId: manifest.installId, alg: key.alg, pub: key.pub, sig: await signText(key, text) };
    return zipSync({ ...files, 'tables/importLog.jsonl': [body, { level }], 'manifest.json': strToU8(text), 'manifest.sig.json': strToU8(JSON.stringify(sig)) });
  }

  it('unpacking a thousand times its size (a bomb\'s signature): refused from the directory, nothing inflated', async () => {
    const bytes = await withTable(new Uint8Array(64 * 1024 ** 2).fill(0x20), 10);
    let read = 0;
    const err = await refusedWith(readBackup(bytes, { ...READ, onProgress: (p) => (read = p.stage === 'read' ? p.done : read) }), 'entryTooLarge');
    expect(err.params).toMatchObject({ table: 'importLog', mb: 64 });
    expect(read).toBe(0);
    expect(MAX_RATIO).toBeLessThan(1000);
  });

  it('sizes faked small in the directory: inflating stops at the declared size', async () => {
    const body = new Uint8Array(32 * 1024 ** 2).fill(0x20);
    const bytes = fakeSize(await withTable(body, 10), 'tables/importLog.jsonl', 4096);
    let read = 0;
    const err = await refusedWith(readBackup(bytes, { ...READ, onProgress: (p) => (read = p.stage === 'read' ? p.done : read) }), 'tableEdited');
    expect(err.params.table).toBe('importLog');
    expect(read).toBeLessThan(64 * 1024 ** 2);
  });

  it('more lines than the manifest counts: stops at the first line too many', async () => {
    const body = strToU8(Array.from({ length: 400_000 }, (_, i) => `{"id":"${i.toString(36)}","at":"2026-01-01"}`).join('\n'));
    let read = 0;
    const err = await refusedWith(readBackup(await withTable(body, 5, 1), { ...READ, onProgress: (p) => (read = p.stage === 'read' ? p.done : read) }), 'tableEdited');
    expect(err.params.table).toBe('importLog');
    expect(read).toBeLessThan(body.length);
  });
});
