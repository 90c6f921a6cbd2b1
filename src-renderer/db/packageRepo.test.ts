import { describe, expect, it } from 'vitest';
import { formatHlc } from '../domain/hlc';
import { carry, kecamatan, laptopOf, open, profile, refused, withBkd } from './packages.testkit';

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
    // The laptop's first package: its key is new here; a person compares the code on both screens.
    await refused(kantor.packages.preview(got.envelope, got.records), 'package.newKey');
    await kantor.packages.trustSender(got.envelope);
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

    // Another kecamatan cannot be introduced to this one (only a BKD); a BKD this office never accepted is unknown.
    const stranger = await open('stranger');
    await stranger.settings.setupOffice(profile('Kecamatan Pasar Kemis'), new Date());
    const intro = await carry(await kantor.packages.introduction());
    await refused(stranger.packages.acceptIntroduction(intro.envelope, intro.records), 'package.intro.notBkd');
    const bkd = await open('bkd-asing');
    await bkd.settings.setupOffice(profile('BKD Kabupaten Lain'), new Date(), { role: 'BKD' });
    await bkd.packages.acceptIntroduction(intro.envelope, intro.records);
    const fromStranger = await carry(await bkd.packages.build((await kantor.settings.getInstallation())!.id));
    expect((await refused(kantor.packages.receive(fromStranger.envelope, fromStranger.records), 'package.unknownSender')).params.from).toBe('BKD Kabupaten Lain, PC BKD');

    const kantorId = (await kantor.settings.getInstallation())!.id;
    const ahead = await carry(await laptop.packages.build(kantorId));
    await kantor.packages.trustSender(ahead.envelope);
    ahead.envelope.holds = { ...ahead.envelope.holds, [installation.id]: formatHlc({ wallMs: Date.now() + 4 * 365 * 86_400_000, counter: 0, node: installation.id }) };
    expect((await refused(kantor.packages.receive(ahead.envelope, ahead.records), 'package.clockFarAhead')).params.from).toBe('laptop Camat');
  });

  it('a BKD that exchanged introductions receives the kecamatan’s records read-only', async () => {
    const { kantor, staf } = await kecamatan();
    const bkd = await withBkd(kantor);
    const bkdId = (await bkd.settings.getInstallation())!.id;
    const pkg = await carry(await kantor.packages.build(bkdId));
    const report = await bkd.packages.receive(pkg.envelope, pkg.records);
    expect(report.proposals).toBe(0);
    expect((await bkd.employees.listAll()).map((e) => e.nama).sort()).toEqual(['Camat', 'Sekcam', 'Staf']);
    await refused(bkd.employees.save(staf.id, { ...staf, jabatan: 'Analis SDM' }), 'notAllowedHere');
    expect((await bkd.packages.peers()).map((p) => [p.officeName, p.installation.role])).toEqual([['Kecamatan Curug', 'KANTOR']]);
  });
});
