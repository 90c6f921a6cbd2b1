import { describe, expect, it } from 'vitest';
import { emptyHasil } from '../domain/evaluation';
import { rebaseDraft } from '../domain/sync/localEdit';
import { person } from '../sample/records';
import { openConflicts as conflictsOf, type SyncDoc } from '../domain/sync/merge';

const openConflicts = (table: string, doc: object) => conflictsOf(table, doc as unknown as SyncDoc);
import { carry, deliver, kecamatan, laptopOf, open } from './packages.testkit';

/**
 * The evaluation editor's save, as the editor makes it: the fields of its draft plus the version it
 * was opened on, while a package from the camat's laptop landed in between (issue #26).
 */
describe('a save writes what the person changed (issue #26)', () => {
  async function opened() {
    const { kantor, camat, evals } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    const id = evals.Sekcam!;
    // The admin opens Sekcam's evaluation: this is what the editor shows.
    const seen = (await kantor.evaluations.get(id))!;
    // Meanwhile the camat rates on his laptop, and the package lands.
    await laptop.evaluations.save(id, { ratingHasil: 'DI_ATAS_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' });
    const got = await deliver(laptop, kantor);
    await kantor.packages.receive(got.envelope, got.records);
    return { kantor, laptop, id, seen };
  }

  it('keeps a rating that arrived while the admin typed realisasi, on both PCs', async () => {
    const { kantor, laptop, id, seen } = await opened();
    const rhkId = Object.keys(seen.hasil)[0]!;
    // The editor hands over its whole draft (every editable field), as it always did.
    const draft = { hasil: { [rhkId]: { ...emptyHasil(), realisasi: '12 laporan' } }, perilaku: seen.perilaku, masukan: seen.masukan, ratingHasil: seen.ratingHasil, ratingPerilaku: seen.ratingPerilaku };
    const saved = await kantor.evaluations.save(id, draft, { seen, paths: [`hasil/${rhkId}/realisasi`] });
    expect(saved.hasil[rhkId]!.realisasi).toBe('12 laporan');
    expect(saved.ratingHasil).toBe('DI_ATAS_EKSPEKTASI');
    expect(saved.predikat).toBe('BAIK');
    expect(openConflicts('evaluations', saved)).toEqual([]);
    // And the next package does not revert the laptop.
    const back = await deliver(kantor, laptop);
    await laptop.packages.receive(back.envelope, back.records);
    const there = (await laptop.evaluations.get(id))!;
    expect(there.ratingHasil).toBe('DI_ATAS_EKSPEKTASI');
    expect(there.hasil[rhkId]!.realisasi).toBe('12 laporan');
  });

  it('a rating typed on both sides becomes an open conflict on both PCs, with both values', async () => {
    const { kantor, laptop, id, seen } = await opened();
    const saved = await kantor.evaluations.save(id, { ratingHasil: 'SESUAI_EKSPEKTASI' }, { seen, paths: ['ratingHasil'] });
    const conflicts = openConflicts('evaluations', saved).filter((c) => c.path === 'ratingHasil');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.heads.map((h) => h.value).sort()).toEqual(['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI']);
    // The predikat follows the ratings as saved and is not itself a conflict.
    expect(openConflicts('evaluations', saved).some((c) => c.path === 'predikat')).toBe(false);
    const back = await deliver(kantor, laptop);
    await laptop.packages.receive(back.envelope, back.records);
    expect(openConflicts('evaluations', (await laptop.evaluations.get(id))!).map((c) => c.path)).toContain('ratingHasil');
  });

  it('without the version seen, the old save reverted the arrived rating (the defect)', async () => {
    const { kantor, id, seen } = await opened();
    const draft = { ratingHasil: seen.ratingHasil, ratingPerilaku: seen.ratingPerilaku };
    // A save of the whole draft read against what is stored now: the rating goes back to ''.
    const saved = await kantor.evaluations.save(id, draft);
    expect(saved.ratingHasil).toBe('');
  });

  it('two quick ratings from the unit grid, the second read against a row not yet refreshed, keep both', async () => {
    const { kantor, evals } = await kecamatan();
    const id = evals.Staf!;
    const row = (await kantor.evaluations.get(id))!;
    await kantor.evaluations.save(id, { ratingHasil: 'DI_BAWAH_EKSPEKTASI' }, { seen: row, paths: ['ratingHasil'] });
    const saved = await kantor.evaluations.save(id, { ratingPerilaku: 'SESUAI_EKSPEKTASI' }, { seen: row, paths: ['ratingPerilaku'] });
    expect(saved.ratingHasil).toBe('DI_BAWAH_EKSPEKTASI');
    expect(saved.predikat).toBe('BUTUH_PERBAIKAN');
    expect(openConflicts('evaluations', saved)).toEqual([]);
  });

  it('an open editor takes the arrived values for untouched fields and keeps typed ones', async () => {
    const { kantor, id, seen } = await opened();
    const now = (await kantor.evaluations.get(id))!;
    const rhkId = Object.keys(seen.hasil)[0]!;
    const editable = (e: typeof seen) => ({ hasil: e.hasil, ratingHasil: e.ratingHasil, ratingPerilaku: e.ratingPerilaku });
    const typed = { ...editable(seen), hasil: { [rhkId]: { ...emptyHasil(), realisasi: '12' } } };
    const r = rebaseDraft('evaluations', editable(seen), editable(now), typed);
    expect(r.draft.ratingHasil).toBe('DI_ATAS_EKSPEKTASI');
    expect(r.draft.hasil[rhkId]!.realisasi).toBe('12');
    expect(r.arrived).toEqual(['ratingHasil', 'ratingPerilaku']);
    expect(r.clashed).toEqual([]);
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

describe('snapshots that pay for themselves (issue #26)', () => {
  it('a package that changes nothing here takes no snapshot', async () => {
    const { kantor, camat } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    const first = await deliver(kantor, laptop, { full: true });
    const before = (await laptop.backups.snapshots()).length;
    const report = await laptop.packages.receive(first.envelope, first.records);
    expect(report.created + report.updated).toBe(0);
    expect((await laptop.backups.snapshots()).length).toBe(before);
    // One that does change something is preceded by one.
    await kantor.employees.save(camat.id, { ...(await kantor.employees.get(camat.id))!, jabatan: 'Camat Curug' });
    const second = await deliver(kantor, laptop);
    await laptop.packages.receive(second.envelope, second.records);
    expect((await laptop.backups.snapshots()).length).toBe(before + 1);
  });
});

describe('a laptop receives every record of its scope it lacks (issue #26)', () => {
  it('someone moved under the camat brings his unit and trainings in the next package; moved away, he is removed from the laptop', async () => {
    const { kantor, camat, sekcam } = await kecamatan();
    const umum = await kantor.units.save(null, { nama: 'Seksi Umum', parentId: null, headId: null, aktif: true });
    const budi = await kantor.employees.save(null, person('199201012018011001', 'Budi', { unitId: umum.id, atasanId: sekcam.id, golongan: 'III/a', jabatan: 'Pengelola Umum' }));
    await kantor.trainings.add(budi.id, 2026, { nama: 'Pelatihan Arsip', mulai: '2026-02-01', selesai: '2026-02-03', jp: 24 });
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
