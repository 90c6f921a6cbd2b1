// Bytes as text, one way each: SHA-256 as hex and base64, for envelopes, keys, signatures and
// settings rows. Every file format in exchange/ (and tte/) uses these, so no copy drifts.

/** SHA-256 of a text or bytes, as hex. */
export async function sha256(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes as base64 (for JSON and settings rows). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** base64 back to bytes (a fresh buffer: WebCrypto takes it as is). */
export function bytesFromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function fromBase64(b64: string): ArrayBuffer {
  return bytesFromBase64(b64).buffer;
}

/** Hex text ("3082…") back to bytes; whitespace is not allowed (callers strip it). */
export function bytesFromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
