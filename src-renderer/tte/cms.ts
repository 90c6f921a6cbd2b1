/**
 * The CMS signature inside a signed PDF (PAdES baseline B-B, ETSI EN 319 142-1): detached SHA-256
 * over the byte ranges, signed attributes content-type, message-digest and signing-certificate-v2.
 * There is no signing-time attribute: in PAdES the claimed time is the signature dictionary's /M.
 * pkijs builds and checks it with WebCrypto, so the RSA work is native, in the worker or in Node.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { nipInText } from '../domain/nip';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

const buf = (b: Uint8Array): ArrayBuffer => b.slice().buffer;

export function certificateOf(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(buf(der));
}

const NAME = { cn: '2.5.4.3', serialNumber: '2.5.4.5', ou: '2.5.4.11', o: '2.5.4.10' } as const;

/** A distinguished name's parts by attribute OID. */
export function nameParts(name: pkijs.RelativeDistinguishedNames): Map<string, string> {
  return new Map(name.typesAndValues.map((tv) => [tv.type, String(tv.value.valueBlock.value)]));
}

/** What a person reads of a name: its common name, else its organisation. */
export function nameOf(name: pkijs.RelativeDistinguishedNames): string {
  const parts = nameParts(name);
  return parts.get(NAME.cn) ?? parts.get(NAME.o) ?? '';
}

/** Who a certificate names, for the stamp and for Verifikasi: one reading for both. */
export interface CertificateFacts {
  name: string;
  /** An 18-digit NIP in the subject (serialNumber, CN or OU), when present. */
  nip: string | null;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
}

export function certificateFacts(cert: pkijs.Certificate): CertificateFacts {
  const subject = nameParts(cert.subject);
  return {
    name: nameOf(cert.subject),
    nip: nipInText([subject.get(NAME.serialNumber), subject.get(NAME.cn), subject.get(NAME.ou)].join(' ')),
    issuer: nameOf(cert.issuer),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
  };
}

/** The DER of a detached CMS SignedData over `data`, signed with `key` for `certificate`. */
export async function signDetached(data: Uint8Array, key: CryptoKey, certificate: Uint8Array, chain: readonly Uint8Array[]): Promise<Uint8Array> {
  const cert = certificateOf(certificate);
  const [digest, certHash] = await Promise.all([crypto.subtle.digest('SHA-256', buf(data)), crypto.subtle.digest('SHA-256', buf(certificate))]);
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the default SHA-256.
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash })] });
  const signingCertificateV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] }),
    ],
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs,
      }),
    ],
    certificates: [cert, ...chain.map(certificateOf)],
  });
  await signedData.sign(key, 0, 'SHA-256');
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

export interface CmsCheck {
  /** The signature matches the signed bytes and the signer's certificate. */
  intact: boolean;
  signer: pkijs.Certificate | null;
  certificates: pkijs.Certificate[];
}

/** Checks a detached CMS signature over `data` (not the chain: see trust.ts). */
export async function verifyDetached(cms: Uint8Array, data: Uint8Array): Promise<CmsCheck | null> {
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(buf(cms));
    if (info.contentType !== OID.signedData) return null;
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    return null;
  }
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  try {
    const result = await signedData.verify({ signer: 0, data: buf(data), checkChain: false, extendedMode: true });
    return { intact: Boolean(result.signatureVerified), signer: result.signerCertificate ?? null, certificates };
  } catch (err) {
    const e = err as { signerCertificate?: pkijs.Certificate | null };
    return { intact: false, signer: e?.signerCertificate ?? null, certificates };
  }
}
