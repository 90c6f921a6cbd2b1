/**
 * How tall a text will be in a table cell, estimated without a font engine so the document
 * functions stay pure. Liberation Sans has the advance widths of Arial/Helvetica; the tables below
 * are Helvetica's (per 1000 em) for printable ASCII. Anything else counts as a wide letter, so the
 * estimate errs towards more lines: splitting a row a little early is harmless, a row taller than a
 * page is not (pdfmake drops it), and the render is checked for completeness anyway (render.ts).
 */

const REGULAR = [278,278,355,556,556,889,667,222,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,222,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584]; // prettier-ignore
const BOLD = [278,333,474,556,556,889,722,278,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,278,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584]; // prettier-ignore
const OTHER = 780;

/** Liberation Sans ascender − descender per em, times the documents' lineHeight of 1.1. */
const LINE_EM = 1.149 * 1.1;

export function lineHeightPt(fontSize: number): number {
  return fontSize * LINE_EM;
}

export function textWidthPt(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)! - 32;
    units += c >= 0 && c < table.length ? table[c]! : OTHER;
  }
  return (units / 1000) * fontSize;
}

/** One printed line and what joins it to the next: a space, nothing (a cut word) or a new paragraph. */
export interface FitLine {
  text: string;
  glue: ' ' | '' | '\n';
}

/**
 * Greedy word wrap as pdfmake does it: words go on a line while they fit; a word wider than the
 * line is cut into pieces. The result joins back to the text with `joinLines`.
 */
export function wrapLines(text: string, width: number, fontSize: number, bold = false): FitLine[] {
  const out: FitLine[] = [];
  const space = textWidthPt(' ', fontSize, bold);
  for (const para of text.split('\n')) {
    let line = '';
    let lineW = 0;
    const push = (glue: FitLine['glue'] = ' ') => {
      out.push({ text: line, glue });
      line = '';
      lineW = 0;
    };
    for (const word of para.split(/ +/).filter(Boolean)) {
      let w = textWidthPt(word, fontSize, bold);
      if (line && lineW + space + w > width) push();
      let rest = word;
      while (w > width) {
        // Cut an overlong word (a URL, a run of digits) where it reaches the edge.
        let cut = 1;
        while (cut < rest.length && textWidthPt(rest.slice(0, cut + 1), fontSize, bold) <= width) cut++;
        if (line) push();
        line = rest.slice(0, cut);
        push('');
        rest = rest.slice(cut);
        w = textWidthPt(rest, fontSize, bold);
      }
      if (!rest) continue;
      line = line ? `${line} ${rest}` : rest;
      lineW = textWidthPt(line, fontSize, bold);
    }
    out.push({ text: line, glue: '\n' });
  }
  return out;
}

/** Lines back to text, each joined to the next by its glue. */
export function joinLines(lines: readonly FitLine[]): string {
  return lines.map((l, i) => (i < lines.length - 1 ? l.text + l.glue : l.text)).join('');
}

export function textHeightPt(text: string, width: number, fontSize: number, bold = false): number {
  return wrapLines(text, width, fontSize, bold).length * lineHeightPt(fontSize);
}

/** The text cut at the end with "…" so it is at most `width` points wide on one line. */
export function fitWidth(text: string, width: number, fontSize: number, bold = false): string {
  if (textWidthPt(text, fontSize, bold) <= width) return text;
  const chars = [...text];
  let n = chars.length;
  while (n > 1 && textWidthPt(`${chars.slice(0, n).join('').trimEnd()}…`, fontSize, bold) > width) n--;
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}
