/**
 * Characters nobody means to type but that arrive in pasted and exported text: control characters,
 * zero-width marks, soft hyphens and bidi overrides (which can make "Budi" display as "iduB" or hide
 * text). Imports and paste both remove them (issue #15 §2).
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/**
 * Text pasted into a field: invisible characters removed; in a one-line field tabs and line breaks
 * (a row copied from Excel) become single spaces; in a multi-line field tabs become spaces and line
 * breaks stay.
 */
export function cleanPasted(text: string, multiline: boolean): string {
  const visible = stripInvisible(text).replace(/\r\n?/g, '\n');
  if (multiline) return visible.replace(/\t/g, ' ');
  return visible.replace(/[\t\n]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}
