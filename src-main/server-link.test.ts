import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeServerUrl } from './ipc-contract';
import { ServerLink, type Encryption } from './server-link';
import { IpcValidationError, validateServerConfigure, validateServerRequest } from './validators';

/** A stand-in for the OS encryption: reversible, and visibly not the password. */
const crypt: Encryption = {
  isEncryptionAvailable: () => true,
  encryptString: (t) => Buffer.from([...Buffer.from(t)].map((b) => b ^ 0x5a)),
  decryptString: (d) => Buffer.from([...d].map((b) => b ^ 0x5a)).toString(),
};
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const dir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'kl-link-'));
  dirs.push(d);
  return d;
};

describe('server link in Electron main (issue #28)', () => {
  it.each([
    ['https://bkd.tangerangkab.go.id/couchdb/', 'https://bkd.tangerangkab.go.id/couchdb'],
    ['http://127.0.0.1:5984', 'http://127.0.0.1:5984'],
    ['http://localhost:5984/', 'http://localhost:5984'],
    ['http://bkd.tangerangkab.go.id', null],
    ['https://admin:rahasia@bkd.example', null],
    ['https://bkd.example/?x=1', null],
    ['file:///etc/passwd', null],
    ['bukan alamat', null],
  ])('allow-list: %s → %s', (raw, want) => {
    expect(normalizeServerUrl(raw)).toBe(want);
  });

  it('keeps the password encrypted on disk, never returns it, and adds it to requests to that server only', async () => {
    const d = dir();
    const seen: { url: string; auth: string | null }[] = [];
    const fake = (async (url: string, init: RequestInit) => {
      seen.push({ url, auth: new Headers(init.headers).get('authorization') });
      return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    const link = new ServerLink(d, crypt, fake);
    expect(await link.request({ method: 'GET', path: '/', contentType: null, body: null })).toEqual({ status: 0, failure: 'notConfigured' });
    expect(await link.configure({ url: 'https://bkd.example/', user: 'inst1', password: 'rahasia-sekali' })).toBe(true);
    expect(readFileSync(path.join(d, 'server-link.json'), 'utf8')).not.toContain('rahasia-sekali');
    expect(await link.status()).toEqual({ url: 'https://bkd.example', user: 'inst1' });
    const res = await link.request({ method: 'GET', path: '/kl-abc-2026/_changes?since=0', contentType: null, body: null });
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ url: 'https://bkd.example/kl-abc-2026/_changes?since=0', auth: 'Basic ' + Buffer.from('inst1:rahasia-sekali').toString('base64') }]);
  });

  it('asks again when the password cannot be decrypted here (a profile copied from another PC)', async () => {
    const d = dir();
    await new ServerLink(d, crypt).configure({ url: 'https://bkd.example', user: 'inst1', password: 'x' });
    const elsewhere = new ServerLink(d, { ...crypt, decryptString: () => { throw new Error('Error while decrypting the ciphertext'); } });
    expect(await elsewhere.request({ method: 'GET', path: '/', contentType: null, body: null })).toEqual({ status: 0, failure: 'notConfigured' });
  });

  it('saves nothing when the OS cannot encrypt, and names an unreachable server or a certificate', async () => {
    const none = new ServerLink(dir(), { ...crypt, isEncryptionAvailable: () => false });
    expect(await none.configure({ url: 'https://bkd.example', user: 'inst1', password: 'x' })).toBe(false);
    expect(await none.status()).toBeNull();
    const failing = (code: string) => (async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code } });
    }) as unknown as typeof fetch;
    for (const [code, failure] of [['ECONNREFUSED', 'offline'], ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'certificate'], ['CERT_HAS_EXPIRED', 'certificate'], ['ERR_TLS_CERT_ALTNAME_INVALID', 'certificate']] as const) {
      const link = new ServerLink(dir(), crypt, failing(code));
      await link.configure({ url: 'https://bkd.example', user: 'inst1', password: 'x' });
      expect((await link.request({ method: 'GET', path: '/', contentType: null, body: null })) as unknown).toEqual({ status: 0, failure });
    }
  });

  it.each([
    ['another host in the path', { method: 'GET', path: '//evil.example/x', contentType: null, body: null }],
    ['a server-wide endpoint', { method: 'PUT', path: '/_config/admins/x', contentType: null, body: null }],
    ['the users database', { method: 'GET', path: '/_users/org.couchdb.user:x', contentType: null, body: null }],
    ['traversal', { method: 'GET', path: '/kl-a/../_users', contentType: null, body: null }],
    ['a method replication never uses', { method: 'PATCH', path: '/kl-a/', contentType: null, body: null }],
    ['an extra field', { method: 'GET', path: '/kl-a/', contentType: null, body: null, url: 'https://evil' }],
    ['writing to the root', { method: 'PUT', path: '/', contentType: null, body: null }],
  ])('refuses a server request: %s', (_what, req) => {
    expect(() => validateServerRequest(req)).toThrow(IpcValidationError);
  });

  it('accepts the requests a replication makes, and refuses a configuration outside the allow-list', () => {
    expect(validateServerRequest({ method: 'POST', path: '/kl-9f1c-2026/_bulk_docs', contentType: 'application/json', body: new Uint8Array(2) }).path).toBe('/kl-9f1c-2026/_bulk_docs');
    expect(validateServerRequest({ method: 'GET', path: '/', contentType: null, body: null }).path).toBe('/');
    expect(() => validateServerConfigure({ url: 'http://bkd.example', user: 'inst1', password: 'x' })).toThrow(IpcValidationError);
    expect(() => validateServerConfigure({ url: 'https://bkd.example', user: '../x', password: 'x' })).toThrow(IpcValidationError);
    expect(validateServerConfigure({ url: 'https://bkd.example/', user: 'inst1', password: 'x' }).url).toBe('https://bkd.example');
  });
});
