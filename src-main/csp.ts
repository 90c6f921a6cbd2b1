/**
 * Content-Security-Policy of the renderer: everything from the app itself, nothing remote.
 * The directives are data (csp.json) because the Vite build reads them too, as JSON, for the page's
 * meta tag: a config that imported this TypeScript file made Vite warn on every build (#30 item 8).
 * 'unsafe-inline' styles: React style props and pdfmake's viewer need them; scripts stay strict.
 */
import policy from './csp.json';

export type Directives = Readonly<Record<string, string>>;

/** "default-src 'self'; script-src 'self'; …" in the order written. */
export function policyText(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** The Electron protocol handler's response header. */
export const CONTENT_SECURITY_POLICY = policyText(policy.directives);

/**
 * The built page's policy (its meta tag). The browser build talks to the BKD server from the
 * page itself (issue #28), so it may connect to HTTPS servers and to a trial server on this
 * computer; which server is decided by the allow-list in code (normalizeServerUrl). Electron sends
 * CONTENT_SECURITY_POLICY as a header too, and a page obeys both: there the renderer still connects
 * nowhere, and main makes the server's requests.
 */
export const PAGE_CONTENT_SECURITY_POLICY = policyText({ ...policy.directives, ...policy.page });
