/**
 * Verifying a signed PDF offline (#31): is it unchanged since signing, who signed and when, was the
 * certificate valid then, and does its chain end in a root this office installed. Revocation is
 * never claimed: it cannot be checked without a network, and the screen always says so.
 */
import * as pkijs from 'pkijs';
import { certificateOf, verifyDetached } from './cms';
import { findSignatures, keywordsOf } from './pdfSignature';

export type Trust = 'bsre' | 'trusted' | 'unknown';

export interface SignatureCheck {
  /** The CMS signature matches the signed bytes. */
  intact: boolean;
  /** Nothing was added to the file after this signature. */
  coversWholeFile: boolean;
  signer: { name: string; nip: string | null; issuer: string; notBefore: Date; notAfter: Date } | null;
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

const OIDS = { cn: '2.5.4.3', serialNumber: '2.5.4.5', ou: '2.5.4.11', o: '2.5.4.10' };
const CODE = /\bKL-[A-Z]{3}-[0-9A-Z-]+/g;
/** A root is BSrE's when its name says so: Balai Sertifikasi Elektronik, BSSN's certification authority. */
const BSRE = /BSrE|Balai Sertifikasi Elektronik|Badan Siber dan Sandi Negara/i;

function nameParts(name: pkijs.RelativeDistinguishedNames): Map<string, string> {
  return new Map(name.typesAndValues.map((tv) => [tv.type, String(tv.value.valueBlock.value)]));
}

export function describe(cert: pkijs.Certificate): NonNullable<SignatureCheck['signer']> {
  const subject = nameParts(cert.subject);
  const issuer = nameParts(cert.issuer);
  const nipText = [subject.get(OIDS.serialNumber), subject.get(OIDS.cn), subject.get(OIDS.ou)].join(' ');
  return {
    name: subject.get(OIDS.cn) ?? '',
    nip: /(?<!\d)(\d{18})(?!\d)/.exec(nipText)?.[1] ?? null,
    issuer: issuer.get(OIDS.cn) ?? issuer.get(OIDS.o) ?? '',
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
  };
}

async function trustOf(signer: pkijs.Certificate, others: pkijs.Certificate[], roots: pkijs.Certificate[], at: Date): Promise<{ trust: Trust; root: string | null }> {
  if (roots.length === 0) return { trust: 'unknown', root: null };
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: roots, certs: [signer, ...others], checkDate: at });
  const result = await engine.verify().catch(() => null);
  if (!result?.result || !result.certificatePath?.length) return { trust: 'unknown', root: null };
  const top = result.certificatePath[result.certificatePath.length - 1]!;
  const parts = nameParts(top.subject);
  const root = parts.get(OIDS.cn) ?? parts.get(OIDS.o) ?? '';
  return { trust: BSRE.test([...parts.values()].join(' ')) ? 'bsre' : 'trusted', root };
}

/** `roots`: DER of the roots the office installed in Pengaturan (empty by default). */
export async function verifySignedPdf(pdf: Uint8Array, roots: readonly Uint8Array[], now = new Date()): Promise<Verification> {
  if (new TextDecoder('latin1').decode(pdf.subarray(0, 1024)).indexOf('%PDF-') < 0) return { state: 'notPdf' };
  const found = findSignatures(pdf);
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
  const keywordCodes = keywordsOf(pdf).match(CODE) ?? [];
  const signatures: SignatureCheck[] = [];
  for (const f of found) {
    const cms = await verifyDetached(f.cms, f.signed);
    const signer = cms?.signer ?? null;
    const at = f.signingTime ?? now;
    const described = signer ? describe(signer) : null;
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

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
export const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** A root certificate file an office adds in Pengaturan: DER or PEM; it must issue itself. */
export async function readRootCertificate(bytes: Uint8Array): Promise<{ ok: true; root: RootCertificate } | { ok: false; code: RootProblem }> {
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(new TextDecoder('latin1').decode(bytes));
  let der = bytes;
  if (pem) {
    try {
      der = fromB64(pem[1]!.replace(/\s/g, ''));
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
  const fingerprint = [...new Uint8Array(await crypto.subtle.digest('SHA-256', der.slice().buffer))].map((x) => x.toString(16).padStart(2, '0')).join('');
  const parts = nameParts(cert.subject);
  return { ok: true, root: { name: parts.get(OIDS.cn) ?? parts.get(OIDS.o) ?? fingerprint.slice(0, 16), der: b64(der), fingerprint, notAfter: cert.notAfter.value.toISOString() } };
}
