import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { person, rhk } from '../sample/records';
import { BackupError } from '../exchange/backupFile';
import { RepoError } from './errors';
import { archiveDbName, loadArchive } from './archiveRepo';
import { verifyAuditLog } from './audit';
import { DataStore } from './store';

let n = 0;
const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});
async function open(name: string, opts: { readOnly?: boolean } = {}) {
  const s = await DataStore.open(name, opts);
  stores.push(s);
  return s;
}

/** An office with two years: 2022 (approved SKP, a final evaluation with bukti, a training) and 2023. */
async function twoYears() {
  const s = await open(`arsip-${++n}`);
  await s.settings.setupOffice({ namaInstansi: 'Pemkab Tangerang', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Siti' }, new Date());
  const kec = await s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
  const camat = await s.employees.save(null, person('197001011995031001', 'Camat', { unitId: kec.id, golongan: 'IV/b', jabatan: 'Camat Curug' }));
  const staf = await s.employees.save(null, person('199001012015011001', 'Staf', { unitId: kec.id, atasanId: camat.id, golongan: 'III/a', jabatan: 'Analis' }));
  const skps: Record<number, string> = {};
  for (const year of [2022, 2023]) {
    const skp = await s.skps.create(staf.id, year);
    await s.skps.save(skp.id, { rhk: [rhk(`Laporan kependudukan ${year}`)] });
    await s.skps.transition(skp.id, 'AJUKAN');
    await s.skps.transition(skp.id, 'SETUJUI');
    skps[year] = skp.id;
  }
  const ev = await s.evaluations.start(skps[2022]!, '2022-TRIWULANAN-1');
  await s.evaluations.addAttachment(ev.id, Object.keys(ev.hasil)[0]!, 'bukti.pdf', new TextEncoder().encode('%PDF-1.4 bukti'));
  await s.trainings.add(staf.id, 2022, { nama: 'Pelatihan pelayanan publik', mulai: '2022-03-01', selesai: '2022-03-03', jp: 24 });
  await s.settings.setPreferences({ activeYear: 2023 });
  return { s, staf, skps, ev };
}

async function refused<T extends Error>(p: Promise<unknown>, type: new (...a: never[]) => T): Promise<T> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(type);
  return err as T;
}

describe('Arsipkan tahun', () => {
  it('moves a closed year out of the live database only after its saved file is handed back; the rest stays, the history stays whole', async () => {
    const { s, skps, ev } = await twoYears();
    expect(await s.archives.yearsWithRecords()).toEqual([2022, 2023]);
    const plan = await s.archives.overview(2022);
    expect(plan.counts).toMatchObject({ skps: 1, evaluations: 1, attachments: 1, trainings: 1 });
    expect(plan.drafts).toBe(1);

    const { bytes, manifest } = await s.archives.create(2022);
    expect(manifest.archive).toEqual({ year: 2022 });
    // Making the file deletes nothing.
    expect(await s.skps.get(skps[2022]!)).toBeDefined();

    const moved = await s.archives.remove(2022, bytes, 'Arsip 2022.zip');
    expect(moved.counts).toMatchObject({ skps: 1, evaluations: 1, attachments: 1, trainings: 1 });
    expect(await s.skps.get(skps[2022]!)).toBeUndefined();
    expect(await s.evaluations.get(ev.id)).toBeUndefined();
    expect(await s.skps.get(skps[2023]!)).toBeDefined();
    expect(await s.employees.listAll()).toHaveLength(2);
    expect((await s.archives.archived()).map((a) => a.year)).toEqual([2022]);
    expect((await verifyAuditLog(s.db, 'full')).ok).toBe(true);
  });

  it('refuses an open year, a file of another year or one edited, and a year changed since its file was made — deleting nothing', async () => {
    const { s, skps, staf } = await twoYears();
    expect((await refused(s.archives.create(2023), RepoError)).code).toBe('archive.error.notClosed');
    const { bytes } = await s.archives.create(2022);
    expect((await refused(s.archives.remove(2021, bytes), RepoError)).code).toBe('archive.error.notThisFile');

    // A forger's change to the file: its table no longer matches the signed manifest.
    const files = unzipSync(bytes);
    files['tables/skps.jsonl'] = strToU8(strFromU8(files['tables/skps.jsonl']!).replace('Laporan kependudukan 2022', 'Laporan palsu'));
    expect((await refused(s.archives.remove(2022, zipSync(files)), BackupError)).code).toBe('tableEdited');

    // A record of the year written after the file was made: the move would lose it.
    await s.trainings.add(staf.id, 2022, { nama: 'Bimtek arsip', mulai: '2022-11-01', selesai: '2022-11-02', jp: 16 });
    expect((await refused(s.archives.remove(2022, bytes), RepoError)).code).toBe('archive.error.changedSince');
    expect(await s.skps.get(skps[2022]!)).toBeDefined();
    expect(await s.archives.archived()).toEqual([]);
  });

  it('a backup is not an archive, an archive is not a backup', async () => {
    const { s } = await twoYears();
    const archive = await s.archives.create(2022);
    expect((await refused(s.backups.inspect(archive.bytes), BackupError)).code).toBe('isArchive');
    const backup = await s.backups.create();
    expect((await refused(s.archives.inspect(backup.bytes), BackupError)).code).toBe('notArchive');
  });

  it('an opened archive shows the year as it was and refuses every change', async () => {
    const { s, skps, ev, staf } = await twoYears();
    const { bytes } = await s.archives.create(2022);
    await s.archives.remove(2022, bytes);
    const read = await s.archives.inspect(bytes);
    expect(read.signer).toMatchObject({ kind: 'verified', self: true });
    await loadArchive(s.db.name, read.tables);
    const a = await open(archiveDbName(s.db.name), { readOnly: true });
    expect((await a.settings.getProfile())?.settings.activeYear).toBe(2022);
    expect((await a.skps.get(skps[2022]!))?.rhk[0]?.teks).toBe('Laporan kependudukan 2022');
    expect((await a.evaluations.get(ev.id))?.periodId).toBe('2022-TRIWULANAN-1');
    expect(await a.skps.get(skps[2023]!)).toBeUndefined();
    expect((await refused(a.trainings.add(staf.id, 2022, { nama: 'Ditambah di arsip', mulai: '2022-05-01', selesai: '2022-05-01', jp: 8 }), RepoError)).code).toBe('archive.error.readOnly');
    expect((await refused(a.employees.save(staf.id, { ...(await a.employees.get(staf.id))!, nama: 'Diubah' }), RepoError)).code).toBe('archive.error.readOnly');
    expect(await a.trainings.forEmployee(staf.id, 2022)).toHaveLength(1);
    expect((await a.employees.get(staf.id))?.nama).toBe('Staf');
  });
});
