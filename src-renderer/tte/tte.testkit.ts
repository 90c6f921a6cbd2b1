/**
 * A test certification authority made on the spot (WebCrypto keys, node-forge certificates): a
 * root, optionally named like BSrE's, and a signer's .p12 with a passphrase. For tests and the
 * bench page; it runs in Node and in the browser alike.
 */
import forge from 'node-forge';

export interface TestCa {
  rootDer: Uint8Array;
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

const toDer = (c: forge.pki.Certificate) => forge.util.binary.raw.decode(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes());

/** A 2048-bit RSA pair: WebCrypto makes it (fast, native), forge holds it for building certificates. */
async function keyPair() {
  const pair = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
  const bin = forge.util.binary.raw.encode(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
  // forge unwraps the PKCS#8 PrivateKeyInfo itself.
  const key = forge.pki.privateKeyFromAsn1(forge.asn1.fromDer(bin));
  return { key, pub: forge.pki.setRsaPublicKey(key.n, key.e) };
}

let serial = 1;

function certificate(subject: forge.pki.CertificateField[], issuer: forge.pki.CertificateField[], pub: forge.pki.PublicKey, signWith: forge.pki.rsa.PrivateKey, from: Date, to: Date, ca: boolean) {
  const c = forge.pki.createCertificate();
  c.publicKey = pub;
  c.serialNumber = (serial++).toString(16).padStart(2, '0');
  c.validity.notBefore = from;
  c.validity.notAfter = to;
  c.setSubject(subject);
  c.setIssuer(issuer);
  c.setExtensions(ca ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }] : [{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }]);
  c.sign(signWith, forge.md.sha256.create());
  return c;
}

const year = 365 * 24 * 3600 * 1000;

export async function testCa(name = 'Kinerja Luring Test Root CA'): Promise<TestCa> {
  const { key, pub } = await keyPair();
  const dn = [{ shortName: 'CN', value: name }, { shortName: 'O', value: 'Uji Coba' }, { shortName: 'C', value: 'ID' }];
  const cert = certificate(dn, dn, pub, key, new Date(Date.now() - 2 * year), new Date(Date.now() + 10 * year), true);
  return { rootDer: toDer(cert), cert, key };
}

/** The signer's certificate alone (DER), to offer as a "root" that is not one. */
export async function leafCertificate(ca: TestCa): Promise<Uint8Array> {
  const { pub } = await keyPair();
  const subject = [{ shortName: 'CN', value: 'Bukan Akar' }];
  return toDer(certificate(subject, ca.cert.subject.attributes, pub, ca.key, new Date(Date.now() - year), new Date(Date.now() + year), false));
}

export const pemOf = (ca: TestCa) => forge.pki.certificateToPem(ca.cert);

export interface SignerOptions {
  name?: string;
  nip?: string;
  passphrase?: string;
  from?: Date;
  to?: Date;
  /** Leave the private key out (a certificate-only .p12). */
  withoutKey?: boolean;
}

/** A signer's .p12 issued by `ca`, with the CA's certificate in the chain. */
export async function signerP12(ca: TestCa, o: SignerOptions = {}): Promise<Uint8Array> {
  const { key, pub } = await keyPair();
  const subject = [{ shortName: 'CN', value: o.name ?? 'Rina Marlina' }, { name: 'serialNumber', value: `NIP${o.nip ?? '198211032006042011'}` }, { shortName: 'O', value: 'Kecamatan Curug' }, { shortName: 'C', value: 'ID' }];
  const cert = certificate(subject, ca.cert.subject.attributes, pub, ca.key, o.from ?? new Date(Date.now() - year), o.to ?? new Date(Date.now() + year), false);
  const asn1 = o.withoutKey
    ? forge.pkcs12.toPkcs12Asn1(null, [cert, ca.cert], o.passphrase ?? 'rahasia', { algorithm: '3des' })
    : forge.pkcs12.toPkcs12Asn1(key, [cert, ca.cert], o.passphrase ?? 'rahasia', { algorithm: '3des' });
  return forge.util.binary.raw.decode(forge.asn1.toDer(asn1).getBytes());
}
