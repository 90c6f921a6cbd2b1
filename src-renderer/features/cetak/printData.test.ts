import { afterEach, describe, expect, it } from 'vitest';
import { DataStore } from '../../db/store';
import { prepareDocument } from '../../print/documents';
import { archiveDbName, loadArchive } from '../../db/archiveRepo';
import { batchJobs, evaluationJob, OFFICE_REKAP_ID, printOptions, defaultChoices, rekapJob, skpJob, verifyCode } from './printData';
import { person, rhk } from '../../sample/records';

let n = 0;
const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

const Q1 = '2026-TRIWULANAN-1';

async function setUp() {
  const s = await DataStore.open(`print-${++n}`);
  stores.push(s);
  await s.settings.setupOffice({ namaInstansi: 'Pemerintah Kabupaten Tangerang', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'F4', namaAdmin: 'Siti' }, new Date());
  const kec = await s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
  const camat = await s.employees.save(null, person('197001011995031001', 'Asep', { gelarDepan: 'Drs.', unitId: kec.id, golongan: 'IV/b', jabatan: 'Camat Curug' }));
  await s.units.save(kec.id, { nama: kec.nama, parentId: null, headId: camat.id, aktif: true });
  const staf = await s.employees.save(null, person('199001012015011001', 'Budi', { gelarBelakang: 'S.Kom.', unitId: kec.id, atasanId: camat.id, golongan: 'III/a', jabatan: 'Analis' }));
  const skp = await s.skps.create(staf.id, 2026);
  await s.skps.save(skp.id, { rhk: [rhk('Laporan kependudukan')] });
  await s.skps.transition(skp.id, 'AJUKAN');
  await s.skps.transition(skp.id, 'SETUJUI');
  const ev = await s.evaluations.start(skp.id, Q1);
  const rhkId = (await s.skps.get(skp.id))!.rhk[0]!.id;
  await s.evaluations.save(ev.id, { hasil: { [rhkId]: { realisasi: '12 dokumen', buktiDukung: '', umpanBalik: [] } }, ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' });
  const profile = (await s.settings.getProfile())!;
  return { s, kec, staf, skp, ev: (await s.evaluations.get(ev.id))!, rhkId, profile };
}

async function printAndLog(s: DataStore, job: Awaited<ReturnType<typeof skpJob>>, profile: Awaited<ReturnType<typeof setUp>>['profile']) {
  const opts = await printOptions(s, profile, defaultChoices(profile, 'portrait'));
  const doc = await prepareDocument(job!, opts);
  await s.prints.log([doc.record]);
  return doc.record.code;
}

describe('verifikasi dokumen', () => {
  it('an unchanged evaluation verifies; after an edit the code no longer matches and the change is named', async () => {
    const { s, ev, rhkId, profile } = await setUp();
    const code = await printAndLog(s, await evaluationJob(s, 'EVA', ev), profile);
    expect(await verifyCode(s, code)).toMatchObject({ status: 'match', ownerNama: 'Budi, S.Kom.' });
    // Typed by hand in lower case with spaces: still the same document.
    expect((await verifyCode(s, ` ${code.toLowerCase()} `)).status).toBe('match');

    await s.evaluations.save(ev.id, { hasil: { [rhkId]: { realisasi: '9 dokumen', buktiDukung: '', umpanBalik: [] } }, ratingHasil: 'DI_BAWAH_EKSPEKTASI' });
    const r = await verifyCode(s, code);
    expect(r.status).toBe('changed');
    if (r.status !== 'changed') return;
    expect(r.changes).toEqual(
      expect.arrayContaining([
        { kind: 'changed', key: 'rhk.A1.realisasi', from: '12 dokumen', to: '9 dokumen' },
        { kind: 'changed', key: 'ratingHasil', from: 'Sesuai Ekspektasi', to: 'Di Bawah Ekspektasi' },
        { kind: 'changed', key: 'predikat', from: 'Baik', to: 'Butuh Perbaikan' },
      ]),
    );
  });

  it('a code printed elsewhere (not in this log) is still checked against the record by NIP and period', async () => {
    const { s, skp, profile } = await setUp();
    const opts = await printOptions(s, profile, defaultChoices(profile, 'portrait'));
    const { record } = await prepareDocument((await skpJob(s, skp.id))!, opts);
    expect(await verifyCode(s, record.code)).toMatchObject({ status: 'match', printed: null });
    const other = record.code.slice(0, -8) + 'ABCDEFGH';
    expect(await verifyCode(s, other)).toMatchObject({ status: 'changed', changes: null });
  });

  it('unknown and malformed codes', async () => {
    const { s } = await setUp();
    expect((await verifyCode(s, 'KL-EVA-199512312020121001-2026TW1-ABCDEFGH')).status).toBe('notFound');
    expect((await verifyCode(s, 'bukan kode')).status).toBe('invalid');
  });

  it('the unit rekap lists evaluations and members, is signed by the unit head, and verifies', async () => {
    const { s, kec, profile } = await setUp();
    const job = (await rekapJob(s, kec.id, 2026, Q1))!;
    expect(job.kind).toBe('RKP');
    if (job.kind !== 'RKP') return;
    expect(job.rekap.kepala?.nama).toBe('Drs. Asep');
    expect(job.rekap.rows.map((r) => [r.nama, r.predikat])).toEqual([
      ['Budi, S.Kom.', 'BAIK'],
      ['Drs. Asep', ''],
    ]);
    expect(job.rekap.draft).toBe(true);
    const code = await printAndLog(s, job, profile);
    expect((await verifyCode(s, code)).status).toBe('match');
  });

  it('the office-wide rekap without a head to sign is left for the head of the top unit, not of "Seluruh kantor"', async () => {
    const { s, kec, profile } = await setUp();
    await s.units.save(kec.id, { nama: kec.nama, parentId: null, headId: null, aktif: true });
    const job = (await rekapJob(s, OFFICE_REKAP_ID, 2026, Q1))!;
    if (job.kind !== 'RKP') throw new Error('not a rekap');
    expect(job.rekap.unitNama).toBe('Seluruh kantor — Kecamatan Curug');
    const doc = await prepareDocument(job, await printOptions(s, profile, defaultChoices(profile, 'portrait')));
    const text = JSON.stringify(doc.content);
    expect(text).toContain('Kepala Kecamatan Curug');
    expect(text).not.toContain('Kepala Seluruh kantor');
  });

  it('print options come from the office: paper, place, margins; scans only when asked', async () => {
    const { s, profile } = await setUp();
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    const camat = (await s.employees.listAll()).find((e) => e.nama === 'Asep')!;
    await s.prints.setSignature(camat.id, png);
    const plain = await printOptions(s, profile, defaultChoices(profile, 'portrait'));
    expect(plain).toMatchObject({ paper: 'F4', office: { tempat: 'Curug' }, tandaTangan: {} });
    const scanned = await printOptions(s, profile, { ...defaultChoices(profile, 'portrait'), withScans: true });
    expect(scanned.tandaTangan[camat.id]).toMatch(/^data:image\/png;base64,/);
    await expect(s.prints.setSignature(camat.id, new TextEncoder().encode('%PDF-1.4 bukan gambar'))).rejects.toMatchObject({ code: 'imageType' });
  });

  it('print preferences, the kop logo and the DEKP emblem are checked, stored on the office and used by every print', async () => {
    const { s } = await setUp();
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    const prefs = {
      margins: { top: 10, right: 10, bottom: 20, left: 25 },
      garisBawahNama: false,
      penandatanganEvaluasi: 'PENILAI' as const,
      kolomIntervensi: 'ATASAN' as const,
      pangkatPenandatangan: true,
    };
    // 20 mm was allowed before the QR code grew to survive a photocopy; it no longer fits.
    await expect(s.settings.updatePrintPreferences(prefs)).rejects.toMatchObject({ code: 'marginInvalid', params: { sides: ['bottom'] } });
    await s.settings.updatePrintPreferences({ ...prefs, margins: { ...prefs.margins, bottom: 30 } });
    await s.settings.setLogo(png);
    await s.settings.setLambang(png);
    const big = new Uint8Array(600 * 1024);
    big.set(png.subarray(0, 8));
    await expect(s.settings.setLogo(big)).rejects.toMatchObject({ code: 'imageTooLarge', params: { sizeKb: 600, maxKb: 500 } });
    const profile = (await s.settings.getProfile())!;
    const opts = await printOptions(s, profile, defaultChoices(profile, 'landscape'));
    expect(opts).toMatchObject({ orientation: 'landscape', margins: { top: 10, bottom: 30, left: 25 }, garisBawahNama: false, penandatanganEvaluasi: 'PENILAI', kolomIntervensi: 'ATASAN', pangkatPenandatangan: true });
    expect(opts.logo).toMatch(/^data:image\/png;base64,/);
    expect(opts.lambang).toMatch(/^data:image\/png;base64,/);
    await s.settings.setLogo(null);
    expect((await s.settings.getProfile())!.office.logo).toBeNull();
  });
});

describe('an archived year (issue #33)', () => {
  it('prints from its archive with the codes it printed with; the live app sends the code to the archive', async () => {
    const { s, skp, ev, profile } = await setUp();
    const skpCode = await printAndLog(s, await skpJob(s, skp.id), profile);
    const evCode = await printAndLog(s, await evaluationJob(s, 'EVA', ev), profile);
    await s.settings.setPreferences({ activeYear: 2027 });
    const { bytes } = await s.archives.create(2026);
    await s.archives.remove(2026, bytes);
    expect(await verifyCode(s, evCode)).toEqual({ status: 'archived', code: evCode, year: 2026 });

    await loadArchive(s.db.name, (await s.archives.inspect(bytes)).tables);
    const a = await DataStore.open(archiveDbName(s.db.name), { readOnly: true });
    stores.push(a);
    const archived = (await a.settings.getProfile())!;
    expect(await printAndLog(a, await skpJob(a, skp.id), archived)).toBe(skpCode);
    expect(await printAndLog(a, await evaluationJob(a, 'EVA', (await a.evaluations.get(ev.id))!), archived)).toBe(evCode);
    // The batch Cetak offers in the archive: the year's SKPs and the period's forms.
    expect(await batchJobs(a, { kind: 'SKP', year: 2026, periodId: '', unitId: '' })).toHaveLength(1);
    expect(await batchJobs(a, { kind: 'EVA', year: 2026, periodId: Q1, unitId: '' })).toHaveLength(1);
    expect(await verifyCode(a, evCode)).toMatchObject({ status: 'match', ownerNama: 'Budi, S.Kom.' });
  });
});

describe('the capaian set for the whole office reaches the forms (§7.6)', () => {
  it('an evaluation in a seksi prints the office capaian until the seksi sets its own; the rekap and the batch agree; the code still verifies', async () => {
    const { s, kec, staf, profile } = await setUp();
    const seksi = await s.units.save(null, { nama: 'Seksi Pemerintahan', parentId: kec.id, headId: null, aktif: true });
    const dewi = await s.employees.save(null, person('199202022016022002', 'Dewi', { unitId: seksi.id, atasanId: staf.atasanId, golongan: 'III/a', jabatan: 'Pengadministrasi' }));
    const skp = await s.skps.create(dewi.id, 2026);
    await s.skps.save(skp.id, { rhk: [rhk('Register surat')] });
    await s.skps.transition(skp.id, 'AJUKAN');
    await s.skps.transition(skp.id, 'SETUJUI');
    const inSeksi = await s.evaluations.start(skp.id, Q1);
    expect(inSeksi.unitId).toBe(seksi.id);
    // "Seluruh kantor — Kecamatan Curug = Baik" on Distribusi sets the top unit's value.
    await s.evaluations.setUnitResult(kec.id, Q1, { capaian: 'BAIK' });

    const eva = await evaluationJob(s, 'EVA', inSeksi);
    const dek = await evaluationJob(s, 'DEK', inSeksi);
    expect(eva).toMatchObject({ capaian: 'BAIK' });
    expect(dek).toMatchObject({ capaian: 'BAIK' });
    const rekap = await rekapJob(s, seksi.id, 2026, Q1);
    expect(rekap?.kind === 'RKP' && rekap.rekap.capaian).toBe('BAIK');

    const code = await printAndLog(s, eva, profile);
    await s.evaluations.setUnitResult(seksi.id, Q1, { capaian: 'ISTIMEWA' });
    expect(await evaluationJob(s, 'EVA', inSeksi)).toMatchObject({ capaian: 'ISTIMEWA' });
    // The printed paper said Baik: verifying it now names the change of capaian.
    const r = await verifyCode(s, code);
    expect(r.status === 'changed' && r.changes).toEqual(expect.arrayContaining([{ kind: 'changed', key: 'capaian', from: 'Baik', to: 'Istimewa' }]));
  });

  it('a batch of a whole period reads the office capaian for everyone', async () => {
    const { s, kec } = await setUp();
    await s.evaluations.setUnitResult(kec.id, Q1, { capaian: 'BUTUH_PERBAIKAN' });
    const jobs = await batchJobs(s, { kind: 'EVA', year: 2026, periodId: Q1, unitId: '' });
    expect(jobs.map((j) => j.kind === 'EVA' && j.capaian)).toEqual(['BUTUH_PERBAIKAN']);
  });
});
