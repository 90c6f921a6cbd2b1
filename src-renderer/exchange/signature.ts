/**
 * Signatures on packages (issue #25). Each installation signs with a key of its own, made with
 * WebCrypto on that PC and never exported: Ed25519 where the runtime has it (Chromium 137+, so
 * Electron 45; Node 22), ECDSA P-256 otherwise. The public half travels in every package; a
 * receiver trusts it only after a person compared its short code on both screens.
 */
import { keyCode } from '../domain/sync/trust';
import { bytesFromBase64, sha256, toBase64 } from './bytes';

export type KeyAlgorithm = 'Ed25519' | 'ECDSA-P256';

/** A public key as it travels: the algorithm and the raw key in base64. */
export interface PublicKeyInfo {
  alg: KeyAlgorithm;
  pub: string;
}

export interface SigningKey extends PublicKeyInfo {
  privateKey: CryptoKey;
}

export type Signer = { key: PublicKeyInfo; sign(text: string): Promise<string> };

const params = (alg: KeyAlgorithm) => (alg === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' });
const signParams = (alg: KeyAlgorithm) => (alg === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' });

/** A new key pair; the private half cannot be exported (not to a backup, not by page script). */
export async function generateSigningKey(): Promise<SigningKey> {
  for (const alg of ['Ed25519', 'ECDSA-P256'] as const) {
    try {
      const pair = (await crypto.subtle.generateKey(params(alg), false, ['sign', 'verify'])) as CryptoKeyPair;
      const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
      return { alg, pub: toBase64(raw), privateKey: pair.privateKey };
    } catch {
      // This runtime lacks the algorithm: try the next.
    }
  }
  throw new Error('no signing algorithm');
}

export async function signText(key: SigningKey, text: string): Promise<string> {
  const sig = await crypto.subtle.sign(signParams(key.alg), key.privateKey, new TextEncoder().encode(text));
  return toBase64(new Uint8Array(sig));
}

/** False for a wrong signature, a malformed key or signature, or an unknown algorithm. */
export async function verifyText(key: PublicKeyInfo, text: string, signature: string): Promise<boolean> {
  try {
    if (key.alg !== 'Ed25519' && key.alg !== 'ECDSA-P256') return false;
    const pub = await crypto.subtle.importKey('raw', bytesFromBase64(key.pub), params(key.alg), false, ['verify']);
    return await crypto.subtle.verify(signParams(key.alg), pub, bytesFromBase64(signature), new TextEncoder().encode(text));
  } catch {
    return false;
  }
}

/** SHA-256 of the algorithm and key: what people compare, as a short code (keyCode). */
export async function keyFingerprint(key: PublicKeyInfo): Promise<string> {
  return sha256(`${key.alg}:${key.pub}`);
}

export async function keyCodeOf(key: PublicKeyInfo): Promise<string> {
  return keyCode(await keyFingerprint(key));
}

export function sameKey(a: PublicKeyInfo | undefined, b: PublicKeyInfo | undefined): boolean {
  return !!a && !!b && a.alg === b.alg && a.pub === b.pub;
}
