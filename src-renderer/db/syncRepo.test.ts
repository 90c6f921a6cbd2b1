import { afterEach, describe, expect, it } from 'vitest';
import { emptyHasil, type Evaluation } from '../domain/evaluation';
import { formatHlc, parseHlc, revNode } from '../domain/hlc';
import { writeLocal, type SyncDoc } from '../domain/sync/merge';
import type { ExchangeRecord } from '../exchange/records';
import { person, rhk } from '../sample/records';
import { RepoError } from './errors';
import { DataStore } from './store';
import { ExchangeRefused, type IncomingBatch } from './syncRepo';

let n = 0;
const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

const Q1 = '2026-TRIWULANAN-1';
const OFFICE = { namaInstansi: 'Pemkab Tangerang', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4' as const, namaAdmin: 'Siti' };

async function open(name: string, now?: () => Date) {
  const s = await DataStore.open(`${name}-${++n}`, now ? { now } : {});
  stores.push(s);
  return s;
}

/** The kantor with a camat, a staff member, an approved SKP and a started Q1 evaluation. */
async function kantorWithEvaluation() {
  const kantor = await open('kantor');
  const { settings } = await kantor.settings.setupOffice(OFFICE, new Date());
  const kec = await kantor.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
  const camat = await kantor.employees.save(null, person('197001011995031001', 'Camat', { unitId: kec.id, golongan: 'IV/b', jabatan: 'Camat Curug' }));
  const staf = await kantor.employees.save(null, person('199001012015011001', 'Staf', { unitId: kec.id, atasanId: camat.id, golongan: 'III/a', jabatan: 'Analis' }));
  const skp = await kantor.skps.create(staf.id, 2026);
  await kantor.skps.save(skp.id, { rhk: [rhk('Laporan kependudukan'), rhk('Pelayanan KTP')] });
  await kantor.skps.transition(skp.id, 'AJUKAN');
  await kantor.skps.transition(skp.id, 'SETUJUI');
  const started = await kantor.evaluations.start(skp.id, Q1);
  const rhkIds = (await kantor.skps.get(skp.id))!.rhk.map((r) => r.id);
  // The monitoring entries the evaluation screen creates for each RHK.
  const ev = await kantor.evaluations.save(started.id, { hasil: Object.fromEntries(rhkIds.map((id) => [id, emptyHasil()])) });
  return { kantor, officeId: settings.officeId, camat, staf, ev, rhkIds };
}

/** The camat's laptop, enrolled by the kantor and filled with the kantor's full package. */
async function enrolledLaptop(kantor: DataStore, officeId: string, camatId: string) {
  await kantor.sync.enrol({ officeId, role: 'PENILAI', nama: 'laptop Camat', penilaiEmployeeId: camatId }, 'ilaptopcamat');
  const laptop = await open('laptop');
  await laptop.settings.joinOffice({ officeId, installId: 'ilaptopcamat', role: 'PENILAI', penilaiEmployeeId: camatId, adminName: 'Camat', enrolledBy: (await kantor.settings.getInstallation())! }, new Date());
  await send(kantor, laptop, 'Kecamatan Curug, PC admin');
  return laptop;
}

let pkg = 0;
async function send(from: DataStore, to: DataStore, label: string, edit?: (r: ExchangeRecord[]) => ExchangeRecord[]) {
  const records = await from.sync.collect();
  const inst = await from.settings.getInstallation();
  const batch: IncomingBatch = { source: { packageId: `pkg-${++pkg}`, installId: inst?.id ?? '', officeId: inst?.officeId ?? '', label }, records: edit ? edit(records) : records };
  return to.sync.applyBatch(batch);
}

function withRealisasi(ev: Pick<Evaluation, 'hasil'>, rhkId: string, realisasi: string): Evaluation['hasil'] {
  return { ...ev.hasil, [rhkId]: { ...ev.hasil[rhkId]!, realisasi } };
}

async function refusedWith(p: Promise<unknown>, code: string): Promise<RepoError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RepoError);
  expect((err as RepoError).code).toBe(code);
  return err as RepoError;
}

describe('receiving records from another installation', () => {
  it('the camat rates on his laptop while the admin types realisasi: both edits survive, both ways', async () => {
    const { kantor, officeId, camat, ev, rhkIds } = await kantorWithEvaluation();
    const laptop = await enrolledLaptop(kantor, officeId, camat.id);
    expect((await laptop.evaluations.get(ev.id))?.pegawai.nama).toBe('Staf');

    await laptop.evaluations.save(ev.id, { ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'DI_ATAS_EKSPEKTASI' });
    await kantor.evaluations.save(ev.id, { hasil: withRealisasi(ev, rhkIds[0]!, '310 surat keterangan') });

    const atKantor = await send(laptop, kantor, 'laptop Camat');
    expect(atKantor).toMatchObject({ updated: 1, conflicts: 0, proposals: 0 });
    await send(kantor, laptop, 'PC admin');
    for (const s of [kantor, laptop]) {
      const e = (await s.evaluations.get(ev.id))!;
      expect(e.hasil[rhkIds[0]!]?.realisasi).toBe('310 surat keterangan');
      expect(e.ratingHasil).toBe('SESUAI_EKSPEKTASI');
      expect(e.predikat).toBe('BAIK');
    }
    // The history says where the rating came from.
    const received = (await kantor.evaluations.history(ev.id)).filter((h) => h.source);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ actor: 'laptop Camat', source: { label: 'laptop Camat' }, action: 'update' });
    expect(received[0]?.changes.map((c) => c.field)).toEqual(['predikat', 'ratingHasil', 'ratingPerilaku']);
  });

  it('receiving the same package twice, or an older one after a newer one, changes nothing', async () => {
    const { kantor, officeId, camat, ev } = await kantorWithEvaluation();
    const laptop = await enrolledLaptop(kantor, officeId, camat.id);
    const older = await laptop.sync.collect();
    await laptop.evaluations.save(ev.id, { ratingHasil: 'SESUAI_EKSPEKTASI' });
    await send(laptop, kantor, 'laptop Camat');
    const records = await laptop.sync.collect();
    const source = { packageId: 'paket-laptop-7', installId: 'ilaptopcamat', officeId, label: 'laptop Camat' };
    const first = await kantor.sync.applyBatch({ source, records });
    expect(first).toMatchObject({ created: 0, updated: 0, alreadyReceived: false });
    const audits = await kantor.db.auditLog.count();
    // The very same package again: recognised as received, nothing read or written.
    const again = await kantor.sync.applyBatch({ source, records });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: records.length, alreadyReceived: true });
    const old = await kantor.sync.applyBatch({ source: { packageId: 'old', installId: 'ilaptopcamat', officeId, label: 'laptop Camat' }, records: older });
    expect(old).toMatchObject({ created: 0, updated: 0 });
    expect(await kantor.db.auditLog.count()).toBe(audits);
    expect((await kantor.evaluations.get(ev.id))?.ratingHasil).toBe('SESUAI_EKSPEKTASI');
  });

  it('a laptop cannot change realisasi, and a forged package that does is kept as a proposal until the owner accepts it', async () => {
    const { kantor, officeId, camat, ev, rhkIds } = await kantorWithEvaluation();
    const laptop = await enrolledLaptop(kantor, officeId, camat.id);
    const err = await refusedWith(laptop.evaluations.save(ev.id, { hasil: withRealisasi(ev, rhkIds[0]!, '999') }), 'notAllowedHere');
    expect(err.params.paths).toEqual([`hasil/${rhkIds[0]}/realisasi`]);

    // An outdated app on the laptop wrote it anyway.
    const local = (await laptop.db.evaluations.get(ev.id)) as unknown as SyncDoc;
    const forged = writeLocal('evaluations', local, { ...local, hasil: withRealisasi(ev, rhkIds[0]!, '999') }, { rev: formatHlc({ wallMs: Date.now() + 5, counter: 0, node: 'ilaptopcamat' }), nowIso: new Date().toISOString(), id: ev.id });
    const report = await send(laptop, kantor, 'laptop Camat', (rs) => rs.map((r) => (r.doc.id === ev.id ? { ...r, doc: forged } : r)));
    expect(report.proposals).toBe(1);
    expect((await kantor.evaluations.get(ev.id))?.hasil[rhkIds[0]!]?.realisasi).toBe('');
    const [p] = await kantor.sync.proposals();
    expect(p).toMatchObject({ table: 'evaluations', docId: ev.id, paths: [`hasil/${rhkIds[0]}/realisasi`], writers: ['ilaptopcamat'], reason: 'notAllowed' });
    await kantor.sync.acceptProposal(p!.id);
    expect((await kantor.evaluations.get(ev.id))?.hasil[rhkIds[0]!]?.realisasi).toBe('999');
    expect(await kantor.sync.proposals()).toEqual([]);
  });

  it('one field changed on both sides shows the same conflict on both, and resolving it once settles it everywhere', async () => {
    const { kantor, officeId, camat, ev } = await kantorWithEvaluation();
    const laptop = await enrolledLaptop(kantor, officeId, camat.id);
    await kantor.evaluations.save(ev.id, { ratingHasil: 'DI_BAWAH_EKSPEKTASI' });
    await laptop.evaluations.save(ev.id, { ratingHasil: 'DI_ATAS_EKSPEKTASI' });
    expect((await send(laptop, kantor, 'laptop Camat')).conflicts).toBe(1);
    await send(kantor, laptop, 'PC admin');
    const onKantor = await kantor.sync.conflictsOf('evaluations', ev.id);
    const onLaptop = await laptop.sync.conflictsOf('evaluations', ev.id);
    expect(onKantor).toEqual(onLaptop);
    expect(onKantor.map((c) => [c.kind, c.path, c.heads.length])).toEqual([['field', 'ratingHasil', 2]]);
    expect((await kantor.sync.openConflicts()).map((c) => c.id)).toEqual([ev.id]);

    await kantor.sync.resolve('evaluations', ev.id, 'ratingHasil', 'SESUAI_EKSPEKTASI');
    await send(kantor, laptop, 'PC admin');
    for (const s of [kantor, laptop]) {
      expect(await s.sync.conflictsOf('evaluations', ev.id)).toEqual([]);
      expect((await s.evaluations.get(ev.id))?.ratingHasil).toBe('SESUAI_EKSPEKTASI');
    }
  });
});

describe('bad input refuses the whole batch and names the record', () => {
  it.each([
    ['a rev that does not parse', (r: ExchangeRecord) => ({ ...r, doc: { ...r.doc, rev: 'kemarin' } }), 'exchange.badRev'],
    ['a table nobody knows', (r: ExchangeRecord) => ({ ...r, table: 'gaji' }), 'exchange.unknownTable'],
    ['a field of the wrong type', (r: ExchangeRecord) => ({ ...r, doc: { ...r.doc, nama: 42 } }), 'exchange.badField'],
  ])('%s', async (_name, spoil, code) => {
    const { kantor } = await kantorWithEvaluation();
    const other = await open('other');
    const records = await kantor.sync.collect();
    const i = records.findIndex((r) => r.table === 'employees');
    records[i] = spoil(records[i]!);
    const err = await refusedWith(other.sync.applyBatch({ source: { packageId: 'p', installId: 'x', officeId: 'y', label: 'Kecamatan Curug' }, records }), code);
    expect(err).toBeInstanceOf(ExchangeRefused);
    expect(err.params.row).toBe(i + 1);
    expect(err.params.id).toBe(records[i]!.doc.id);
    expect(await other.db.employees.count()).toBe(0);
  });

  it('a record whose id another table already holds', async () => {
    const { kantor, staf } = await kantorWithEvaluation();
    const unit = (await kantor.units.list())[0]!;
    const clash = { table: 'units', schemaVersion: 4, doc: { ...unit, id: staf.id, rev: formatHlc({ wallMs: Date.now(), counter: 0, node: 'ix' }) } } as ExchangeRecord;
    const err = await refusedWith(kantor.sync.applyBatch({ source: { packageId: 'p', installId: 'ix', officeId: 'o', label: 'X' }, records: [clash] }), 'exchange.idCollision');
    expect(err.params).toMatchObject({ table: 'units', id: staf.id, field: 'employees' });
  });
});

describe('clocks and identities', () => {
  it('an edit made after receiving a value sorts after it, even on a PC whose clock is six months behind', async () => {
    const { kantor, officeId, camat, ev } = await kantorWithEvaluation();
    await kantor.sync.enrol({ officeId, role: 'PENILAI', nama: 'laptop Camat', penilaiEmployeeId: camat.id }, 'ilaptopcamat');
    const behind = await open('behind', () => new Date(Date.now() - 182 * 86_400_000));
    await behind.settings.joinOffice({ officeId, installId: 'ilaptopcamat', role: 'PENILAI', penilaiEmployeeId: camat.id, adminName: 'Camat', enrolledBy: (await kantor.settings.getInstallation())! }, new Date());
    await send(kantor, behind, 'PC admin');
    const received = (await behind.evaluations.get(ev.id))!.rev;
    const mine = await behind.evaluations.save(ev.id, { ratingPerilaku: 'SESUAI_EKSPEKTASI' });
    expect(mine.rev > received).toBe(true);
    expect(revNode(mine.rev)).toBe('ilaptopcamat');
    // The clock survives a restart: resumed from the newest rev issued or received.
    behind.close();
    const again = await DataStore.open(behind.db.name, { now: () => new Date(Date.now() - 365 * 86_400_000) });
    stores.push(again);
    const next = await again.evaluations.save(ev.id, { ratingPerilaku: 'DI_ATAS_EKSPEKTASI' });
    expect(next.rev > mine.rev).toBe(true);
  });

  it('a rev years in the future is held back; days ahead is applied with a warning naming the sender', async () => {
    const { kantor, officeId, camat, ev } = await kantorWithEvaluation();
    const day = 86_400_000;
    const fromTheFuture = async (laptopNow: number) => {
      const laptop = await enrolledLaptop(kantor, officeId, camat.id);
      const local = (await laptop.db.evaluations.get(ev.id)) as unknown as SyncDoc;
      const doc = writeLocal('evaluations', local, { ...local, ratingHasil: 'SESUAI_EKSPEKTASI' }, { rev: formatHlc({ wallMs: laptopNow, counter: 0, node: 'ilaptopcamat' }), nowIso: '', id: ev.id });
      return send(laptop, kantor, 'laptop Camat', (rs) => rs.map((r) => (r.doc.id === ev.id ? { ...r, doc } : r)));
    };
    const held = await fromTheFuture(Date.now() + 3 * 365 * day);
    expect(held.held).toBe(1);
    expect((await kantor.evaluations.get(ev.id))?.ratingHasil).toBe('');
    const ahead = await fromTheFuture(Date.now() + 3 * day);
    expect(ahead.clockAhead).toEqual([{ installId: 'ilaptopcamat', nama: 'laptop Camat' }]);
    expect((await kantor.evaluations.get(ev.id))?.ratingHasil).toBe('SESUAI_EKSPEKTASI');
  });

  it('a copied profile writing under this installation id is detected, and this installation takes a new id', async () => {
    const { kantor, staf } = await kantorWithEvaluation();
    const before = (await kantor.settings.getInstallation())!;
    // The copy (a cloned profile on the back-up PC) changed the same employee under the same id.
    const local = (await kantor.db.employees.get(staf.id)) as unknown as SyncDoc;
    const h = parseHlc(local.rev)!;
    const twin = writeLocal('employees', local, { ...local, jabatan: 'Analis Kebijakan' }, { rev: formatHlc({ ...h, counter: h.counter + 1 }), nowIso: '', id: staf.id });
    const report = await kantor.sync.applyBatch({ source: { packageId: 'p', installId: before.id, officeId: before.officeId, label: 'PC cadangan' }, records: [{ table: 'employees', schemaVersion: 4, doc: twin }] });
    expect(report.rekeyed).toMatch(/^i[0-9a-f]{15}$/);
    const after = (await kantor.settings.getInstallation())!;
    expect(after.id).toBe(report.rekeyed);
    expect(after).toMatchObject({ officeId: before.officeId, role: 'KANTOR' });
    const e = await kantor.employees.save(staf.id, { ...(await kantor.employees.get(staf.id))!, jabatan: 'Analis SDM' });
    expect(revNode(e.rev)).toBe(report.rekeyed);
  });

  it('the window and a worker on one database never hand out the same rev', async () => {
    const a = await open('shared');
    await a.settings.setupOffice(OFFICE, new Date());
    const b = await DataStore.open(a.db.name);
    stores.push(b);
    const unit = await a.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
    const revs: string[] = [];
    for (let i = 0; i < 20; i++) {
      const s = i % 2 === 0 ? a : b;
      revs.push((await s.employees.save(null, person(`1980010120050110${String(i + 10).padStart(2, '0')}`, `P${i}`, { unitId: unit.id }))).rev);
    }
    expect(new Set(revs).size).toBe(20);
    expect([...revs].sort()).toEqual(revs);
  });
});

describe('one civil servant registered on two installations', () => {
  it('is reported when the records meet, and merging keeps one record with both records’ SKPs', async () => {
    const { kantor, officeId, staf } = await kantorWithEvaluation();
    await kantor.sync.enrol({ officeId, role: 'KANTOR', nama: 'PC cadangan', penilaiEmployeeId: null }, 'icadangan');
    const cadangan = await open('cadangan');
    await cadangan.settings.joinOffice({ officeId, installId: 'icadangan', role: 'KANTOR', penilaiEmployeeId: null, adminName: 'Budi', enrolledBy: (await kantor.settings.getInstallation())! }, new Date());
    await send(kantor, cadangan, 'PC admin');
    const unit = (await cadangan.units.list())[0]!;
    const twin = await cadangan.employees.save(null, person('199301012019031002', 'Rina', { unitId: unit.id }));
    const mine = await kantor.employees.save(null, person('199301012019031002', 'Rina Wati', { unitId: unit.id }));
    await send(cadangan, kantor, 'PC cadangan');
    expect(await kantor.sync.duplicates()).toEqual([{ nip: '199301012019031002', ids: [mine.id, twin.id].sort() }]);
    expect((await kantor.employees.listAll()).filter((e) => e.nip === '199301012019031002')).toHaveLength(2);

    const skp = await kantor.skps.create(twin.id, 2026);
    await kantor.employees.mergeDuplicate(mine.id, twin.id);
    expect((await kantor.employees.listAll()).filter((e) => e.nip === '199301012019031002').map((e) => e.id)).toEqual([mine.id]);
    expect((await kantor.skps.get(skp.id))?.employeeId).toBe(mine.id);
    expect(await kantor.sync.duplicates()).toEqual([]);
    expect(staf.id).not.toBe(mine.id);
  });
});

describe('records written by a newer app', () => {
  it('keep the fields this app does not know, through a merge and a local edit', async () => {
    const { kantor, officeId, camat, staf } = await kantorWithEvaluation();
    const laptop = await enrolledLaptop(kantor, officeId, camat.id);
    const local = (await kantor.db.employees.get(staf.id)) as unknown as SyncDoc;
    const newer = writeLocal('employees', local, { ...local, nomorKarpeg: 'A1234', riwayat: [{ tahun: 2020 }] }, { rev: formatHlc({ wallMs: Date.now() + 10, counter: 0, node: (await kantor.settings.getInstallation())!.id }), nowIso: '', id: staf.id });
    await kantor.db.employees.put(newer as never);
    await send(kantor, laptop, 'PC admin');
    const there = (await laptop.db.employees.get(staf.id)) as unknown as Record<string, unknown>;
    expect(there.nomorKarpeg).toBe('A1234');
    await kantor.employees.save(staf.id, { ...(await kantor.employees.get(staf.id))!, jabatan: 'Analis SDM' });
    expect(((await kantor.db.employees.get(staf.id)) as unknown as Record<string, unknown>).riwayat).toEqual([{ tahun: 2020 }]);
  });
});

describe('a thousand conflicts at once', () => {
  it('the preview counts them and writes nothing; applying lists every one for review', async () => {
    const a = await open('seribu-a');
    const { settings } = await a.settings.setupOffice(OFFICE, new Date());
    const ia = (await a.settings.getInstallation())!;
    await a.sync.enrol({ officeId: settings.officeId, role: 'KANTOR', nama: 'PC cadangan', penilaiEmployeeId: null }, 'icadangan');
    const b = await open('seribu-b');
    await b.settings.joinOffice({ officeId: settings.officeId, installId: 'icadangan', role: 'KANTOR', penilaiEmployeeId: null, adminName: 'Budi', enrolledBy: ia }, new Date());
    let c = 0;
    const rev = (node: string) => formatHlc({ wallMs: Date.now() + Math.floor(c / 1000), counter: c++ % 1000, node });
    const base = Array.from({ length: 1000 }, (_, i) => writeLocal('employees', undefined, { ...person(`19800101200501${String(1000 + i).padStart(4, '0')}`, `Pegawai ${i}`), officeId: settings.officeId, deleted: false }, { rev: rev(ia.id), nowIso: '', id: `e${i}` }));
    await a.db.employees.bulkPut(base as never);
    await send(a, b, 'PC admin');
    // Both PCs retype every jabatan without seeing each other.
    await a.db.employees.bulkPut(base.map((e) => writeLocal('employees', e, { ...e, jabatan: 'Analis A' }, { rev: rev(ia.id), nowIso: '', id: e.id })) as never);
    await b.db.employees.bulkPut(base.map((e) => writeLocal('employees', e, { ...e, jabatan: 'Analis B' }, { rev: rev('icadangan'), nowIso: '', id: e.id })) as never);
    const records = await b.sync.collect();
    const source = { packageId: 'seribu', installId: 'icadangan', officeId: settings.officeId, label: 'PC cadangan' };
    const preview = await a.sync.applyBatch({ source, records }, { dryRun: true });
    expect(preview.conflicts).toBe(1000);
    expect((await a.db.employees.get('e7'))?.jabatan).toBe('Analis A');
    expect(await a.sync.openConflicts()).toEqual([]);
    await a.sync.applyBatch({ source, records });
    const open1000 = await a.sync.openConflicts();
    expect(open1000).toHaveLength(1000);
    expect(open1000[0]?.conflicts[0]?.heads.map((h) => h.value).sort()).toEqual(['Analis A', 'Analis B']);
  }, 60_000);
});
