/**
 * File names the app suggests when it saves something (a backup, a form, a bukti dukung file).
 * They must be valid on Windows, macOS and Linux alike, because a name Windows refuses makes the
 * save dialog (and so the click) do nothing, and a file travels between offices on every OS.
 */
import { sniffAttachmentType, type AttachmentType } from './evaluation';

// Control characters are exactly what must go: no file system accepts them in a name.
// eslint-disable-next-line no-control-regex
const RESERVED_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const MAX_LENGTH = 150;

/** "Laporan: Q1?.pdf" → "Laporan- Q1-.pdf"; never empty, never a device name, no trailing dot. */
export function safeFileName(name: string, fallback = 'berkas'): string {
  let s = name.normalize('NFC').replace(RESERVED_CHARS, '-').replace(/\s+/g, ' ').trim();
  s = s.replace(/^[.\s-]+/, '').replace(/[.\s]+$/, '');
  const dot = s.lastIndexOf('.');
  let base = dot > 0 ? s.slice(0, dot) : s;
  const ext = dot > 0 ? s.slice(dot) : '';
  if (!base) base = fallback;
  if (WINDOWS_DEVICE.test(base.split('.')[0]!)) base = `${base}_`;
  if (base.length + ext.length > MAX_LENGTH) base = base.slice(0, MAX_LENGTH - ext.length).trimEnd();
  return base + ext;
}

/** What a signed file, and a file made ready for the instansi's esign service, add to the name (#31). */
export const SIGNED_SUFFIX = '-TTE';
export const READY_SUFFIX = '-siap-TTE';

/** "Evaluasi 2026.pdf" + "-TTE" → "Evaluasi 2026-TTE.pdf": a file made from another keeps its extension. */
export function withSuffix(name: string, suffix: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}${suffix}${name.slice(dot)}` : `${name}${suffix}`;
}

const EXTENSION: Record<AttachmentType, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' };

/**
 * How a bukti dukung file is saved: its extension and type follow what its bytes are, not the
 * name it came with (a file received from another office named "bukti.html" that is a PDF saves
 * as "bukti.pdf"; one that is none of the accepted types saves as ".bin", which nothing opens).
 */
export function attachmentDownload(nama: string, bytes: Uint8Array): { name: string; mime: string } {
  const type = sniffAttachmentType(bytes);
  const dot = nama.lastIndexOf('.');
  const base = dot > 0 ? nama.slice(0, dot) : nama;
  return { name: safeFileName(`${safeFileName(base, 'lampiran')}${type ? EXTENSION[type] : '.bin'}`, 'lampiran'), mime: type ?? 'application/octet-stream' };
}
