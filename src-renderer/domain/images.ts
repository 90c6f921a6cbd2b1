/**
 * Images printed on forms: the kop logo and scanned signatures. Recognised by content (a renamed
 * file is refused), capped in size so a batch of 500 forms stays small, stored as data URLs.
 */
import { sniffAttachmentType } from './evaluation';

export const LOGO_MAX_BYTES = 500 * 1024;
export const SIGNATURE_MAX_BYTES = 300 * 1024;

export type ImageProblem = { code: 'imageType' } | { code: 'imageTooLarge'; maxKb: number; sizeKb: number } | { code: 'imageEmpty' };

export function checkPrintImage(bytes: Uint8Array, maxBytes: number): ImageProblem | null {
  if (bytes.length === 0) return { code: 'imageEmpty' };
  const type = sniffAttachmentType(bytes);
  if (type !== 'image/png' && type !== 'image/jpeg') return { code: 'imageType' };
  if (bytes.length > maxBytes) return { code: 'imageTooLarge', maxKb: Math.round(maxBytes / 1024), sizeKb: Math.ceil(bytes.length / 1024) };
  return null;
}

export function imageDataUrl(bytes: Uint8Array): string {
  const type = sniffAttachmentType(bytes) === 'image/png' ? 'image/png' : 'image/jpeg';
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}
