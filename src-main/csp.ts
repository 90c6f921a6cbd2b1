/**
 * Content-Security-Policy of the renderer: everything from the app itself, nothing remote.
 * Shared by the Vite build (meta tag) and the Electron protocol handler (response header).
 * 'unsafe-inline' styles: React style props and pdfmake's viewer need them; scripts stay strict.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
