import { describe, expect, it } from 'vitest';
import { revNode } from '../domain/hlc';
import { ownerOf } from '../domain/sync/access';
import { person } from '../sample/records';
import type { SyncDoc } from '../domain/sync/merge';
import { carry, deliver, kecamatan, laptopOf, open, profile, withBkd } from './packages.testkit';

/**
 * Issue #26: every record reaches who needs it and only them; pairing, upgrades on receipt,
 * snapshots and undo of a received package.
 */

/** A package carries only the records meant for its recipient. */
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

describe('pairing in one transaction (issue #26)', () => {
  it('a pairing whose records cannot be applied leaves the laptop as it was, and the same package joins it afterwards', async () => {
    const { kantor, camat } = await kecamatan();
    const { pkg } = await kantor.packages.enrol({ role: 'PENILAI', nama: 'laptop Camat', penilaiEmployeeId: camat.id });
    const laptop = await open('laptop');
    const read = await carry(pkg);
    // One record the apply refuses (as a disk error or a bug would stop it half-way).
    const broken = structuredClone(read.records);
    const emp = broken.find((r) => r.table === 'employees')!;
    emp.doc.nama = 42;
    await expect(laptop.packages.joinFromPairing(read.envelope, broken, new Date())).rejects.toThrow();
    expect(await laptop.settings.getInstallation()).toBeNull();
    expect(await laptop.settings.getProfile()).toBeNull();
    // The genuine package, again: the laptop joins with its appraisees.
    await laptop.packages.joinFromPairing(read.envelope, read.records, new Date());
    expect((await laptop.settings.getInstallation())?.role).toBe('PENILAI');
    expect((await laptop.employees.get(camat.id))?.nama).toBe('Camat');
  });
});

describe('one normalising step for every incoming record (issue #26)', () => {
  it('records from an older app (schema 3: no write versions, no rekomendasi) are upgraded on receipt, and found again by their index', async () => {
    const { kantor, camat, evals } = await kecamatan();
    const { pkg } = await kantor.packages.enrol({ role: 'PENILAI', nama: 'laptop Camat', penilaiEmployeeId: camat.id });
    const read = await carry(pkg);
    const old = read.records.map((r) => {
      const doc = structuredClone(r.doc);
      if (r.table === 'evaluations') {
        delete doc.rekomendasi;
        delete doc.sv;
        delete doc.syncKey;
      }
      return { ...r, schemaVersion: 3, doc };
    });
    const laptop = await open('laptop');
    await laptop.packages.joinFromPairing(read.envelope, old, new Date());
    const ev = (await laptop.evaluations.get(evals.Sekcam!))!;
    expect(ev.rekomendasi).toEqual({ pengembangan: '', penghargaan: '', pembinaan: '' });
    expect(ev.sv?.b).toBe(ev.rev);
    expect(ev.syncKey).toBeTruthy();
    // The same record again (as the next package would carry it) is known from the index: nothing to apply.
    const again = await laptop.sync.applyBatch({ source: { packageId: 'lagi', installId: 'x', officeId: 'y', label: 'tes' }, records: old.filter((r) => r.table === 'evaluations') });
    expect(again.unchanged).toBe(1);
    expect(again.updated + again.created).toBe(0);
  });
});

describe('a snapshot sized to the package (issue #33)', () => {
  it('receiving copies no whole database: the receipt keeps just the versions the package replaced', async () => {
    const { kantor, camat, evals } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    const id = evals.Sekcam!;
    const was = (await kantor.evaluations.get(id))!;
    await laptop.evaluations.save(id, { ratingHasil: 'DI_ATAS_EKSPEKTASI' });
    const got = await deliver(laptop, kantor);
    const report = await kantor.packages.receive(got.envelope, got.records);
    expect(report.updated).toBeGreaterThan(0);
    expect(await kantor.backups.snapshots()).toEqual([]);
    const receipt = (await kantor.db.receipts.toArray()).find((r) => r.packageId === got.envelope.packageId)!;
    const previous = receipt.snapshot!.previous;
    expect(previous.map((p) => p.table)).toEqual(['evaluations']);
    expect(previous[0]!.doc).toEqual(was);
  });
});

/** A 1×1 PNG: a scanned signature as small as can be. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('a laptop receives every record of its scope it lacks (issue #26)', () => {
  it('someone moved under the camat brings his unit, trainings and scanned signature in the next package; moved away, he is removed from the laptop', async () => {
    const { kantor, camat, sekcam } = await kecamatan();
    const umum = await kantor.units.save(null, { nama: 'Seksi Umum', parentId: null, headId: null, aktif: true });
    const budi = await kantor.employees.save(null, person('199201012018011001', 'Budi', { unitId: umum.id, atasanId: sekcam.id, golongan: 'III/a', jabatan: 'Pengelola Umum' }));
    await kantor.trainings.add(budi.id, 2026, { nama: 'Pelatihan Arsip', mulai: '2026-02-01', selesai: '2026-02-03', jp: 24 });
    await kantor.prints.setSignature(budi.id, Uint8Array.from(atob(PNG_1X1), (c) => c.charCodeAt(0)));
    const skp = await kantor.skps.create(budi.id, 2026);
    const { laptop } = await laptopOf(kantor, camat.id);
    expect(await laptop.employees.get(budi.id)).toBeUndefined();
    // Later writes reach the laptop and come back confirmed: Budi's unit and training are below the office's vector.
    await kantor.employees.save(camat.id, { ...(await kantor.employees.get(camat.id))!, jabatan: 'Camat Curug' });
    const a = await deliver(kantor, laptop);
    await laptop.packages.receive(a.envelope, a.records);
    const b = await deliver(laptop, kantor);
    await kantor.packages.receive(b.envelope, b.records);

    // Budi moves under the camat.
    await kantor.employees.save(budi.id, { ...(await kantor.employees.get(budi.id))!, atasanId: camat.id });
    await kantor.skps.refreshSnapshots(skp.id);
    const c = await deliver(kantor, laptop);
    await laptop.packages.receive(c.envelope, c.records);
    expect((await laptop.employees.get(budi.id))?.nama).toBe('Budi');
    expect((await laptop.units.list()).map((u) => u.nama)).toContain('Seksi Umum');
    expect((await laptop.trainings.forEmployee(budi.id, 2026)).map((t) => t.nama)).toEqual(['Pelatihan Arsip']);
    expect((await laptop.prints.signatures()).map((x) => x.employeeId)).toContain(budi.id);

    // And away again: gone from the laptop, and the laptop says so.
    await kantor.employees.save(budi.id, { ...(await kantor.employees.get(budi.id))!, atasanId: sekcam.id });
    await kantor.skps.refreshSnapshots(skp.id);
    const d = await deliver(kantor, laptop);
    const preview = await laptop.packages.preview(d.envelope, d.records);
    expect(preview.left.map((l) => l.nama)).toContain('Budi');
    await laptop.packages.receive(d.envelope, d.records);
    expect(await laptop.employees.get(budi.id)).toBeUndefined();
    expect(await laptop.skps.get(skp.id)).toBeUndefined();
    expect(await laptop.trainings.forEmployee(budi.id, 2026)).toEqual([]);
    expect((await laptop.prints.signatures()).map((x) => x.employeeId)).not.toContain(budi.id);
    expect((await laptop.units.list()).map((u) => u.nama)).not.toContain('Seksi Umum');
    // The office still has all of it.
    expect((await kantor.trainings.forEmployee(budi.id, 2026)).length).toBe(1);
  });
});

describe('Batalkan paket ini (issue #26)', () => {
  it('undoes the newest package as ordinary writes that travel, only while nothing later touched its records', async () => {
    const { kantor, camat, evals } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    const id = evals.Sekcam!;
    await laptop.evaluations.save(id, { ratingHasil: 'DI_ATAS_EKSPEKTASI' });
    const got = await deliver(laptop, kantor);
    await kantor.packages.receive(got.envelope, got.records);
    const last = await kantor.sync.undoablePackage();
    expect(last?.from).toBe('Kecamatan Curug, laptop Camat');
    await kantor.sync.undoPackage(last!.receiptId);
    expect((await kantor.evaluations.get(id))!.ratingHasil).toBe('');
    expect(await kantor.sync.undoablePackage()).toBeNull();
    // The undo travels: the laptop's copy follows with the next package.
    const back = await deliver(kantor, laptop);
    await laptop.packages.receive(back.envelope, back.records);
    expect((await laptop.evaluations.get(id))!.ratingHasil).toBe('');

    // A later edit of a record the package brought: too late to undo.
    await laptop.evaluations.save(id, { ratingHasil: 'SESUAI_EKSPEKTASI' });
    const again = await deliver(laptop, kantor);
    await kantor.packages.receive(again.envelope, again.records);
    const receiptId = (await kantor.sync.undoablePackage())!.receiptId;
    await kantor.evaluations.save(id, { ratingPerilaku: 'SESUAI_EKSPEKTASI' });
    expect(await kantor.sync.undoablePackage()).toBeNull();
    await expect(kantor.sync.undoPackage(receiptId)).rejects.toThrow('package.undoTooLate');
    // Only the newest receipt keeps what it replaced.
    expect((await kantor.db.receipts.toArray()).filter((r) => r.snapshot).length).toBe(1);
  });
});
