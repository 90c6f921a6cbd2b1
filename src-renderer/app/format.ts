/** How the app writes a moment on screen: "1 Des 2026, 10.30" (one helper, so every screen agrees). */
export function formatDateTime(at: string | number | Date, style: 'medium' | 'long' = 'medium'): string {
  return new Date(at).toLocaleString('id-ID', { dateStyle: style, timeStyle: 'short' });
}
