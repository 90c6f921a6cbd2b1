import { describe, expect, it } from 'vitest';
import { revNode } from '../domain/hlc';
import { ownerOf } from '../domain/sync/access';
import { person } from '../sample/records';
import type { SyncDoc } from '../domain/sync/merge';
import { carry, deliver, kecamatan, open, profile, withBkd } from './packages.testkit';

/** A package carries only the records meant for its recipient (issue #26). */
describe('what a package between offices carries', () => {
  it('a kantor that knows two BKDs sends neither the other’s enrolment: no proposals at either', async () => {
    const { kantor } = await kecamatan();
    const bkd1 = await withBkd(kantor);
    const bkd2 = await withBkd(kantor);
    for (const bkd of [bkd1, bkd2]) {
      const got = await deliver(kantor, bkd);
      const report = await bkd.packages.receive(got.envelope, got.records);
      expect(report.proposals).toBe(0);
      expect(await bkd.sync.proposals()).toEqual([]);
    }
  });

  it('the BKD’s package to Pauh carries no record of Curug', async () => {
    const { kantor: curug } = await kecamatan();
    const bkd = await withBkd(curug);
    const fromCurug = await deliver(curug, bkd);
    await bkd.packages.receive(fromCurug.envelope, fromCurug.records);
    const pauh = await open('pauh');
    await pauh.settings.setupOffice(profile('Kecamatan Pauh'), new Date());
    const toBkd = await carry(await bkd.packages.introduction());
    const toPauh = await carry(await pauh.packages.introduction());
    await pauh.packages.acceptIntroduction(toBkd.envelope, toBkd.records);
    await bkd.packages.acceptIntroduction(toPauh.envelope, toPauh.records);
    const curugOffice = (await curug.settings.getProfile())!.office.id;
    const pkg = await deliver(bkd, pauh, { full: true });
    expect(pkg.records.filter((r) => ownerOf(r.table, r.doc as SyncDoc) === curugOffice)).toEqual([]);
    const report = await pauh.packages.receive(pkg.envelope, pkg.records);
    expect(report.proposals).toBe(0);
  });
});

describe('conflicts a person can get through (issue #26)', () => {
  it('settles 200 conflicts in one action with the values from one computer, on both PCs', async () => {
    const { kantor } = await kecamatan();
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push((await kantor.employees.save(null, person(`199001012015011${String(i + 100).padStart(3, '0')}`, `Pegawai ${i}`, { golongan: 'III/a', jabatan: 'Pelaksana' }))).id);
    const { pkg } = await kantor.packages.enrol({ role: 'KANTOR', nama: 'PC cadangan', penilaiEmployeeId: null });
    const cadangan = await open('cadangan');
    const read = await carry(pkg);
    await cadangan.packages.joinFromPairing(read.envelope, read.records, new Date());
    // Both PCs retitle the same 200 people, neither seeing the other.
    for (const id of ids) {
      await kantor.employees.save(id, { ...(await kantor.employees.get(id))!, jabatan: 'Pengadministrasi Umum' });
      await cadangan.employees.save(id, { ...(await cadangan.employees.get(id))!, jabatan: 'Pengelola Layanan' });
    }
    const got = await deliver(cadangan, kantor);
    await kantor.packages.receive(got.envelope, got.records);
    const open200 = (await kantor.sync.openConflicts()).filter((c) => c.table === 'employees');
    expect(open200).toHaveLength(200);
    const cadanganId = (await cadangan.settings.getInstallation())!.id;
    const choices = open200.map((r) => {
      const c = r.conflicts[0]!;
      return { table: r.table, id: r.id, path: c.path, value: c.heads.find((h) => revNode(h.r) === cadanganId)!.value };
    });
    expect(await kantor.sync.resolveMany(choices)).toBe(200);
    expect(await kantor.sync.openConflicts()).toEqual([]);
    expect(new Set((await kantor.employees.listAll()).filter((e) => ids.includes(e.id)).map((e) => e.jabatan))).toEqual(new Set(['Pengelola Layanan']));
    // The settlement travels: the other PC has nothing left to review either.
    const back = await deliver(kantor, cadangan);
    await cadangan.packages.receive(back.envelope, back.records);
    expect(await cadangan.sync.openConflicts()).toEqual([]);
  }, 120_000);

});

describe('installations are known by the names people chose (issue #26)', () => {
  it('the name typed at setup is the one other computers see', async () => {
    const pc = await open('named');
    await pc.settings.setupOffice(profile('Kecamatan Pauh'), new Date(), { nama: '  PC  Subbag Umum ' });
    expect((await pc.settings.getInstallation())?.nama).toBe('PC Subbag Umum');
    const intro = await carry(await pc.packages.introduction());
    expect(intro.envelope.from.installName).toBe('PC Subbag Umum');
  });
});
