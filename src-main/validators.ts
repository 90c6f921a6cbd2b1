import {
  MAX_TRANSFER_BYTES,
  normalizeServerUrl,
  type ServerConfigureRequest,
  type ServerRequest,
  type FileFilter,
  type OpenFileRequest,
  type OpenPdfRequest,
  type SaveFileRequest,
} from './ipc-contract';

/**
 * Main treats every IPC argument as untrusted: a compromised renderer must not be able to make
 * it read or write arbitrary paths. Files are only ever chosen by the user in a native dialog;
 * the renderer supplies names and bytes, never paths.
 */
export class IpcValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcValidationError';
  }
}

function fail(message: string): never {
  throw new IpcValidationError(message);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function onlyKeys(x: Record<string, unknown>, allowed: string[], what: string): void {
  for (const key of Object.keys(x)) if (!allowed.includes(key)) fail(`${what}: unexpected field "${key}"`);
}

function text(x: unknown, what: string, max: number): string {
  if (typeof x !== 'string') fail(`${what} must be a string`);
  if (x.length > max) fail(`${what} is longer than ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(x)) fail(`${what} contains control characters`);
  return x;
}

function bytes(x: unknown, what: string): Uint8Array {
  if (!(x instanceof Uint8Array)) fail(`${what} must be a Uint8Array`);
  if (x.byteLength > MAX_TRANSFER_BYTES) fail(`${what} is larger than ${MAX_TRANSFER_BYTES} bytes`);
  return x;
}

function filters(x: unknown): FileFilter[] {
  if (!Array.isArray(x) || x.length > 10) fail('filters must be an array of at most 10 entries');
  return x.map((f, i) => {
    if (!isRecord(f)) fail(`filters[${i}] must be an object`);
    onlyKeys(f, ['name', 'extensions'], `filters[${i}]`);
    const exts = f.extensions;
    if (!Array.isArray(exts) || exts.length === 0 || exts.length > 10) fail(`filters[${i}].extensions must hold 1 to 10 entries`);
    return {
      name: text(f.name, `filters[${i}].name`, 100),
      extensions: exts.map((e, j) => {
        if (typeof e !== 'string' || !/^[a-z0-9]{1,10}$/i.test(e)) fail(`filters[${i}].extensions[${j}] is not a file extension`);
        return e.toLowerCase();
      }),
    };
  });
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** A bare file name: no folders, no traversal, valid on Windows as well as Linux. */
export function validateFileName(x: unknown, what = 'file name'): string {
  const name = text(x, what, 200).trim();
  if (!name) fail(`${what} is empty`);
  if (/[\\/:*?"<>|]/.test(name)) fail(`${what} must not contain path separators or reserved characters`);
  if (name === '.' || name === '..' || name.startsWith('..')) fail(`${what} must not point outside its folder`);
  if (WINDOWS_RESERVED.test(name)) fail(`${what} is a reserved Windows name`);
  if (/[. ]$/.test(name)) fail(`${what} must not end with a dot or space`);
  return name;
}

export function validateOpenFileRequest(x: unknown): OpenFileRequest {
  if (!isRecord(x)) fail('open-file request must be an object');
  onlyKeys(x, ['title', 'filters', 'maxBytes'], 'open-file request');
  const maxBytes = x.maxBytes;
  if (typeof maxBytes !== 'number' || !Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_TRANSFER_BYTES) {
    fail('maxBytes must be a whole number of bytes within the transfer limit');
  }
  return { title: text(x.title, 'title', 200), filters: filters(x.filters), maxBytes };
}

export function validateSaveFileRequest(x: unknown): SaveFileRequest {
  if (!isRecord(x)) fail('save-file request must be an object');
  onlyKeys(x, ['title', 'suggestedName', 'filters', 'bytes'], 'save-file request');
  return {
    title: text(x.title, 'title', 200),
    suggestedName: validateFileName(x.suggestedName, 'suggestedName'),
    filters: filters(x.filters),
    bytes: bytes(x.bytes, 'bytes'),
  };
}

export function validateOpenPdfRequest(x: unknown): OpenPdfRequest {
  if (!isRecord(x)) fail('open-pdf request must be an object');
  onlyKeys(x, ['fileName', 'bytes'], 'open-pdf request');
  const fileName = validateFileName(x.fileName, 'fileName');
  if (!fileName.toLowerCase().endsWith('.pdf')) fail('fileName must end in .pdf');
  const data = bytes(x.bytes, 'bytes');
  if (data.byteLength < 5 || String.fromCharCode(...data.subarray(0, 5)) !== '%PDF-') fail('bytes are not a PDF document');
  return { fileName, bytes: data };
}

export function validateServerConfigure(x: unknown): ServerConfigureRequest {
  if (!isRecord(x)) fail('server-configure request must be an object');
  onlyKeys(x, ['url', 'user', 'password'], 'server-configure request');
  const url = normalizeServerUrl(text(x.url, 'url', 500));
  if (!url) fail('url must be https, or http to this computer only, without credentials');
  const user = text(x.user, 'user', 100);
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(user)) fail('user must be an installation id');
  const password = text(x.password, 'password', 256);
  if (!password) fail('password is empty');
  return { url, user, password };
}

const SERVER_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'] as const;

/**
 * A replication request names a path on the configured server: a database and what follows. No
 * scheme, host, traversal or server-wide endpoint (`/_config`, `/_users`…) a member never needs.
 */
export function validateServerRequest(x: unknown): ServerRequest {
  if (!isRecord(x)) fail('server request must be an object');
  onlyKeys(x, ['method', 'path', 'contentType', 'body'], 'server request');
  const method = x.method;
  if (typeof method !== 'string' || !(SERVER_METHODS as readonly string[]).includes(method)) fail('method is not allowed');
  const p = text(x.path, 'path', 4000);
  // `GET /`: the server's own id, which PouchDB reads to name its replication checkpoints.
  const root = p === '/' && method === 'GET';
  if (!root && (!/^\/kl-[a-z0-9_$()+-]+(\/|\?|$)/.test(p) || p.includes('..') || p.includes('//') || p.includes('\\'))) fail('path must name a Kinerja Luring database on the server');
  const contentType = x.contentType === null ? null : text(x.contentType, 'contentType', 200);
  const body = x.body === null ? null : bytes(x.body, 'body');
  return { method: method as ServerRequest['method'], path: p, contentType, body };
}

export function validateNoArgs(x: unknown): void {
  if (x !== undefined) fail('this call takes no arguments');
}

export const APP_SCHEME = 'app';
export const APP_HOST = 'kinerja';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Only the app's own top-level page may call the bridge. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  if (!frameUrl || !isMainFrame) return false;
  try {
    const u = new URL(frameUrl);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The window may only ever show the app itself. */
export function isAllowedNavigation(url: string): boolean {
  return isTrustedSender(url, true);
}

/**
 * The one permission the app grants: persistent storage for its own pages, so Chromium never
 * evicts the office's data under disk pressure. Everything else (camera, notifications, …) is denied.
 */
export function isAllowedPermission(permission: string, origin: string | undefined): boolean {
  return permission === 'persistent-storage' && isTrustedSender(origin, true);
}
