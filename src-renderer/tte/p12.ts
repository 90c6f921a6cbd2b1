/**
 * Opening a signer's .p12 (#31). node-forge reads PKCS#12 (WebCrypto cannot); the private key then
 * goes straight into WebCrypto as a non-extractable key, so it is held for one signing session in
 * the worker and never leaves it. Nothing of the passphrase or the key is stored.
 */
import forge from 'node-forge';

export interface SignerIdentity {
  /** The certificate's common name. */
  name: string;
  /** An 18-digit NIP found in the subject (serialNumber, or the CN / OU text), when present. */
  nip: string | null;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
}

export interface OpenedP12 {
  key: CryptoKey;
  /** DER of the signer's certificate, then the rest of the chain found in the file. */
  certificate: Uint8Array;
  chain: Uint8Array[];
  identity: SignerIdentity;
}

export type P12Problem = 'notP12' | 'wrongPassphrase' | 'noSigningKey' | 'keyNotRsa';
export type OpenResult = { ok: true; signer: OpenedP12 } | { ok: false; code: P12Problem };

const derOf = (cert: forge.pki.Certificate) => binary(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes());

function binary(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function text(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

function field(attrs: forge.pki.CertificateField[], name: string): string {
  return String(attrs.find((a) => a.shortName === name || a.name === name)?.value ?? '');
}

/** "CN=…, O=…, C=ID" for the issuer line on the stamp and the verification screen. */
export function distinguishedName(attrs: forge.pki.CertificateField[]): string {
  return attrs
    .map((a) => `${a.shortName ?? a.name}=${String(a.value)}`)
    .reverse()
    .join(', ');
}

const NIP = /(?<!\d)(\d{18})(?!\d)/;

export function identityOf(cert: forge.pki.Certificate): SignerIdentity {
  const subject = cert.subject.attributes;
  const nipText = [field(subject, 'serialNumber'), field(subject, 'CN'), field(subject, 'OU')].join(' ');
  return {
    name: field(subject, 'CN') || distinguishedName(subject),
    nip: NIP.exec(nipText)?.[1] ?? null,
    issuer: field(cert.issuer.attributes, 'CN') || distinguishedName(cert.issuer.attributes),
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
  };
}

/** Reads the .p12 with its passphrase; the one sentence for each way it fails is in the catalog (tte.p12.*). */
export async function openP12(bytes: Uint8Array, passphrase: string): Promise<OpenResult> {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(text(bytes), false);
  } catch {
    return { ok: false, code: 'notP12' };
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (err) {
    // forge says "Invalid password?" or fails the MAC check when the passphrase is wrong.
    return { ok: false, code: /password|mac/i.test(String((err as Error)?.message)) ? 'wrongPassphrase' : 'notP12' };
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
  const privateKey = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) return { ok: false, code: 'noSigningKey' };
  if (!privateKey.n) return { ok: false, code: 'keyNotRsa' };
  // The signer's certificate is the one whose public key matches the private key.
  const mine = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.equals(privateKey.n) && pub.e?.equals(privateKey.e);
  });
  if (!mine) return { ok: false, code: 'noSigningKey' };
  const pkcs8 = binary(forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(privateKey))).getBytes());
  const key = await crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  pkcs8.fill(0);
  return { ok: true, signer: { key, certificate: derOf(mine), chain: certs.filter((c) => c !== mine).map(derOf), identity: identityOf(mine) } };
}
