/**
 * Verifying a signed PDF offline (#31): is it unchanged since signing, who signed and when, was the
 * certificate valid then, and does its chain end in a root this office installed. Revocation is
 * never claimed: it cannot be checked without a network, and the screen always says so.
 */
import * as pkijs from 'pkijs';
import { fromBase64, sha256, toBase64 } from '../exchange/bytes';
import { certificateFacts, certificateOf, nameOf, nameParts, verifyDetached, type CertificateFacts } from './cms';
import { findSignatures, keywordsOf, latin1 } from './pdfSignature';

export type Trust = 'bsre' | 'trusted' | 'unknown';

export interface SignatureCheck {
  /** The CMS signature matches the signed bytes. */
  intact: boolean;
  /** Nothing was added to the file after this signature. */
  coversWholeFile: boolean;
  signer: CertificateFacts | null;
  signingTime: Date | null;
  /** The certificate was within its validity period at the claimed signing time. */
  validAtSigning: boolean;
  trust: Trust;
  /** The installed root the chain ends in, when it does. */
  root: string | null;
  /** Verification codes named in the signed /Reason (our forms put them there). */
  codes: string[];
  pades: boolean;
}

export type Verification = { state: 'notPdf' } | { state: 'unsigned' } | { state: 'signed'; signatures: SignatureCheck[] };

const CODE = /\bKL-[A-Z]{3}-[0-9A-Z-]+/g;
/** A root is BSrE's when its name says so: Balai Sertifikasi Elektronik, BSSN's certification authority. */
const BSRE = /BSrE|Balai Sertifikasi Elektronik|Badan Siber dan Sandi Negara/i;

async function trustOf(signer: pkijs.Certificate, others: pkijs.Certificate[], roots: pkijs.Certificate[], at: Date): Promise<{ trust: Trust; root: string | null }> {
  if (roots.length === 0) return { trust: 'unknown', root: null };
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: roots, certs: [signer, ...others], checkDate: at });
  const result = await engine.verify().catch(() => null);
  if (!result?.result || !result.certificatePath?.length) return { trust: 'unknown', root: null };
  const top = result.certificatePath[result.certificatePath.length - 1]!;
  return { trust: BSRE.test([...nameParts(top.subject).values()].join(' ')) ? 'bsre' : 'trusted', root: nameOf(top.subject) };
}

/** `roots`: DER of the roots the office installed in Pengaturan (empty by default). */
export async function verifySignedPdf(pdf: Uint8Array, roots: readonly Uint8Array[], now = new Date()): Promise<Verification> {
  // The file is read as text once: the signatures and the Keywords are found in the same string.
  const text = latin1(pdf);
  if (text.slice(0, 1024).indexOf('%PDF-') < 0) return { state: 'notPdf' };
  const found = findSignatures(pdf, text);
  if (found.length === 0) return { state: 'unsigned' };
  const trusted = roots.flatMap((r) => {
    try {
      return [certificateOf(r)];
    } catch {
      return [];
    }
  });
  // The codes are named in our signature's /Reason and in the Keywords: an instansi's esign service
  // signs a "PDF siap TTE" with its own reason, and its signature covers our Keywords.
  const keywordCodes = keywordsOf(text).match(CODE) ?? [];
  const signatures: SignatureCheck[] = [];
  for (const f of found) {
    const cms = await verifyDetached(f.cms, f.signed);
    const signer = cms?.signer ?? null;
    const at = f.signingTime ?? now;
    const described = signer ? certificateFacts(signer) : null;
    const { trust, root } = signer ? await trustOf(signer, (cms?.certificates ?? []).filter((c) => c !== signer), trusted, at) : { trust: 'unknown' as const, root: null };
    signatures.push({
      intact: Boolean(cms?.intact),
      coversWholeFile: f.coversWholeFile,
      signer: described,
      signingTime: f.signingTime,
      validAtSigning: described ? at >= described.notBefore && at <= described.notAfter : false,
      trust: cms?.intact ? trust : 'unknown',
      root: cms?.intact ? root : null,
      codes: [...new Set([...(f.reason.match(CODE) ?? []), ...keywordCodes])],
      pades: f.subFilter === 'ETSI.CAdES.detached',
    });
  }
  return { state: 'signed', signatures };
}

export type RootProblem = 'notCertificate' | 'notCa';
export interface RootCertificate {
  name: string;
  /** Base64 of the DER, as it is kept in the settings row. */
  der: string;
  /** SHA-256 of the DER, hex: how the list tells roots apart. */
  fingerprint: string;
  notAfter: string;
}

/** An installed root's DER, from the base64 the settings row keeps. */
export const rootDer = (der: string) => new Uint8Array(fromBase64(der));

/** A root certificate file an office adds in Pengaturan: DER or PEM; it must issue itself. */
export async function readRootCertificate(bytes: Uint8Array): Promise<{ ok: true; root: RootCertificate } | { ok: false; code: RootProblem }> {
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(latin1(bytes));
  let der = bytes;
  if (pem) {
    try {
      der = rootDer(pem[1]!.replace(/\s/g, ''));
    } catch {
      return { ok: false, code: 'notCertificate' };
    }
  }
  let cert: pkijs.Certificate;
  try {
    cert = certificateOf(der);
  } catch {
    return { ok: false, code: 'notCertificate' };
  }
  if (!cert.subject.isEqual(cert.issuer)) return { ok: false, code: 'notCa' };
  const fingerprint = await sha256(der);
  return { ok: true, root: { name: nameOf(cert.subject) || fingerprint.slice(0, 16), der: toBase64(der), fingerprint, notAfter: cert.notAfter.value.toISOString() } };
}
