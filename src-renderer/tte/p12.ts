/**
 * Opening a signer's .p12 (#31). node-forge reads PKCS#12 (WebCrypto cannot); the private key then
 * goes straight into WebCrypto as a non-extractable key, so it is held for one signing session in
 * the worker and never leaves it. Nothing of the passphrase or the key is stored.
 */
import forge from 'node-forge';
import { certificateFacts, certificateOf, type CertificateFacts } from './cms';

/** The signer as the certificate names them (cms.ts reads it the same way for Verifikasi). */
export type SignerIdentity = CertificateFacts;

export interface OpenedP12 {
  key: CryptoKey;
  /** DER of the signer's certificate, then the rest of the chain found in the file. */
  certificate: Uint8Array;
  chain: Uint8Array[];
  identity: SignerIdentity;
}

export type P12Problem = 'notP12' | 'wrongPassphrase' | 'noSigningKey' | 'keyNotRsa';
export type OpenResult = { ok: true; signer: OpenedP12 } | { ok: false; code: P12Problem };

// forge works on binary strings; its own codec turns them to and from bytes.
const bytesOf = (binary: string) => forge.util.binary.raw.decode(binary);
const derOf = (cert: forge.pki.Certificate) => bytesOf(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes());

/** Reads the .p12 with its passphrase; the one sentence for each way it fails is in the catalog (tte.p12.*). */
export async function openP12(bytes: Uint8Array, passphrase: string): Promise<OpenResult> {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.binary.raw.encode(bytes), false);
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
  const pkcs8 = bytesOf(forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(privateKey))).getBytes());
  const key = await crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  pkcs8.fill(0);
  const certificate = derOf(mine);
  return { ok: true, signer: { key, certificate, chain: certs.filter((c) => c !== mine).map(derOf), identity: certificateFacts(certificateOf(certificate)) } };
}
