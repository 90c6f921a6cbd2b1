/**
 * Every text field of the app cleans what is pasted into it (domain/text.ts cleanPasted): a row
 * copied from Excel arrives with tabs, text from the web with zero-width or bidi characters that
 * would be stored, printed and exported invisibly. One listener for the whole page, so no field is
 * forgotten.
 */
import { cleanPasted } from '../domain/text';

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'tel', 'url', '']);

export function installPasteGuard(doc: Document = document): void {
  doc.addEventListener('paste', (e) => {
    const el = e.target;
    const multiline = el instanceof HTMLTextAreaElement;
    if (!multiline && !(el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type))) return;
    const raw = e.clipboardData?.getData('text/plain');
    if (raw === undefined) return;
    const clean = cleanPasted(raw, multiline);
    if (clean === raw) return;
    e.preventDefault();
    // insertText goes through the browser's editing path, so React sees an ordinary input event and undo works.
    doc.execCommand('insertText', false, clean);
  });
}
