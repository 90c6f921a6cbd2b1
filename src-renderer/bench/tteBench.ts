/**
 * Electronic signature (#31): a batch of forms made and then signed in one go, against making them
 * alone (goal ≤ 1.2×); one 4-page form signed in a warm print worker (goal ≤ 250 ms); and one
 * signed form verified on the page (goal ≤ 100 ms). The certificate is made here, untimed.
 */
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import type { PrintJob } from '../print/model';
import { warmPrintWorkers } from '../jobs/printPool';
import { PrintRun, workerCount } from '../jobs/printClient';
import { SAMPLE_OPTIONS, sampleEvaluation, sampleSkp } from '../sample/printSamples';
import { signerP12, testCa } from '../tte/tte.testkit';
import { verifySignedPdf } from '../tte/verify';

function evaluations(n: number, rhk: number): PrintJob[] {
  const skp = sampleSkp(rhk);
  return Array.from({ length: n }, (_, i) => {
    const pegawai = { ...skp.pegawai, employeeId: `emp-${i}`, nama: `Pegawai Contoh ${i + 1}, S.Kom.`, nip: `1990031520150310${String(i % 100).padStart(2, '0')}` };
    return { kind: 'EVA' as const, evaluation: sampleEvaluation({ ...skp, pegawai }, { id: `eva-${i}`, pegawai }), skp: { ...skp, pegawai }, pack: PERMENPANRB_6_2022, capaian: 'BAIK' as const };
  });
}

export async function tteBench(n: number) {
  const ca = await testCa();
  const p12 = await signerP12(ca, { passphrase: 'bench' });
  const opts = { ...SAMPLE_OPTIONS, orientation: 'landscape' as const };
  // As the Cetak screen does: the signing worker is readied when the panel opens, untimed here.
  const ready = async () => {
    await warmPrintWorkers(1);
    const r = new PrintRun();
    r.prepareSigning();
    await new Promise((done) => setTimeout(done, 1500));
    return r;
  };
  let run = new PrintRun();
  const sign = (bytes: Uint8Array, records: { title: string; ownerNama: string; code: string }[]) =>
    run.sign({ p12, passphrase: 'bench', allowExpired: false, output: { bytes, zip: false }, docs: records.map((r) => ({ title: r.title, ownerNama: r.ownerNama, code: r.code })), paper: opts.paper, location: 'Curug', now: new Date(), signedAt: '-' });

  // One form first: it also loads the signing code into a worker the way a first click does.
  await warmPrintWorkers(1);
  const one = await new PrintRun().run(evaluations(1, 4), opts, 'SATU_PDF', 'satu', () => {});
  run = await ready();
  const t0 = performance.now();
  const signedOne = await sign(one.bytes, one.records);
  const firstSignMs = performance.now() - t0;
  if (!signedOne.ok) throw new Error(signedOne.code);
  run = await ready();
  const t1 = performance.now();
  await sign(one.bytes, one.records);
  const signMs = performance.now() - t1;
  const t2 = performance.now();
  const verified = await verifySignedPdf(signedOne.bytes, [ca.rootDer]);
  const verifyMs = performance.now() - t2;
  if (verified.state !== 'signed' || !verified.signatures[0]?.intact) throw new Error('bench signature did not verify');

  await warmPrintWorkers(workerCount(n));
  const t3 = performance.now();
  const made = await new PrintRun().run(evaluations(n, 3), opts, 'SATU_PDF', 'bench', () => {});
  const makeMs = performance.now() - t3;
  run = await ready();
  const t4 = performance.now();
  const batch = await sign(made.bytes, made.records);
  const batchSignMs = performance.now() - t4;
  if (!batch.ok) throw new Error(batch.code);
  return { onePages: one.pages, firstSignMs, signMs, verifyMs, pages: made.pages, makeMs, batchSignMs };
}
