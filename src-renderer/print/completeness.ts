/**
 * Is everything a document says actually on its pages? pdfmake drops content it cannot place (an
 * unbreakable row or block taller than a page) without an error, so every render is checked: the
 * text leaves of each document definition, in order, must appear in the text pdfmake drew.
 * Whitespace is ignored because pdfmake draws a line's words as separate pieces.
 */
import type { Content } from 'pdfmake/interfaces';

const WS = /\s+/g;

function squeeze(s: string): string {
  return s.replace(WS, '');
}

/** The text of an inline run: a string, or an array of strings and { text } pieces. */
function inlineText(t: unknown): string {
  if (typeof t === 'string' || typeof t === 'number') return String(t);
  if (Array.isArray(t)) return t.map(inlineText).join('');
  if (t && typeof t === 'object' && 'text' in t) return inlineText((t as { text: unknown }).text);
  return '';
}

/** Every text leaf of a content tree in layout order, whitespace removed, empty ones left out. */
export function textLeaves(content: unknown, out: string[] = []): string[] {
  if (content === null || content === undefined) return out;
  if (typeof content === 'string' || typeof content === 'number') {
    const s = squeeze(String(content));
    if (s) out.push(s);
    return out;
  }
  if (Array.isArray(content)) {
    for (const c of content) textLeaves(c, out);
    return out;
  }
  if (typeof content !== 'object') return out;
  const node = content as Record<string, unknown>;
  if ('text' in node) {
    const s = squeeze(inlineText(node.text));
    if (s) out.push(s);
  } else if (Array.isArray(node.stack)) textLeaves(node.stack, out);
  else if (Array.isArray(node.columns)) textLeaves(node.columns, out);
  else if (Array.isArray(node.ul)) textLeaves(node.ul, out);
  else if (Array.isArray(node.ol)) textLeaves(node.ol, out);
  else if (node.table && typeof node.table === 'object') {
    for (const row of (node.table as { body: unknown[][] }).body) textLeaves(row, out);
  }
  return out;
}

/**
 * Which documents lack something: the leaves of each, in order, must form a subsequence of what
 * was drawn (greedy matching is exact for that). Repeated table heads, footers and the watermark
 * are extra text in between and do no harm.
 */
export function incompleteDocs(leavesPerDoc: readonly (readonly string[])[], drawn: string): number[] {
  const stream = squeeze(drawn);
  let cursor = 0;
  const bad: number[] = [];
  leavesPerDoc.forEach((leaves, d) => {
    const start = cursor;
    for (const leaf of leaves) {
      const at = stream.indexOf(leaf, cursor);
      if (at < 0) {
        bad.push(d);
        // What this document did draw must not push the next one's start past its own text.
        cursor = start;
        return;
      }
      cursor = at + leaf.length;
    }
  });
  return bad;
}

/**
 * The same content with nothing held together. The last resort for a document whose render lost
 * something: rows may then break across pages, but pdfmake never drops a breakable row.
 */
export function loosen(content: Content[]): Content[] {
  const walk = (c: unknown): unknown => {
    if (Array.isArray(c)) return c.map(walk);
    if (!c || typeof c !== 'object') return c;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c)) {
      if (k === 'unbreakable' || k === 'dontBreakRows' || k === 'keepWithHeaderRows') continue;
      out[k] = typeof v === 'function' ? v : walk(v);
    }
    return out;
  };
  return walk(content) as Content[];
}

/**
 * The order-free check for a loosened document, whose cells may continue on the next page after
 * their neighbours: every character of its leaves must have been drawn at least as often.
 */
export function charsCovered(leaves: readonly string[], drawn: string): boolean {
  const have = new Map<string, number>();
  for (const ch of squeeze(drawn)) have.set(ch, (have.get(ch) ?? 0) + 1);
  for (const leaf of leaves) {
    for (const ch of leaf) {
      const n = have.get(ch) ?? 0;
      if (n === 0) return false;
      have.set(ch, n - 1);
    }
  }
  return true;
}
