/**
 * Table rows that never vanish. The forms keep each row on one page (dontBreakRows), and pdfmake
 * silently drops an unbreakable row taller than an empty page: a 1,400-character RHK or twelve
 * monthly feedback notes would disappear from a paper that gets signed. So a row is described as
 * parts, measured (textFit), and cut into continued rows no taller than `budget`; each continued
 * row repeats the number and says "(lanjutan)".
 *
 * One RHK with several indicators stays one table row whose indicator columns hold a nested table:
 * pdfmake splits rowSpan groups across pages and leaves the RHK text behind.
 */
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { GRID } from './layout';
import { joinLines, lineHeightPt, textHeightPt, wrapLines, type FitLine } from './textFit';

export const CELL_FONT = 8.5;
const PAD_X = 3;
const PAD_Y = 2;
/** Vertical space a row adds around its text: padding and one grid line. */
export const ROW_CHROME = 2 * PAD_Y + 0.6;
const BULLET_INDENT = 10;
export const LANJUTAN = '(lanjutan)';

export type RowPart =
  /** Printed on every piece of the row: the NO column. */
  | { kind: 'same'; text: string }
  /** Text cut by lines across pieces. */
  | { kind: 'text'; text: string; bold?: boolean }
  /** Bulleted items, cut between lines. */
  | { kind: 'list'; items: readonly string[] }
  /** Content that is never cut (a value with its guides): first piece only, with its height. */
  | { kind: 'block'; cell: TableCell; height: number }
  /** Sub-rows spanning `widths.length` columns: the indicators of one RHK. */
  | { kind: 'nested'; widths: readonly number[]; rows: readonly (readonly string[])[] };

export interface RowSpec {
  parts: readonly RowPart[];
  /** Index of the part that says "(lanjutan)" on continued pieces. */
  markAt: number;
}

/** Inner grid of a nested table: lines only between its own rows and columns. */
export function innerGrid(rows: number, cols: number): CustomTableLayout {
  return {
    ...GRID,
    hLineWidth: (i) => (i === 0 || i === rows ? 0 : 0.6),
    vLineWidth: (i) => (i === 0 || i === cols ? 0 : 0.6),
  };
}

/** Negative margins cancel the outer cell's padding so the inner lines meet the outer grid. */
export function nestedTable(widths: readonly number[], body: TableCell[][]): TableCell {
  return {
    colSpan: widths.length,
    table: { widths: [...widths], body, dontBreakRows: true },
    layout: innerGrid(body.length, widths.length),
    margin: [-PAD_X, -PAD_Y, -PAD_X, -PAD_Y],
  };
}

function spanFill(n: number): TableCell[] {
  return Array.from({ length: n }, () => ({}));
}

/** Lines of text cut into pieces of at most `per` lines. */
function cutLines(lines: FitLine[], per: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += per) out.push(joinLines(lines.slice(i, i + per)));
  return out.length ? out : [''];
}

/** A text cut into pieces of at most `budget` points tall in a cell `width` wide. */
export function cutText(text: string, width: number, budget: number): string[] {
  return cutLines(wrapLines(text, width, CELL_FONT), Math.max(3, Math.floor(budget / lineHeightPt(CELL_FONT))));
}

/**
 * A text that must continue on the next page: a first piece filling the room left where it starts,
 * at least three lines carried over, later pieces of at most `budget` points. When fewer than
 * three lines fit where it starts, it all starts on the next page.
 */
export function cutTextAfter(text: string, width: number, firstBudget: number, budget: number): string[] {
  const lines = wrapLines(text, width, CELL_FONT);
  const first = Math.min(Math.floor(firstBudget / lineHeightPt(CELL_FONT)), lines.length - 3);
  if (first < 3) return cutText(text, width, budget);
  return [joinLines(lines.slice(0, first)), ...cutLines(lines.slice(first), Math.max(3, Math.floor(budget / lineHeightPt(CELL_FONT))))];
}

/** A cut indicator row: its cells cut into the same number of sub-pieces. */
function cutSubRow(row: readonly string[], widths: readonly number[], per: number): string[][] {
  const cols = row.map((t, i) => cutLines(wrapLines(t, widths[i]!, CELL_FONT), per));
  const n = Math.max(...cols.map((c) => c.length));
  return Array.from({ length: n }, (_, k) => cols.map((c) => c[k] ?? ''));
}

function widthOf(widths: readonly number[], at: number): number {
  return widths[at]!;
}

/**
 * The row as one or more table rows, none taller than `budget` points of text. `widths` are the
 * outer columns' text widths.
 */
export function splitRow(spec: RowSpec, widths: readonly number[], budget: number): TableCell[][] {
  const lh = lineHeightPt(CELL_FONT);
  const per = Math.max(3, Math.floor(budget / lh));
  let col = 0;
  const partPieces: { col: number; span: number; pieces: TableCell[] }[] = [];
  for (const part of spec.parts) {
    const w = widthOf(widths, col);
    switch (part.kind) {
      case 'same':
        partPieces.push({ col, span: 1, pieces: [{ text: part.text, style: 'cell', alignment: 'center' }] });
        col += 1;
        break;
      case 'text': {
        const texts = cutLines(wrapLines(part.text, w, CELL_FONT, part.bold), per);
        partPieces.push({ col, span: 1, pieces: texts.map((text) => ({ text, style: 'cell', bold: part.bold })) });
        col += 1;
        break;
      }
      case 'list': {
        const lines = part.items.map((item) => wrapLines(item, w - BULLET_INDENT, CELL_FONT));
        const pieces: string[][] = [[]];
        let used = 0;
        for (const itemLines of lines) {
          for (let i = 0; i < itemLines.length; i += per) {
            const slice = itemLines.slice(i, i + per);
            if (used + slice.length > per && used > 0) {
              pieces.push([]);
              used = 0;
            }
            pieces.at(-1)!.push(joinLines(slice));
            used += slice.length;
          }
        }
        partPieces.push({ col, span: 1, pieces: pieces.map((items) => (items.length ? { ul: items, style: 'cell' } : { text: '', style: 'cell' })) });
        col += 1;
        break;
      }
      case 'block':
        partPieces.push({ col, span: 1, pieces: [part.cell] });
        col += 1;
        break;
      case 'nested': {
        const subRows = (part.rows.length ? part.rows : [part.widths.map(() => '-')]).flatMap((r) => {
          const h = Math.max(...r.map((t, i) => textHeightPt(t, part.widths[i]!, CELL_FONT))) + ROW_CHROME;
          return h > budget ? cutSubRow(r, part.widths, Math.max(3, Math.floor((budget - ROW_CHROME) / lh))) : [[...r]];
        });
        const groups: string[][][] = [[]];
        let used = 0;
        for (const r of subRows) {
          const h = Math.max(...r.map((t, i) => textHeightPt(t, part.widths[i]!, CELL_FONT))) + ROW_CHROME;
          if (used + h > budget && used > 0) {
            groups.push([]);
            used = 0;
          }
          groups.at(-1)!.push(r);
          used += h;
        }
        const pieces = groups.map((g) => nestedTable(part.widths, g.map((r) => r.map((text) => ({ text, style: 'cell' })))));
        partPieces.push({ col, span: part.widths.length, pieces });
        col += part.widths.length;
        break;
      }
    }
  }
  const count = Math.max(1, ...partPieces.map((p) => p.pieces.length));
  return Array.from({ length: count }, (_, k) =>
    partPieces.flatMap((p, i): TableCell[] => {
      const part = spec.parts[i]!;
      // pdfmake writes layout state into each node, so a cell repeated on every piece is a new object.
      let cell: TableCell = part.kind === 'same' ? { ...(p.pieces[0] as object) } : (p.pieces[k] ?? { text: '', style: 'cell' });
      if (k > 0 && i === spec.markAt) cell = markContinued(cell);
      return [cell, ...spanFill(p.span - 1)];
    }),
  );
}

function markContinued(cell: TableCell): TableCell {
  const c = cell as { text?: unknown };
  if (typeof c.text === 'string') {
    return { ...(cell as object), text: [{ text: `${LANJUTAN}${c.text ? ' ' : ''}`, italics: true }, c.text] } as TableCell;
  }
  return { stack: [{ text: LANJUTAN, italics: true }, cell as Content], style: 'cell' };
}

/**
 * Rows that must stay on one page together (a group heading and its first RHK) as one outer row
 * holding a nested table with the same columns.
 */
export function joinRows(rows: TableCell[][], widths: readonly number[]): TableCell[] {
  if (rows.length === 1) return rows[0]!;
  return [nestedTable(widths, rows), ...spanFill(widths.length - 1)];
}
