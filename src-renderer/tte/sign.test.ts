import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import { SAMPLE_OPTIONS, sampleEvaluation, sampleSkp } from '../sample/printSamples';
import { documentDefinition, prepareDocument } from '../print/documents';
import { installTestFonts } from '../print/pdf.testkit';
import { renderPdf } from '../print/render';
import { openP12, type OpenedP12 } from './p12';
import { signPdf, validityAt } from './sign';
import { leafCertificate, pemOf, testCa, signerP12 } from './tte.testkit';
import { readRootCertificate, verifySignedPdf } from './verify';
import { prepareForEsign, signOutput, type SignRequest } from './signOutput';
import { pdfPages } from '../print/pdfText.testkit';
import { unzipSync, zipSync } from 'fflate';
import type { PengesahanDoc } from '../print/pengesahan';

const dir = mkdtempSync(path.join(tmpdir(), 'tte-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** poppler's own verdict on a file: the lines pdfsig prints. */
function pdfsig(bytes: Uint8Array): string {
  const file = path.join(dir, `f-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
}

let ca: Awaited<ReturnType<typeof testCa>>;
const CODE = 'KL-EVA-199001152015031002-2026TW1-7K3F9Q2M';
let form: Uint8Array;
let signer: OpenedP12;

async function open(p12: Uint8Array, pass = 'rahasia'): Promise<OpenedP12> {
  const r = await openP12(p12, pass);
  if (!r.ok) throw new Error(r.code);
  return r.signer;
}

const sign = (pdf: Uint8Array, s: OpenedP12) =>
  signPdf(pdf, s, {
    reason: `Evaluasi kinerja; kode verifikasi ${CODE}`,
    codes: [],
    location: 'Curug',
    signingTime: new Date(),
    stamp: { page: 0, rect: [40, 40, 260, 90] },
  });

beforeAll(async () => {
  installTestFonts();
  ca = await testCa();
  const skp = sampleSkp(4);
  const opts = { ...SAMPLE_OPTIONS, orientation: 'landscape' as const };
  const eva = await prepareDocument({ kind: 'EVA', evaluation: sampleEvaluation(skp), skp, pack: PERMENPANRB_6_2022, capaian: 'BAIK' }, opts);
  form = await renderPdf(documentDefinition([eva], opts, 'uji'));
  signer = await open(await signerP12(ca));
}, 60_000);

describe('opening a .p12 (#31)', () => {
  it('reads the signer: name, NIP from the subject, issuer, validity', () => {
    expect(signer.identity).toMatchObject({ name: 'Rina Marlina', nip: '198211032006042011', issuer: 'Kinerja Luring Test Root CA' });
    expect(signer.chain).toHaveLength(1);
  });

  it('says which of the ways it failed: wrong passphrase, no signing key, not a .p12', async () => {
    expect(await openP12(await signerP12(ca), 'salah')).toEqual({ ok: false, code: 'wrongPassphrase' });
    expect(await openP12(await signerP12(ca, { withoutKey: true }), 'rahasia')).toEqual({ ok: false, code: 'noSigningKey' });
    expect(await openP12(new TextEncoder().encode('%PDF-1.4 bukan p12'), 'rahasia')).toEqual({ ok: false, code: 'notP12' });
  });

  it('an expired certificate is told apart before signing', async () => {
    const old = await open(await signerP12(ca, { from: new Date('2020-01-01'), to: new Date('2021-01-01') }));
    expect(validityAt(old, new Date())).toBe('expired');
    expect(validityAt(signer, new Date())).toBe('valid');
  });
});

describe('a signed form (#31)', () => {
  let signed: Uint8Array;
  beforeAll(async () => {
    signed = await sign(form, signer);
  }, 60_000);

  it('poppler reports the signature valid, the whole document signed, as PAdES (ETSI.CAdES.detached)', () => {
    const out = pdfsig(signed);
    expect(out).toContain('Signer Certificate Common Name: Rina Marlina');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
  });

  it('our verifier: unchanged, who signed, when, the codes it names; issuer unknown without an installed root', async () => {
    const v = await verifySignedPdf(signed, []);
    expect(v.state).toBe('signed');
    if (v.state !== 'signed') return;
    const [s] = v.signatures;
    expect(s).toMatchObject({ intact: true, coversWholeFile: true, validAtSigning: true, trust: 'unknown', codes: [CODE], pades: true });
    expect(s?.signer).toMatchObject({ name: 'Rina Marlina', nip: '198211032006042011', issuer: 'Kinerja Luring Test Root CA' });
    expect(Math.abs(s!.signingTime!.getTime() - Date.now())).toBeLessThan(120_000);
  });

  it('trusted: the root the office installed; "BSrE" only when that root is BSrE\'s', async () => {
    const installed = await verifySignedPdf(signed, [ca.rootDer]);
    expect(installed.state === 'signed' && installed.signatures[0]).toMatchObject({ trust: 'trusted', root: 'Kinerja Luring Test Root CA' });
    const bsre = await testCa('Root CA BSrE');
    const byBsre = await sign(form, await open(await signerP12(bsre)));
    const v = await verifySignedPdf(byBsre, [ca.rootDer, bsre.rootDer]);
    expect(v.state === 'signed' && v.signatures[0]?.trust).toBe('bsre');
    // Another root installed is not BSrE's, however the signer's own certificate is named.
    const other = await verifySignedPdf(byBsre, [ca.rootDer]);
    expect(other.state === 'signed' && other.signatures[0]?.trust).toBe('unknown');
  }, 60_000);

  it('one byte changed: our verifier and poppler both say the document was altered', async () => {
    const tampered = signed.slice();
    const at = new TextDecoder('latin1').decode(tampered).indexOf('Tersusun');
    const i = at > 0 ? at : 2000;
    tampered[i] = tampered[i]! ^ 0x01;
    const v = await verifySignedPdf(tampered, [ca.rootDer]);
    expect(v.state === 'signed' && v.signatures[0]).toMatchObject({ intact: false, trust: 'unknown' });
    expect(pdfsig(tampered)).toMatch(/Digest Mismatch|Signature is Invalid/);
  });

  it('bytes added after signing are seen, even when the signed part is intact', async () => {
    const appended = new Uint8Array([...signed, ...new TextEncoder().encode('\n1 0 obj\n<< /Evil true >>\nendobj\n')]);
    const v = await verifySignedPdf(appended, []);
    expect(v.state === 'signed' && v.signatures[0]).toMatchObject({ intact: true, coversWholeFile: false });
  });

  it('a PDF never signed, and a file that is no PDF', async () => {
    expect(await verifySignedPdf(form, [])).toEqual({ state: 'unsigned' });
    expect(await verifySignedPdf(new TextEncoder().encode('bukan pdf'), [])).toEqual({ state: 'notPdf' });
  });
});

describe('signing what Cetak made: a pengesahan page, one .p12 for the whole batch (#31)', () => {
  const docs: PengesahanDoc[] = [
    { title: 'Evaluasi Kinerja Pegawai', ownerNama: 'Budi Santoso, S.Kom.', code: CODE },
    { title: 'Evaluasi Kinerja Pegawai', ownerNama: 'Dewi Lestari', code: 'KL-EVA-199507072019022003-2026TW1-ABCD2345' },
  ];
  let p12: Uint8Array;
  beforeAll(async () => {
    p12 = await signerP12(ca);
  });
  const request = (over: Partial<SignRequest>): SignRequest => ({
    p12, passphrase: 'rahasia', allowExpired: false, output: { bytes: form, zip: false }, docs, paper: 'A4', location: 'Curug', now: new Date(), signedAt: '8 Desember 2026 10.15 WIB', ...over,
  });

  it('one PDF: its forms, then the pengesahan page with the stamp; valid for poppler; both codes named and signed', async () => {
    const out = await signOutput(request({}));
    if (!out.ok) throw new Error(out.code);
    const pages = await pdfPages(out.bytes);
    const formPages = (await pdfPages(form)).length;
    expect(pages).toHaveLength(formPages + 1);
    // Cetak's "Selesai: … halaman" counts the pengesahan page too.
    expect(out.pages).toBe(formPages + 1);
    const last = pages[pages.length - 1]!.text;
    for (const text of ['LEMBAR PENGESAHAN TANDA TANGAN ELEKTRONIK', 'Ditandatangani secara elektronik oleh', 'Rina Marlina', 'NIP 19821103 200604 2 011', 'Penerbit sertifikat: Kinerja Luring Test Root CA', 'Status pencabutan sertifikat tidak dapat diperiksa tanpa jaringan']) expect(last).toContain(text);
    expect(pdfsig(out.bytes)).toContain('Signature Validation: Signature is Valid.');
    const v = await verifySignedPdf(out.bytes, [ca.rootDer]);
    expect(v.state === 'signed' && v.signatures[0]).toMatchObject({ intact: true, coversWholeFile: true, trust: 'trusted', codes: docs.map((d) => d.code) });
  }, 60_000);

  it('a zip: each employee\'s PDF signed on its own, with its own code', async () => {
    const zip = zipSync({ 'EVA-Budi.pdf': form, 'EVA-Dewi.pdf': form }, { level: 0 });
    const out = await signOutput(request({ output: { bytes: zip, zip: true } }));
    if (!out.ok) throw new Error(out.code);
    const files = unzipSync(out.bytes);
    expect(Object.keys(files)).toEqual(['EVA-Budi-TTE.pdf', 'EVA-Dewi-TTE.pdf']);
    const second = await verifySignedPdf(files['EVA-Dewi-TTE.pdf']!, []);
    expect(second.state === 'signed' && second.signatures[0]?.codes).toEqual([docs[1]!.code]);
  }, 60_000);

  it('an expired certificate signs only when chosen, and the stamp says so; a wrong passphrase signs nothing', async () => {
    const old = await signerP12(ca, { from: new Date('2020-01-01'), to: new Date('2021-01-01') });
    expect(await signOutput(request({ p12: old }))).toEqual({ ok: false, code: 'expired' });
    const out = await signOutput(request({ p12: old, allowExpired: true }));
    if (!out.ok) throw new Error(out.code);
    const pages = await pdfPages(out.bytes);
    expect(pages[pages.length - 1]!.text).toContain('Sertifikat sudah kedaluwarsa saat ditandatangani');
    const v = await verifySignedPdf(out.bytes, [ca.rootDer]);
    expect(v.state === 'signed' && v.signatures[0]).toMatchObject({ intact: true, validAtSigning: false });
    expect(await signOutput(request({ passphrase: 'salah' }))).toEqual({ ok: false, code: 'wrongPassphrase' });
  }, 60_000);
});

describe('"PDF siap TTE" for the instansi\'s esign service (#31 item 4)', () => {
  it('an empty signature field named TTE on the pengesahan page; what the service signs still names our codes', async () => {
    const docs: PengesahanDoc[] = [{ title: 'Evaluasi Kinerja Pegawai', ownerNama: 'Budi Santoso, S.Kom.', code: CODE }];
    const ready = await prepareForEsign({ output: { bytes: form, zip: false }, docs, paper: 'A4', location: 'Curug', now: new Date(), signedAt: '-' });
    expect(pdfsig(ready)).toMatch(/Signature Field Name: TTE|unsigned signature field|does not contain any signatures/i);
    const pages = await pdfPages(ready);
    expect(pages[pages.length - 1]!.text).toContain('Tempat tanda tangan elektronik');
    expect(await verifySignedPdf(ready, [])).toEqual({ state: 'unsigned' });
    // The service signs with its own reason: the codes still come from the signed Keywords.
    const service = await open(await signerP12(await testCa('Layanan TTE Instansi Uji')));
    const back = await signPdf(ready, service, { reason: 'Disetujui', codes: [], location: 'Tangerang', signingTime: new Date(), stamp: { page: 0, rect: [0, 0, 0, 0] } });
    const v = await verifySignedPdf(back, []);
    expect(v.state === 'signed' && v.signatures[0]).toMatchObject({ intact: true, codes: [CODE] });
  }, 60_000);
});

describe('the roots an office installs, and PDFs that are not ours (#31)', () => {
  it('a root is read from DER or PEM; a certificate issued by someone else, or any other file, is refused with its reason', async () => {
    const der = await readRootCertificate(ca.rootDer);
    const pem = await readRootCertificate(new TextEncoder().encode(pemOf(ca)));
    expect(der.ok && der.root.name).toBe('Kinerja Luring Test Root CA');
    expect(pem.ok && pem.root.fingerprint).toBe(der.ok && der.root.fingerprint);
    expect(await readRootCertificate(await leafCertificate(ca))).toEqual({ ok: false, code: 'notCa' });
    expect(await readRootCertificate(new TextEncoder().encode('bukan sertifikat'))).toEqual({ ok: false, code: 'notCertificate' });
  });

  it('a PDF signed elsewhere, naming none of our codes, says so (the screen: "bukan buatan aplikasi ini")', async () => {
    const { PDFDocument } = await import('@cantoo/pdf-lib');
    const foreign = await PDFDocument.create();
    foreign.addPage();
    const signedElsewhere = await signPdf(await foreign.save(), signer, { reason: 'Surat edaran', codes: [], location: 'Jakarta', signingTime: new Date(), stamp: { page: 0, rect: [0, 0, 0, 0] } });
    const v = await verifySignedPdf(signedElsewhere, []);
    expect(v.state === 'signed' && v.signatures[0]).toMatchObject({ intact: true, codes: [] });
  });
});
