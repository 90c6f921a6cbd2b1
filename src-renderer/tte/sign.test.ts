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
import { testCa, signerP12 } from './tte.testkit';
import { verifySignedPdf } from './verify';

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

const ca = testCa();
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
    location: 'Curug',
    signingTime: new Date(),
    stamp: { page: 0, rect: [40, 40, 260, 90], lines: ['Ditandatangani secara elektronik oleh', s.identity.name, `NIP ${s.identity.nip ?? '-'}`] },
  });

beforeAll(async () => {
  installTestFonts();
  const skp = sampleSkp(4);
  const opts = { ...SAMPLE_OPTIONS, orientation: 'landscape' as const };
  const eva = await prepareDocument({ kind: 'EVA', evaluation: sampleEvaluation(skp), skp, pack: PERMENPANRB_6_2022, capaian: 'BAIK' }, opts);
  form = await renderPdf(documentDefinition([eva], opts, 'uji'));
  signer = await open(signerP12(ca));
}, 60_000);

describe('opening a .p12 (#31)', () => {
  it('reads the signer: name, NIP from the subject, issuer, validity', () => {
    expect(signer.identity).toMatchObject({ name: 'Rina Marlina', nip: '198211032006042011', issuer: 'Kinerja Luring Test Root CA' });
    expect(signer.chain).toHaveLength(1);
  });

  it('says which of the ways it failed: wrong passphrase, no signing key, not a .p12', async () => {
    expect(await openP12(signerP12(ca), 'salah')).toEqual({ ok: false, code: 'wrongPassphrase' });
    expect(await openP12(signerP12(ca, { withoutKey: true }), 'rahasia')).toEqual({ ok: false, code: 'noSigningKey' });
    expect(await openP12(new TextEncoder().encode('%PDF-1.4 bukan p12'), 'rahasia')).toEqual({ ok: false, code: 'notP12' });
  });

  it('an expired certificate is told apart before signing', async () => {
    const old = await open(signerP12(ca, { from: new Date('2020-01-01'), to: new Date('2021-01-01') }));
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
    const bsre = testCa('Root CA BSrE');
    const byBsre = await sign(form, await open(signerP12(bsre)));
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
