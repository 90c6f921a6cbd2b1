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

/**
 * The built page's policy (its meta tag). The browser build talks to the BKD server from the
 * page itself (issue #28), so it may connect to HTTPS servers and to a trial server on this
 * computer; which server is decided by the allow-list in code (normalizeServerUrl). Electron sends
 * CONTENT_SECURITY_POLICY as a header too, and a page obeys both: there the renderer still connects
 * nowhere, and main makes the server's requests.
 */
export const PAGE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("connect-src 'self' blob: data:", "connect-src 'self' blob: data: https: http://127.0.0.1:* http://localhost:*");
