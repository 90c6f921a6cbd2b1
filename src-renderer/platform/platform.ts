import type { AppInfo, FileFilter, KinerjaBridge, OpenFileResult, SaveFileResult, ServerConfigureRequest, ServerRequest, ServerResponse, ServerStatus } from '../../src-main/ipc-contract';
import { BRIDGE_KEY, normalizeServerUrl } from '../../src-main/ipc-contract';
import { safeFileName } from '../domain/fileNames';

/**
 * What the renderer needs from its host. In Electron the preload bridge does it with native
 * dialogs; in a plain browser (how tests and `npm run web` run) a file input, a download link and
 * a print iframe stand in.
 */
export interface Platform {
  kind: 'electron' | 'browser';
  openFile(req: { title: string; filters: FileFilter[]; maxBytes: number }): Promise<OpenFileResult>;
  saveFile(req: { title: string; suggestedName: string; filters: FileFilter[]; bytes: Uint8Array; mime: string }): Promise<SaveFileResult>;
  openPdf(req: { fileName: string; bytes: Uint8Array }): Promise<void>;
  appInfo(): Promise<AppInfo>;
  showDataFolder(): Promise<void>;
  /**
   * The BKD server and this installation's account (issue #28). Electron keeps the password
   * encrypted by the OS in main; the browser build keeps it in memory only, until the tab closes.
   * False: not kept (the OS offers no encryption).
   */
  serverConfigure(req: ServerConfigureRequest): Promise<boolean>;
  serverStatus(): Promise<ServerStatus>;
  /** One replication request to the configured server: the only way the app reaches a network. */
  serverRequest(req: ServerRequest): Promise<ServerResponse>;
}

declare const __APP_VERSION__: string;

function electronPlatform(bridge: KinerjaBridge): Platform {
  return {
    kind: 'electron',
    openFile: (req) => bridge.openFile(req),
    // Every suggested name is made valid for every OS here: main refuses names Windows cannot
    // save, and a refused name would make the click do nothing.
    saveFile: ({ mime: _mime, suggestedName, ...req }) => bridge.saveFile({ ...req, suggestedName: safeFileName(suggestedName) }),
    openPdf: (req) => bridge.openPdf(req),
    appInfo: () => bridge.appInfo(),
    showDataFolder: () => bridge.showDataFolder(),
    serverConfigure: (req) => bridge.serverConfigure(req),
    serverStatus: () => bridge.serverStatus(),
    serverRequest: (req) => bridge.serverRequest(req),
  };
}

/** The browser build's server account: in memory only, never in IndexedDB or storage. */
let browserLink: ServerConfigureRequest | null = null;

async function browserServerRequest(req: ServerRequest): Promise<ServerResponse> {
  const link = browserLink;
  if (!link) return { status: 0, failure: 'notConfigured' };
  const headers: Record<string, string> = { authorization: `Basic ${btoa(unescape(encodeURIComponent(`${link.user}:${link.password}`)))}`, accept: 'application/json, multipart/related, */*' };
  if (req.contentType) headers['content-type'] = req.contentType;
  try {
    const res = await fetch(link.url + req.path, { method: req.method, headers, body: req.body as BodyInit | null, credentials: 'omit', redirect: 'error' });
    return { status: res.status, contentType: res.headers.get('content-type'), body: new Uint8Array(await res.arrayBuffer()) };
  } catch {
    // A browser does not tell a refused certificate from no connection.
    return { status: 0, failure: 'offline' };
  }
}

function browserPlatform(): Platform {
  return {
    kind: 'browser',
    openFile: ({ filters, maxBytes }) =>
      new Promise<OpenFileResult>((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
        input.style.display = 'none';
        let settled = false;
        const finish = (r: OpenFileResult) => {
          if (settled) return;
          settled = true;
          input.remove();
          resolve(r);
        };
        input.addEventListener('cancel', () => finish({ status: 'cancelled' }));
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) return finish({ status: 'cancelled' });
          if (file.size > maxBytes) return finish({ status: 'tooLarge', name: file.name, size: file.size, maxBytes });
          void file.arrayBuffer().then((buf) => finish({ status: 'ok', name: file.name, bytes: new Uint8Array(buf) }));
        });
        document.body.appendChild(input);
        input.click();
      }),
    saveFile: async ({ suggestedName: raw, bytes, mime }) => {
      const suggestedName = safeFileName(raw);
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { status: 'saved', path: suggestedName };
    },
    openPdf: async ({ bytes }) => {
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
      const frame = document.createElement('iframe');
      frame.style.position = 'fixed';
      frame.style.width = '0';
      frame.style.height = '0';
      frame.style.border = '0';
      frame.src = url;
      frame.onload = () => frame.contentWindow?.print();
      document.body.appendChild(frame);
      setTimeout(() => {
        frame.remove();
        URL.revokeObjectURL(url);
      }, 10 * 60_000);
    },
    appInfo: async () => ({ version: __APP_VERSION__, dataFolder: '', platform: 'browser' }),
    showDataFolder: async () => {},
    serverConfigure: async (req) => {
      const url = normalizeServerUrl(req.url);
      if (!url) throw new Error('server url refused');
      browserLink = { ...req, url };
      return true;
    },
    serverStatus: async () => (browserLink ? { url: browserLink.url, user: browserLink.user } : null),
    serverRequest: browserServerRequest,
  };
}

let cached: Platform | null = null;

export function getPlatform(): Platform {
  if (!cached) {
    const bridge = (window as unknown as Record<string, KinerjaBridge | undefined>)[BRIDGE_KEY];
    cached = bridge ? electronPlatform(bridge) : browserPlatform();
  }
  return cached;
}

/** Ask the browser not to evict our data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export async function isStoragePersisted(): Promise<boolean> {
  try {
    return (await navigator.storage?.persisted?.()) ?? false;
  } catch {
    return false;
  }
}
