import { afterEach, describe, expect, it } from 'vitest';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import { RepoError } from './errors';
import { DataStore } from './store';
import { person, rhk } from '../sample/records';

let n = 0;
const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

const Q1 = '2026-TRIWULANAN-1';
const Q4 = '2026-TRIWULANAN-4';

async function refusal(p: Promise<unknown>): Promise<RepoError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RepoError);
  return err as RepoError;
}

async function setUp() {
  const s = await DataStore.open(`eval-${++n}`);
  stores.push(s);
  await s.settings.setupOffice({ namaInstansi: 'Pemkab', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Siti' }, new Date());
  const kec = await s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
  const camat = await s.employees.save(null, person('197001011995031001', 'Camat', { unitId: kec.id, golongan: 'IV/b', jabatan: 'Camat Curug' }));
  const staf = await s.employees.save(null, person('199001012015011001', 'Staf', { unitId: kec.id, atasanId: camat.id, golongan: 'III/a', jabatan: 'Analis' }));
  const skp = await s.skps.create(staf.id, 2026);
  await s.skps.save(skp.id, { rhk: [rhk('Laporan kependudukan'), rhk('Pelayanan KTP')] });
  return { s, kec, camat, staf, skp: (await s.skps.get(skp.id))! };
}

async function approve(s: DataStore, id: string) {
  await s.skps.transition(id, 'AJUKAN');
  await s.skps.transition(id, 'SETUJUI');
}

describe('evaluation repository', () => {
  it('refuses to rate a period before the SKP is approved, and an inactive employee', async () => {
    const { s, staf, skp } = await setUp();
    expect((await refusal(s.evaluations.start(skp.id, Q1))).code).toBe('evalSkpNotApproved');
    await approve(s, skp.id);
    await s.employees.save(staf.id, { ...staf, aktif: false, nonaktifAlasan: 'PENSIUN', nonaktifTanggal: '2026-10-01' });
    const err = await refusal(s.evaluations.start(skp.id, Q1));
    expect(err.code).toBe('evalEmployeeInactive');
    expect(err.params.nama).toBe('Staf');
  });

  it('refuses a period outside the SKP date range', async () => {
    const { s, skp } = await setUp();
    await s.skps.save(skp.id, { selesai: '2026-06-30' });
    await approve(s, skp.id);
    expect((await refusal(s.evaluations.start(skp.id, '2026-TRIWULANAN-3'))).code).toBe('evalOutsideSkp');
    expect((await s.evaluations.start(skp.id, '2026-TRIWULANAN-2')).selesai).toBe('2026-06-30');
  });

  it('starting twice opens the same evaluation; it copies the SKP snapshots and the period', async () => {
    const { s, skp } = await setUp();
    await approve(s, skp.id);
    const a = await s.evaluations.start(skp.id, Q4);
    const b = await s.evaluations.start(skp.id, Q4);
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ periodLabel: 'TRIWULAN IV', akhir: true, mulai: '2026-10-01', selesai: '2026-12-31', status: 'DRAF', predikat: '' });
    expect(a.pegawai.nama).toBe('Staf');
    expect(a.penilai?.nama).toBe('Camat');
  });

  it('the predikat follows the matrix as ratings are saved', async () => {
    const { s, skp } = await setUp();
    await approve(s, skp.id);
    const ev = await s.evaluations.start(skp.id, Q1);
    expect((await s.evaluations.save(ev.id, { ratingHasil: 'DI_ATAS_EKSPEKTASI' })).predikat).toBe('');
    expect((await s.evaluations.save(ev.id, { ratingPerilaku: 'DI_BAWAH_EKSPEKTASI' })).predikat).toBe('KURANG_MISCONDUCT');
    expect((await s.evaluations.save(ev.id, { ratingPerilaku: 'DI_ATAS_EKSPEKTASI' })).predikat).toBe('SANGAT_BAIK');
  });

  it('final needs realisasi and both ratings; then it is locked and reopening keeps the reason', async () => {
    const { s, skp } = await setUp();
    await approve(s, skp.id);
    const ev = await s.evaluations.start(skp.id, Q1);
    const err = await refusal(s.evaluations.transition(ev.id, 'FINALKAN'));
    expect(err.code).toBe('evaluationInvalid');
    expect((err.params.issues as { code: string }[]).map((i) => i.code)).toEqual(['realisasiRequired', 'realisasiRequired', 'ratingHasilRequired', 'ratingPerilakuRequired']);
    const hasil = Object.fromEntries(skp.rhk.map((r) => [r.id, { realisasi: '3 laporan', buktiDukung: '', umpanBalik: [{ id: 'u1', tanggal: '2026-02-10', teks: 'Tepat waktu' }] }]));
    await s.evaluations.save(ev.id, { hasil, ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' });
    const final = await s.evaluations.transition(ev.id, 'FINALKAN', undefined, new Date('2026-04-05T09:00:00'));
    expect(final).toMatchObject({ status: 'FINAL', finalPada: '2026-04-05', predikat: 'BAIK' });
    expect((await refusal(s.evaluations.save(ev.id, { ratingHasil: 'DI_ATAS_EKSPEKTASI' }))).code).toBe('evaluationLocked');
    expect((await refusal(s.evaluations.transition(ev.id, 'BUKA_KEMBALI', '  '))).code).toBe('reasonRequired');
    await s.evaluations.transition(ev.id, 'BUKA_KEMBALI', 'Salah pilih rating perilaku');
    const history = await s.evaluations.history(ev.id);
    expect(history.map((h) => h.note).filter(Boolean)).toContain('Evaluasi dibuka kembali: Salah pilih rating perilaku');
    expect((await s.evaluations.get(ev.id))?.status).toBe('DRAF');
  });

  it('tindak lanjut is written only after final', async () => {
    const { s, skp } = await setUp();
    await approve(s, skp.id);
    const ev = await s.evaluations.start(skp.id, Q1);
    const rek = { pengembangan: 'Diklat pelayanan publik', penghargaan: '', pembinaan: '' };
    expect((await refusal(s.evaluations.saveRekomendasi(ev.id, rek))).code).toBe('rekomendasiNeedsFinal');
  });

  it('bukti dukung: PDF kept, other types and big files refused, removal is a tombstone', async () => {
    const { s, skp } = await setUp();
    await approve(s, skp.id);
    const ev = await s.evaluations.start(skp.id, Q1);
    const rhkId = skp.rhk[0]!.id;
    const a = await s.evaluations.addAttachment(ev.id, rhkId, 'laporan.pdf', new TextEncoder().encode('%PDF-1.7 laporan'));
    expect(a).toMatchObject({ nama: 'laporan.pdf', tipe: 'application/pdf', ukuran: 16 });
    expect(new TextDecoder().decode((await s.evaluations.attachmentData(a.id))!.data)).toBe('%PDF-1.7 laporan');
    expect((await refusal(s.evaluations.addAttachment(ev.id, rhkId, 'virus.pdf', new TextEncoder().encode('MZ....')))).code).toBe('attachmentType');
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    const err = await refusal(s.evaluations.addAttachment(ev.id, rhkId, 'foto.jpg', big));
    expect(err.code).toBe('attachmentTooLarge');
    expect(err.params).toMatchObject({ nama: 'foto.jpg', maxMb: 2 });
    await s.evaluations.removeAttachment(a.id);
    expect(await s.evaluations.attachments(ev.id)).toEqual([]);
    expect((await s.db.attachments.get(a.id))?.deleted).toBe(true);
  });

  it('capaian organisasi is set once per unit and period, with a justification', async () => {
    const { s, kec } = await setUp();
    await s.evaluations.setUnitResult(kec.id, Q1, { capaian: 'BAIK' });
    await s.evaluations.setUnitResult(kec.id, Q1, { justifikasi: ' Semua target terlampaui ' });
    const r = await s.evaluations.unitResult(kec.id, Q1);
    expect(r).toMatchObject({ capaian: 'BAIK', justifikasi: 'Semua target terlampaui', year: 2026 });
    expect(await s.evaluations.unitResults(2026)).toHaveLength(1);
  });

  it('an adjusted rule pack is recorded on later evaluations and explains their predikat', async () => {
    const { s, skp } = await setUp();
    await approve(s, skp.id);
    const before = await s.evaluations.start(skp.id, Q1);
    const edited = structuredClone(PERMENPANRB_6_2022);
    edited.predikatLabels.KURANG_MISCONDUCT = 'Kurang';
    const active = await s.rulePacks.saveAdjusted(edited);
    expect(active.version).toBe(2);
    expect((await s.rulePacks.active()).predikatLabels.KURANG_MISCONDUCT).toBe('Kurang');
    const after = await s.evaluations.start(skp.id, Q4);
    expect(before.rulePack.version).toBe(1);
    expect(after.rulePack.version).toBe(2);
    expect((await s.rulePacks.get(before.rulePack)).predikatLabels.KURANG_MISCONDUCT).toBe('Kurang/Misconduct');
    const bad = structuredClone(PERMENPANRB_6_2022);
    bad.angkaKredit.conversion.BAIK = -1;
    expect((await refusal(s.rulePacks.saveAdjusted(bad))).code).toBe('rulePackInvalid');
  });

  it('the cadence of a year cannot change once evaluations exist', async () => {
    const { s, skp } = await setUp();
    await s.years.setCadence(2026, 'SEMESTER');
    expect((await s.years.periods(2026)).map((p) => p.label)).toEqual(['SEMESTER I', 'SEMESTER II']);
    await s.years.setCadence(2026, 'TRIWULANAN');
    await approve(s, skp.id);
    await s.evaluations.start(skp.id, Q1);
    const err = await refusal(s.years.setCadence(2026, 'BULANAN'));
    expect(err.code).toBe('cadenceInUse');
    expect(await s.years.cadence(2026)).toBe('TRIWULANAN');
  });

  it('training records count toward the yearly JP and refuse nonsense', async () => {
    const { s, staf } = await setUp();
    await s.trainings.add(staf.id, 2026, { nama: 'Pelatihan pelayanan prima', mulai: '2026-03-02', selesai: '2026-03-03', jp: 16 });
    expect((await refusal(s.trainings.add(staf.id, 2026, { nama: 'X', mulai: '2026-03-02', selesai: '', jp: 0 }))).code).toBe('trainingJpInvalid');
    expect((await refusal(s.trainings.add(staf.id, 2026, { nama: ' ', mulai: '2026-03-02', selesai: '', jp: 2 }))).code).toBe('trainingNameRequired');
    const list = await s.trainings.forEmployee(staf.id, 2026);
    expect(list.map((t) => t.jp)).toEqual([16]);
    await s.trainings.remove(list[0]!.id);
    expect(await s.trainings.forEmployee(staf.id, 2026)).toEqual([]);
  });
});

describe('lembar penilaian import', () => {
  it('starts a missing evaluation and fills a draft with the predikat from the matrix, logged and undoable; a Final one since the preview writes nothing', async () => {
    const { s, camat, skp } = await setUp();
    await approve(s, skp.id);
    const other = await s.employees.save(null, person('199507072019022003', 'Dewi', { atasanId: camat.id, golongan: 'II/c', jabatan: 'Pengolah Data' }));
    const otherSkp = await s.skps.create(other.id, 2026);
    await s.skps.save(otherSkp.id, { rhk: [rhk('Data kependudukan')] });
    await approve(s, otherSkp.id);
    const draft = await s.evaluations.start(otherSkp.id, Q1);
    const hasil = { [skp.rhk[0]!.id]: { realisasi: '3 laporan', buktiDukung: '', umpanBalik: [] } };
    const meta = { fileName: 'lembar.xlsx', sha256: 'x', onlyValid: false };
    const plan = {
      year: 2026,
      periodId: Q1,
      creates: [{ skpId: skp.id, nama: 'Staf', hasil, ratingHasil: 'DI_ATAS_EKSPEKTASI' as const, ratingPerilaku: 'SESUAI_EKSPEKTASI' as const }],
      updates: [{ evaluation: { id: draft.id, rev: draft.rev }, nama: 'Dewi', hasil: {}, ratingHasil: 'DI_BAWAH_EKSPEKTASI' as const, ratingPerilaku: 'DI_BAWAH_EKSPEKTASI' as const, predikat: '' as const }],
      unchanged: 0,
      errors: [],
      errorRows: 0,
      madeAt: '',
    };
    const log = await s.imports.commitEvaluations(plan, meta, s.evaluations);
    expect(log).toMatchObject({ kind: 'realisasi', counts: { baru: 1, berubah: 1 } });
    const started = (await s.evaluations.listByPeriod(Q1)).find((e) => e.skpId === skp.id)!;
    expect(started).toMatchObject({ status: 'DRAF', predikat: 'BAIK', pegawai: { nama: 'Staf' }, hasil });
    // The predikat comes from the matrix, whatever the plan said.
    expect((await s.evaluations.get(draft.id))!.predikat).toBe(PERMENPANRB_6_2022.matrix.DI_BAWAH_EKSPEKTASI.DI_BAWAH_EKSPEKTASI);

    await s.imports.undo(log.id);
    expect((await s.evaluations.listByPeriod(Q1)).map((e) => e.skpId)).toEqual([otherSkp.id]);
    expect((await s.evaluations.get(draft.id))!.ratingHasil).toBe('');

    const now = (await s.evaluations.get(draft.id))!;
    await s.evaluations.save(now.id, { ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI', hasil: { [otherSkp.id]: { realisasi: 'x', buktiDukung: '', umpanBalik: [] } } });
    const fresh = (await s.evaluations.get(draft.id))!;
    const stale = { ...plan, creates: [], updates: [{ ...plan.updates[0]!, evaluation: { id: fresh.id, rev: fresh.rev } }] };
    await s.db.evaluations.put({ ...fresh, status: 'FINAL' });
    expect((await refusal(s.imports.commitEvaluations(stale, meta, s.evaluations))).code).toBe('importStale');
  });
});
