/**
 * The one contract between the renderer, the preload bridge and the main process.
 * Channel names live here only; main validates every payload against these shapes
 * (validators.ts), the preload exposes exactly `KinerjaBridge`, the renderer calls it through
 * src-renderer/platform.
 */
export const IPC_CHANNELS = {
  openFile: 'kinerja:open-file',
  saveFile: 'kinerja:save-file',
  openPdf: 'kinerja:open-pdf',
  appInfo: 'kinerja:app-info',
  showDataFolder: 'kinerja:show-data-folder',
  serverConfigure: 'kinerja:server-configure',
  serverStatus: 'kinerja:server-status',
  serverRequest: 'kinerja:server-request',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** The global name of the bridge object: `window.kinerja`. */
export const BRIDGE_KEY = 'kinerja';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFileRequest {
  title: string;
  filters: FileFilter[];
  /** Files larger than this are refused in main, before they are read. */
  maxBytes: number;
}

export type OpenFileResult =
  | { status: 'cancelled' }
  | { status: 'tooLarge'; name: string; size: number; maxBytes: number }
  | { status: 'ok'; name: string; bytes: Uint8Array };

export interface SaveFileRequest {
  title: string;
  suggestedName: string;
  filters: FileFilter[];
  bytes: Uint8Array;
}

export type SaveFileResult = { status: 'cancelled' } | { status: 'saved'; path: string };

export interface OpenPdfRequest {
  fileName: string;
  bytes: Uint8Array;
}

export interface AppInfo {
  version: string;
  dataFolder: string;
  platform: string;
}

/** The BKD's CouchDB server and this installation's account on it (issue #28). */
export interface ServerConfigureRequest {
  url: string;
  user: string;
  password: string;
}

/** What is configured; the password never comes back to the renderer. */
export type ServerStatus = { url: string; user: string } | null;

/**
 * One request of the replication to the configured server. The renderer names a path on it,
 * never a host: main adds the server's address and the credential.
 */
export interface ServerRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  contentType: string | null;
  body: Uint8Array | null;
}

export type ServerResponse =
  | { status: number; contentType: string | null; body: Uint8Array }
  /** No answer: `offline` (no connection), `certificate` (HTTPS refused), `notConfigured`. */
  | { status: 0; failure: 'offline' | 'certificate' | 'notConfigured' };

/**
 * A server address the app may talk to: HTTPS, or HTTP to this computer only (the stand-in of
 * `npm run server:coba`). No user or password inside the address. Returns it without a trailing
 * slash, or null. Shared by Electron main and the browser build: one allow-list.
 */
export function normalizeServerUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  const local = u.hostname === '127.0.0.1' || u.hostname === 'localhost';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return null;
  if (u.username || u.password || u.search || u.hash) return null;
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

export interface KinerjaBridge {
  openFile(req: OpenFileRequest): Promise<OpenFileResult>;
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /** Writes the PDF to a temporary file and opens it in the system viewer for printing. */
  openPdf(req: OpenPdfRequest): Promise<void>;
  appInfo(): Promise<AppInfo>;
  showDataFolder(): Promise<void>;
  /** Keeps the password encrypted by the OS (Electron safeStorage) in main; false when the OS cannot. */
  serverConfigure(req: ServerConfigureRequest): Promise<boolean>;
  serverStatus(): Promise<ServerStatus>;
  serverRequest(req: ServerRequest): Promise<ServerResponse>;
}

export const MAX_TRANSFER_BYTES = 200 * 1024 * 1024;
