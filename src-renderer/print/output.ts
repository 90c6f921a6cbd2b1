/** File names and page counts of printed PDFs. */
import type { PrintRecord } from './documents';

/** Pages in a PDF written by pdfmake: one "/Type /Page" object per page (the tree is "/Pages"). */
export function countPages(pdf: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(pdf);
  return (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

function safe(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** "EVA-2026TW1-Budi-Santoso-S.Kom-199003152015031002.pdf", unique within `taken`. */
export function fileNameFor(r: Pick<PrintRecord, 'kind' | 'periodId' | 'ownerNama' | 'nip'>, taken: readonly string[]): string {
  const base = [r.kind, safe(r.periodId), safe(r.ownerNama), r.nip].filter(Boolean).join('-');
  let name = `${base}.pdf`;
  for (let i = 2; taken.includes(name); i++) name = `${base}-${i}.pdf`;
  return name;
}

/** "EVA-2026-TRIWULAN-I-Seksi-Pemerintahan.pdf" for a batch. */
export function batchFileName(parts: readonly string[], ext: 'pdf' | 'zip'): string {
  return `${parts.map(safe).filter(Boolean).join('-')}.${ext}`;
}
