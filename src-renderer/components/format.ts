/** How the app writes a moment on screen: "1 Des 2026, 10.30" (one helper, so every screen agrees). */
export function formatDateTime(at: string | number | Date, style: 'medium' | 'long' = 'medium'): string {
  return new Date(at).toLocaleString('id-ID', { dateStyle: style, timeStyle: 'short' });
}

/** A signing time with its zone (WIB, WITA, WIT): a stamp read in another province says whose clock. */
export function formatSigningTime(at: Date): string {
  return new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'long' }).format(at);
}
