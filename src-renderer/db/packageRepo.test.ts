import { afterEach, describe, expect, it } from 'vitest';
import { emptyHasil } from '../domain/evaluation';
import { formatHlc } from '../domain/hlc';
import { readPackageFile, writePackageFile } from '../io/packageFile';
import type { OutgoingPackage } from './packageRepo';
import { person, rhk } from '../sample/records';
import { RepoError } from './errors';
import { DataStore } from './store';

let n = 0;
const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});
async function open(name: string) {
  const s = await DataStore.open(`${name}-pkg-${++n}`);
  stores.push(s);
  return s;
}
const profile = (namaKantor: string) => ({ namaInstansi: 'Pemkab Tangerang', namaKantor, alamat: '', tempat: 'Curug', kertas: 'A4' as const, namaAdmin: 'Admin' });

/** Through a real file and back, as the courier would carry it. */
async function carry(pkg: OutgoingPackage) {
  const { bytes } = await writePackageFile(pkg.envelope, pkg.records);
  const read = await readPackageFile(bytes, '0.2.0');
  if (!read.ok) throw new Error(read.code);
  return read;
}

async function refused(p: Promise<unknown>, code: string) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RepoError);
  expect((err as RepoError).code).toBe(code);
  return err as RepoError;
}

/** A kecamatan with a camat who rates the sekcam, and a sekcam who rates a staff member. */
async function kecamatan() {
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

async function laptopOf(kantor: DataStore, camatId: string) {
  const { installation, pkg } = await kantor.packages.enrol({ role: 'PENILAI', nama: 'laptop Camat', penilaiEmployeeId: camatId });
  const laptop = await open('laptop');
  const read = await carry(pkg);
  await laptop.packages.joinFromPairing(read.envelope, read.records, new Date());
  return { laptop, installation };
}

describe('packages between installations', () => {
  it('a pairing package makes the laptop who it is and gives it the camat’s appraisees only', async () => {
    const { kantor, camat, evals } = await kecamatan();
    const { laptop, installation } = await laptopOf(kantor, camat.id);
    expect((await laptop.settings.getInstallation())?.id).toBe(installation.id);
    expect((await laptop.employees.listAll()).map((e) => e.nama).sort()).toEqual(['Camat', 'Sekcam']);
    expect(await laptop.evaluations.get(evals.Sekcam!)).toBeDefined();
    expect(await laptop.evaluations.get(evals.Staf!)).toBeUndefined();
    expect((await laptop.settings.getProfile())?.office.namaKantor).toBe('Kecamatan Curug');
  });

  it('the camat’s rating comes back with his package; the next package carries only what changed since', async () => {
    const { kantor, camat, evals } = await kecamatan();
    const { laptop, installation } = await laptopOf(kantor, camat.id);
    const kantorId = (await kantor.settings.getInstallation())!.id;
    await laptop.evaluations.save(evals.Sekcam!, { ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' });
    const back = await laptop.packages.build(kantorId);
    const got = await carry(back);
    const preview = await kantor.packages.preview(got.envelope, got.records);
    expect(preview).toMatchObject({ updated: 1, created: 0, conflicts: 0 });
    expect((await kantor.evaluations.get(evals.Sekcam!))?.ratingHasil).toBe('');
    await kantor.packages.receive(got.envelope, got.records);
    expect((await kantor.evaluations.get(evals.Sekcam!))?.predikat).toBe('BAIK');
    // The receipt kept the version it replaced.
    const receipt = (await kantor.db.receipts.toArray()).find((r) => r.packageId === got.envelope.packageId);
    expect(receipt?.snapshot?.previous.map((p) => [p.table, p.doc.id, p.doc.ratingHasil])).toEqual([['evaluations', evals.Sekcam, '']]);

    // The laptop's package said what it holds: the kantor's next one leaves that out…
    await kantor.employees.save(camat.id, { ...camat, jabatan: 'Camat Curug' });
    const next = await kantor.packages.build(installation.id);
    expect(next.records.map((r) => r.table)).toEqual(['employees']);
    // …and a lost package is made good by the next one (nothing was confirmed in between).
    await kantor.employees.save(camat.id, { ...(await kantor.employees.get(camat.id))!, golongan: 'IV/c' });
    const after = await kantor.packages.build(installation.id);
    expect(after.records).toHaveLength(1);
    const f = await carry(after);
    await laptop.packages.receive(f.envelope, f.records);
    expect((await laptop.employees.get(camat.id))).toMatchObject({ jabatan: 'Camat Curug', golongan: 'IV/c' });
    // The same package twice changes nothing and says so.
    expect(await laptop.packages.receive(f.envelope, f.records)).toMatchObject({ alreadyReceived: true, updated: 0 });
  });

  it('refuses a package meant for another computer, from a computer never enrolled, or from a clock years ahead', async () => {
    const { kantor, camat } = await kecamatan();
    const { laptop, installation } = await laptopOf(kantor, camat.id);
    const forLaptop = await carry(await kantor.packages.build(installation.id));
    const err = await refused(kantor.packages.receive(forLaptop.envelope, forLaptop.records), 'package.notForUs');
    expect(err.params.to).toBe('Kecamatan Curug, laptop Camat');

    const stranger = await open('stranger');
    await stranger.settings.setupOffice(profile('Kecamatan Pasar Kemis'), new Date());
    const intro = await carry(await kantor.packages.introduction());
    await stranger.packages.acceptIntroduction(intro.envelope, intro.records);
    const fromStranger = await carry(await stranger.packages.build((await kantor.settings.getInstallation())!.id));
    expect((await refused(kantor.packages.receive(fromStranger.envelope, fromStranger.records), 'package.unknownSender')).params.from).toBe('Kecamatan Pasar Kemis, PC admin');

    const kantorId = (await kantor.settings.getInstallation())!.id;
    const ahead = await carry(await laptop.packages.build(kantorId));
    ahead.envelope.holds = { ...ahead.envelope.holds, [installation.id]: formatHlc({ wallMs: Date.now() + 4 * 365 * 86_400_000, counter: 0, node: installation.id }) };
    expect((await refused(kantor.packages.receive(ahead.envelope, ahead.records), 'package.clockFarAhead')).params.from).toBe('laptop Camat');
  });

  it('a BKD that exchanged introductions receives the kecamatan’s records read-only', async () => {
    const { kantor, staf } = await kecamatan();
    const bkd = await open('bkd');
    await bkd.settings.setupOffice(profile('BKD Kabupaten Tangerang'), new Date(), { role: 'BKD' });
    const toBkd = await carry(await bkd.packages.introduction());
    const toKantor = await carry(await kantor.packages.introduction());
    await kantor.packages.acceptIntroduction(toBkd.envelope, toBkd.records);
    await bkd.packages.acceptIntroduction(toKantor.envelope, toKantor.records);
    const bkdId = (await bkd.settings.getInstallation())!.id;
    const pkg = await carry(await kantor.packages.build(bkdId));
    const report = await bkd.packages.receive(pkg.envelope, pkg.records);
    expect(report.proposals).toBe(0);
    expect((await bkd.employees.listAll()).map((e) => e.nama).sort()).toEqual(['Camat', 'Sekcam', 'Staf']);
    await refused(bkd.employees.save(staf.id, { ...staf, jabatan: 'Analis SDM' }), 'notAllowedHere');
    expect((await bkd.packages.peers()).map((p) => [p.officeName, p.installation.role])).toEqual([['Kecamatan Curug', 'KANTOR']]);
  });
});
