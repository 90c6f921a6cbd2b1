import { afterEach, describe, expect, it } from 'vitest';
import { RepoError } from './errors';
import { DataStore } from './store';
import { person, rhk } from '../sample/records';

let n = 0;
const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

async function refusal(p: Promise<unknown>): Promise<RepoError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RepoError);
  return err as RepoError;
}

async function setUp() {
  const s = await DataStore.open(`skp-${++n}`);
  stores.push(s);
  await s.settings.setupOffice({ namaInstansi: 'Pemkab', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Siti' }, new Date());
  const kec = await s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
  const camat = await s.employees.save(null, person('197001011995031001', 'Camat', { unitId: kec.id, golongan: 'IV/b', jabatan: 'Camat Curug' }));
  const kasi = await s.employees.save(null, person('198001012005011001', 'Kasi', { unitId: kec.id, atasanId: camat.id, golongan: 'III/d', jabatan: 'Kepala Seksi' }));
  const staf = await s.employees.save(null, person('199001012015011001', 'Staf', { unitId: kec.id, atasanId: kasi.id, golongan: 'III/a', jabatan: 'Analis' }));
  const staf2 = await s.employees.save(null, person('199101012015011001', 'Staf Dua', { unitId: kec.id, atasanId: kasi.id, golongan: 'III/a', jabatan: 'Analis' }));
  return { s, camat, kasi, staf, staf2 };
}

describe('SKP repository', () => {
  it('creates a draft with identity snapshots of the employee, appraiser and appraiser’s superior', async () => {
    const { s, camat, staf } = await setUp();
    const skp = await s.skps.create(staf.id, 2026);
    expect(skp).toMatchObject({ status: 'DRAF', year: 2026, mulai: '2026-01-01', selesai: '2026-12-31', rulePack: { id: 'permenpanrb-6-2022', version: 1 } });
    expect(skp.pegawai).toMatchObject({ nama: 'Staf', pangkat: 'Penata Muda / III/a', jabatan: 'Analis', unit: 'Kecamatan Curug' });
    expect(skp.penilai?.nama).toBe('Kasi');
    expect(skp.atasanPenilai?.employeeId).toBe(camat.id);
  });

  it('a promotion after approval does not change the approved SKP', async () => {
    const { s, staf } = await setUp();
    const skp = await s.skps.create(staf.id, 2026);
    await s.skps.save(skp.id, { rhk: [rhk('Laporan')] });
    await s.skps.transition(skp.id, 'AJUKAN');
    await s.skps.transition(skp.id, 'SETUJUI', undefined, new Date('2026-01-20T10:00:00'));
    await s.employees.save(staf.id, { ...staf, golongan: 'III/b', jabatan: 'Analis Senior' });
    const after = await s.skps.get(skp.id);
    expect(after?.pegawai.pangkat).toBe('Penata Muda / III/a');
    expect(after?.disetujuiPada).toBe('2026-01-20');
    expect((await refusal(s.skps.refreshSnapshots(skp.id))).code).toBe('skpLocked');
  });

  it('refuses to submit an SKP with problems and says how many', async () => {
    const { s, staf } = await setUp();
    const skp = await s.skps.create(staf.id, 2026);
    const err = await refusal(s.skps.transition(skp.id, 'AJUKAN'));
    expect(err.code).toBe('skpInvalid');
    expect((err.params.issues as { code: string }[]).map((i) => i.code)).toEqual(['noUtama']);
    expect((await s.skps.get(skp.id))?.status).toBe('DRAF');
  });

  it('an approved SKP is locked; reopening needs a reason, which the audit log keeps', async () => {
    const { s, staf } = await setUp();
    const skp = await s.skps.create(staf.id, 2026);
    await s.skps.save(skp.id, { rhk: [rhk('Laporan')] });
    await s.skps.transition(skp.id, 'AJUKAN');
    await s.skps.transition(skp.id, 'SETUJUI');
    expect((await refusal(s.skps.save(skp.id, { rhk: [] }))).code).toBe('skpLocked');
    expect((await refusal(s.skps.transition(skp.id, 'BUKA_KEMBALI'))).code).toBe('reasonRequired');
    expect((await refusal(s.skps.transition(skp.id, 'AJUKAN'))).code).toBe('transitionNotAllowed');
    const reopened = await s.skps.transition(skp.id, 'BUKA_KEMBALI', 'Target kuantitas salah ketik');
    expect(reopened).toMatchObject({ status: 'DRAF', disetujuiPada: '' });
    const audit = await s.db.auditLog.where('docId').equals(skp.id).toArray();
    expect(audit.map((a) => a.note).filter(Boolean)).toContain('SKP dibuka kembali: Target kuantitas salah ketik');
  });

  it('cascading: a staff RHK intervening in a deleted superior RHK blocks submission', async () => {
    const { s, kasi, staf } = await setUp();
    const atasanSkp = await s.skps.create(kasi.id, 2026);
    const target = rhk('Pelayanan administrasi');
    await s.skps.save(atasanSkp.id, { rhk: [target] });
    const mine = await s.skps.create(staf.id, 2026);
    await s.skps.save(mine.id, { rhk: [rhk('Surat keterangan', { intervensi: { skpId: atasanSkp.id, rhkId: target.id, teks: target.teks } })] });
    expect(await s.skps.issues((await s.skps.get(mine.id))!)).toEqual([]);
    await s.skps.save(atasanSkp.id, { rhk: [rhk('Lain')] });
    const err = await refusal(s.skps.transition(mine.id, 'AJUKAN'));
    expect((err.params.issues as { code: string }[]).map((i) => i.code)).toEqual(['intervensiMissing']);
  });

  it('copies last year’s SKP as a new draft without last year’s cascading', async () => {
    const { s, kasi, staf } = await setUp();
    const atasanSkp = await s.skps.create(kasi.id, 2025);
    const a = rhk('Atasan');
    await s.skps.save(atasanSkp.id, { rhk: [a] });
    const old = await s.skps.create(staf.id, 2025);
    await s.skps.save(old.id, { rhk: [rhk('Laporan', { intervensi: { skpId: atasanSkp.id, rhkId: a.id, teks: 'Atasan' } })], ekspektasi: { AKUNTABEL: 'Tepat waktu' } });
    const copy = await s.skps.copyFromPrevious(staf.id, 2026);
    expect(copy).toMatchObject({ year: 2026, status: 'DRAF', mulai: '2026-01-01', ekspektasi: { AKUNTABEL: 'Tepat waktu' } });
    expect(copy.rhk.map((r) => r.teks)).toEqual(['Laporan']);
    expect(copy.rhk[0]?.intervensi).toBeNull();
    expect(copy.rhk[0]?.id).not.toBe((await s.skps.get(old.id))?.rhk[0]?.id);
    expect((await refusal(s.skps.copyFromPrevious(kasi.id, 2025))).code).toBe('skpNoPrevious');
  });

  it('applies a set of RHK to everyone with the same jabatan in one go, once', async () => {
    const { s, staf, staf2 } = await setUp();
    const source = await s.skps.create(staf.id, 2026);
    await s.skps.save(source.id, { rhk: [rhk('Analisis kebijakan'), rhk('Laporan bulanan')], ekspektasi: { AKUNTABEL: 'Untuk Staf saja' } });
    expect(await s.skps.applyRhkToSameJabatan(source.id)).toEqual({ updated: 0, created: 1, skipped: 0, unlinked: 0 });
    const peer = (await s.skps.forEmployee(staf2.id, 2026))[0];
    expect(peer?.rhk.map((r) => r.teks)).toEqual(['Analisis kebijakan', 'Laporan bulanan']);
    expect(peer?.pegawai.nama).toBe('Staf Dua');
    // The ekspektasi are the source's pimpinan's words for the source: never copied.
    expect(peer?.ekspektasi).toEqual({});
    // Applying again adds nothing the peer already has.
    expect(await s.skps.applyRhkToSameJabatan(source.id)).toEqual({ updated: 0, created: 0, skipped: 0, unlinked: 0 });
    expect((await s.skps.get(peer!.id))?.rhk).toHaveLength(2);
  });

  it('an intervened RHK is linked to the peer’s own atasan’s RHK of the same text, or left for the admin to choose', async () => {
    const { s, camat, kasi, staf } = await setUp();
    const kasi2 = await s.employees.save(null, person('198101012006011001', 'Kasi Dua', { atasanId: camat.id, golongan: 'III/d', jabatan: 'Kepala Seksi' }));
    const peer = await s.employees.save(null, person('199201012016011001', 'Staf Tiga', { atasanId: kasi2.id, golongan: 'III/a', jabatan: 'Analis' }));
    const other = await s.employees.save(null, person('199301012017011001', 'Staf Empat', { atasanId: camat.id, golongan: 'III/a', jabatan: 'Analis' }));
    const [kasiSkp, kasi2Skp] = [await s.skps.create(kasi.id, 2026), await s.skps.create(kasi2.id, 2026)];
    const k1 = rhk('Pelayanan administrasi');
    const k2 = rhk('Pelayanan administrasi');
    await s.skps.save(kasiSkp.id, { rhk: [k1] });
    await s.skps.save(kasi2Skp.id, { rhk: [k2] });
    const source = await s.skps.create(staf.id, 2026);
    await s.skps.save(source.id, { rhk: [rhk('Laporan', { intervensi: { skpId: kasiSkp.id, rhkId: k1.id, teks: 'Pelayanan administrasi' } })] });
    const counts = await s.skps.applyRhkToSameJabatan(source.id);
    // Staf Dua shares the kasi; Staf Tiga's kasi has the same RHK text; Staf Empat's atasan (the camat) has no SKP.
    expect(counts).toEqual({ updated: 0, created: 3, skipped: 0, unlinked: 1 });
    const of = async (id: string) => (await s.skps.forEmployee(id, 2026))[0]!.rhk[0]!.intervensi;
    expect(await of(peer.id)).toEqual({ skpId: kasi2Skp.id, rhkId: k2.id, teks: 'Pelayanan administrasi' });
    expect(await of(other.id)).toBeNull();
  });

  it('the camat’s appraiser from outside the office is typed in and kept on refresh', async () => {
    const { s, camat, staf } = await setUp();
    const skp = await s.skps.create(camat.id, 2026);
    expect(skp.penilai).toBeNull();
    const sekda = { employeeId: '', nama: 'Drs. H. Moch. Maesyal Rasyid, M.Si.', nip: '196905121990031004', status: 'PNS' as const, pangkat: 'Pembina Utama Madya / IV/d', jabatan: 'Sekretaris Daerah', unit: 'Pemerintah Kabupaten Tangerang' };
    await s.skps.save(skp.id, { penilai: sekda, rhk: [rhk('Pelayanan publik')] });
    expect((await s.skps.refreshSnapshots(skp.id)).penilai).toEqual(sekda);
    await s.skps.transition(skp.id, 'AJUKAN');
    // A staff member's appraiser comes from the registry and cannot be typed over.
    const other = await s.skps.create(staf.id, 2026);
    expect((await refusal(s.skps.save(other.id, { penilai: sekda }))).code).toBe('skpPenilaiFromRegistry');
  });

  it('refuses an SKP for an inactive employee', async () => {
    const { s, staf2 } = await setUp();
    await s.employees.save(staf2.id, { ...staf2, aktif: false, nonaktifAlasan: 'PENSIUN', nonaktifTanggal: '2026-03-01' });
    expect((await refusal(s.skps.create(staf2.id, 2026))).code).toBe('skpEmployeeInactive');
  });
});
