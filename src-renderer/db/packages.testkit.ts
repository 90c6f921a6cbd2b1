import { afterEach } from 'vitest';
import { emptyHasil } from '../domain/evaluation';
import { readPackageFile, writePackageFile } from '../exchange/packageFile';
import type { BuildOptions, OutgoingPackage } from './packageRepo';
import { person, rhk } from '../sample/records';
import { RepoError } from './errors';
import { DataStore } from './store';
import { expect } from 'vitest';

/** Installations for package tests: a kecamatan, its penilai laptop, a BKD, carried through real files. */
let n = 0;
const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});
export async function open(name: string) {
  const s = await DataStore.open(`${name}-pkg-${++n}`);
  stores.push(s);
  return s;
}
export const profile = (namaKantor: string) => ({ namaInstansi: 'Pemkab Tangerang', namaKantor, alamat: '', tempat: 'Curug', kertas: 'A4' as const, namaAdmin: 'Admin' });

/** Through a real file and back, as the courier would carry it. */
export async function carry(pkg: OutgoingPackage) {
  const { bytes } = await writePackageFile(pkg);
  const read = await readPackageFile(bytes, '0.3.0');
  if (!read.ok) throw new Error(read.code);
  return read;
}

export async function refused(p: Promise<unknown>, code: string) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RepoError);
  expect((err as RepoError).code).toBe(code);
  return err as RepoError;
}

/** A kecamatan with a camat who rates the sekcam, and a sekcam who rates a staff member. */
export async function kecamatan() {
  const kantor = await open('kantor');
  await kantor.settings.setupOffice(profile('Kecamatan Curug'), new Date());
  const kec = await kantor.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
  const camat = await kantor.employees.save(null, person('197001011995031001', 'Camat', { unitId: kec.id, golongan: 'IV/b', jabatan: 'Camat' }));
  const sekcam = await kantor.employees.save(null, person('197501012000031002', 'Sekcam', { unitId: kec.id, atasanId: camat.id, golongan: 'IV/a', jabatan: 'Sekretaris Kecamatan' }));
  const staf = await kantor.employees.save(null, person('199001012015011001', 'Staf', { unitId: kec.id, atasanId: sekcam.id, golongan: 'III/a', jabatan: 'Analis' }));
  const evals: Record<string, string> = {};
  for (const e of [sekcam, staf]) {
    const skp = await kantor.skps.create(e.id, 2026);
    await kantor.skps.save(skp.id, { rhk: [rhk(`Laporan ${e.nama}`)] });
    await kantor.skps.transition(skp.id, 'AJUKAN');
    await kantor.skps.transition(skp.id, 'SETUJUI');
    const ev = await kantor.evaluations.start(skp.id, '2026-TRIWULANAN-1');
    const rhkId = (await kantor.skps.get(skp.id))!.rhk[0]!.id;
    await kantor.evaluations.save(ev.id, { hasil: { [rhkId]: emptyHasil() } });
    evals[e.nama] = ev.id;
  }
  return { kantor, camat, sekcam, staf, evals };
}

export async function laptopOf(kantor: DataStore, camatId: string) {
  const { installation, pkg } = await kantor.packages.enrol({ role: 'PENILAI', nama: 'laptop Camat', penilaiEmployeeId: camatId });
  const laptop = await open('laptop');
  const read = await carry(pkg);
  await laptop.packages.joinFromPairing(read.envelope, read.records, new Date());
  return { laptop, installation };
}

/** A package from `from` to `to`, through a file; the key confirmed first when `to` has not seen it (the person compared codes). */
export async function deliver(from: DataStore, to: DataStore, opts: BuildOptions = {}) {
  const toId = (await to.settings.getInstallation())!.id;
  const got = await carry(await from.packages.build(toId, opts));
  const known = await to.trust.peer(got.envelope.from.installId);
  if (!known?.key) await to.packages.trustSender(got.envelope);
  return got;
}

/** A kecamatan and its BKD that exchanged introductions (each compared the other's code). */
export async function withBkd(kantor: DataStore) {
  const bkd = await open('bkd');
  await bkd.settings.setupOffice(profile('BKD Kabupaten Tangerang'), new Date(), { role: 'BKD' });
  const toBkd = await carry(await bkd.packages.introduction());
  const toKantor = await carry(await kantor.packages.introduction());
  await kantor.packages.acceptIntroduction(toBkd.envelope, toBkd.records);
  await bkd.packages.acceptIntroduction(toKantor.envelope, toKantor.records);
  return bkd;
}

