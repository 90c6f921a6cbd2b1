/**
 * The link to the BKD's CouchDB server (issue #28), held by Electron main: the password is kept
 * encrypted by the operating system (safeStorage) in the user-data folder and never handed back to
 * the renderer; every request goes to the configured server only, with the credential added here.
 * Electron-free (the OS encryption and fetch are passed in) so Node tests cover it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { normalizeServerUrl, type ServerConfigureRequest, type ServerRequest, type ServerResponse, type ServerStatus } from './ipc-contract';

export interface Encryption {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

const FILE = 'server-link.json';

interface Stored {
  url: string;
  user: string;
  /** base64 of safeStorage's ciphertext of the password. */
  secret: string;
}

export class ServerLink {
  constructor(
    private readonly dir: string,
    private readonly crypt: Encryption,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** Saves the server and account; false when the OS offers no encryption (nothing is saved then). */
  async configure(req: ServerConfigureRequest): Promise<boolean> {
    const url = normalizeServerUrl(req.url);
    if (!url) throw new Error('server url refused');
    if (!this.crypt.isEncryptionAvailable()) return false;
    const stored: Stored = { url, user: req.user, secret: this.crypt.encryptString(req.password).toString('base64') };
    await fs.mkdir(this.dir, { recursive: true });
    await fs.writeFile(path.join(this.dir, FILE), JSON.stringify(stored), { mode: 0o600 });
    return true;
  }

  private async stored(): Promise<Stored | null> {
    try {
      const s = JSON.parse(await fs.readFile(path.join(this.dir, FILE), 'utf8')) as Stored;
      return normalizeServerUrl(s.url) === s.url ? s : null;
    } catch {
      return null;
    }
  }

  async status(): Promise<ServerStatus> {
    const s = await this.stored();
    return s ? { url: s.url, user: s.user } : null;
  }

  async request(req: ServerRequest): Promise<ServerResponse> {
    const s = await this.stored();
    if (!s) return { status: 0, failure: 'notConfigured' };
    let password: string;
    try {
      password = this.crypt.decryptString(Buffer.from(s.secret, 'base64'));
    } catch {
      // Another user's or another PC's encryption (a copied profile): asked for again.
      return { status: 0, failure: 'notConfigured' };
    }
    const headers: Record<string, string> = {
      authorization: 'Basic ' + Buffer.from(`${s.user}:${password}`).toString('base64'),
      accept: 'application/json, multipart/related, */*',
    };
    if (req.contentType) headers['content-type'] = req.contentType;
    try {
      const res = await this.fetchImpl(s.url + req.path, { method: req.method, headers, body: req.body ? Buffer.from(req.body) : undefined, redirect: 'error' });
      return { status: res.status, contentType: res.headers.get('content-type'), body: new Uint8Array(await res.arrayBuffer()) };
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? '';
      return { status: 0, failure: /CERT|SSL|TLS|SIGNATURE|VERIFY/i.test(cause) ? 'certificate' : 'offline' };
    }
  }
}
