/**
 * A one-shot message that survives a navigation or a remount: "saved" after creating a record
 * shows on the page of the new record. Keyed so it only appears where it belongs.
 */
let pending: { key: string; text: string } | null = null;

export function setFlash(key: string, text: string): void {
  pending = { key, text };
}

export function peekFlash(key: string): string | null {
  return pending?.key === key ? pending.text : null;
}

export function clearFlash(key: string): void {
  if (pending?.key === key) pending = null;
}
