/**
 * Rendering a list of prepared documents into one PDF whose content is known to be complete.
 *
 * 1. Render all; compare each document's text leaves with what was drawn (completeness.ts).
 * 2. A document that lost something is rendered again "loose" (rows may break across pages, which
 *    pdfmake never drops) and checked again.
 * 3. A document that makes pdfmake throw, or is still incomplete, is left out and reported, so
 *    one bad record never costs the office the other 499 forms — and never yields a paper that
 *    claims to be complete while missing a row.
 */
import { documentDefinition, type PreparedDoc, type PrintRecord } from './documents';
import { charsCovered, incompleteDocs, loosen, textLeaves } from './completeness';
import type { PrintOptions } from './model';
import { renderDrawn } from './render';
import { countPages } from './output';

export type SkipReason = 'error' | 'incomplete';

export interface SkippedDoc {
  record: PrintRecord;
  reason: SkipReason;
  detail: string;
}

export interface CheckedRender {
  bytes: Uint8Array | null;
  pages: number;
  printed: PrintRecord[];
  skipped: SkippedDoc[];
  /** Documents that needed the loose layout to print whole. */
  loosened: string[];
}

/** Render and check the documents held together; loosened ones are checked on their own. */
async function renderChecked(docs: readonly PreparedDoc[], loose: ReadonlySet<string>, opts: PrintOptions, title: string): Promise<{ bytes: Uint8Array; bad: number[] }> {
  const { bytes, drawn } = await renderDrawn(documentDefinition(docs, opts, title));
  return { bytes, bad: incompleteDocs(docs.map((d) => (loose.has(d.record.code) ? [] : textLeaves(d.content))), drawn) };
}

/** A loosened document rendered alone: is every character of it on its pages? */
async function looseComplete(d: PreparedDoc, opts: PrintOptions): Promise<boolean> {
  const { drawn } = await renderDrawn(documentDefinition([d], opts, d.record.title));
  return charsCovered(textLeaves(d.content), drawn);
}

function message(err: unknown): string {
  return String((err as Error)?.message ?? err);
}

/** Documents that cannot be rendered at all, found one by one (only after a batch render threw). */
async function throwing(docs: readonly PreparedDoc[], opts: PrintOptions): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const [i, d] of docs.entries()) {
    try {
      await renderDrawn(documentDefinition([d], opts, d.record.title));
    } catch (err) {
      out.set(i, message(err));
    }
  }
  return out;
}

export async function renderComplete(input: readonly PreparedDoc[], opts: PrintOptions, title: string): Promise<CheckedRender> {
  const skipped: SkippedDoc[] = [];
  let docs = [...input];
  const loosened = new Set<string>();
  while (docs.length > 0) {
    let result: { bytes: Uint8Array; bad: number[] };
    try {
      result = await renderChecked(docs, loosened, opts, title);
    } catch {
      const broken = await throwing(docs, opts);
      // A throw no single document reproduces is not ours to hide: let the caller report it.
      if (broken.size === 0) throw new Error('render failed');
      for (const [i, detail] of broken) skipped.push({ record: docs[i]!.record, reason: 'error', detail });
      docs = docs.filter((_, i) => !broken.has(i));
      continue;
    }
    if (result.bad.length === 0) {
      return { bytes: result.bytes, pages: countPages(result.bytes), printed: docs.map((d) => d.record), skipped, loosened: [...loosened] };
    }
    const next: PreparedDoc[] = [];
    for (const [i, d] of docs.entries()) {
      if (!result.bad.includes(i)) {
        next.push(d);
        continue;
      }
      const loose = { ...d, content: loosen(d.content) };
      if (await looseComplete(loose, opts)) {
        loosened.add(d.record.code);
        next.push(loose);
      } else skipped.push({ record: d.record, reason: 'incomplete', detail: '' });
    }
    docs = next;
  }
  return { bytes: null, pages: 0, printed: [], skipped, loosened: [...loosened] };
}
