import { describe, expect, it } from 'vitest';
import {
  IpcValidationError, isAllowedNavigation, isAllowedPermission, isTrustedSender, validateFileName, validateNoArgs,
  validateOpenFileRequest, validateOpenPdfRequest, validateSaveFileRequest,
} from './validators';

const xlsx = [{ name: 'Excel', extensions: ['xlsx'] }];
const pdfBytes = new TextEncoder().encode('%PDF-1.7\n...');

describe('IPC payload validators', () => {
  it('accepts a well-formed open-file request', () => {
    expect(validateOpenFileRequest({ title: 'Pilih berkas', filters: xlsx, maxBytes: 1000 })).toEqual({
      title: 'Pilih berkas', filters: xlsx, maxBytes: 1000,
    });
  });

  it.each([
    ['not an object', 'xlsx'],
    ['extra field smuggling a path', { title: 't', filters: xlsx, maxBytes: 1, defaultPath: '/etc' }],
    ['negative size cap', { title: 't', filters: xlsx, maxBytes: -1 }],
    ['fractional size cap', { title: 't', filters: xlsx, maxBytes: 1.5 }],
    ['huge size cap', { title: 't', filters: xlsx, maxBytes: 10 ** 12 }],
    ['extension with a dot', { title: 't', filters: [{ name: 'x', extensions: ['.exe'] }], maxBytes: 1 }],
    ['extension with a wildcard', { title: 't', filters: [{ name: 'x', extensions: ['*'] }], maxBytes: 1 }],
    ['empty extensions', { title: 't', filters: [{ name: 'x', extensions: [] }], maxBytes: 1 }],
    ['title with control characters', { title: 'a\u0000b', filters: xlsx, maxBytes: 1 }],
  ])('refuses an open-file request: %s', (_name, payload) => {
    expect(() => validateOpenFileRequest(payload)).toThrow(IpcValidationError);
  });

  it('accepts a save request with a bare file name and bytes', () => {
    const req = validateSaveFileRequest({ title: 'Simpan', suggestedName: 'Daftar Pegawai.xlsx', filters: xlsx, bytes: new Uint8Array([1]) });
    expect(req.suggestedName).toBe('Daftar Pegawai.xlsx');
  });

  it.each([
    ['../../etc/passwd'],
    ['..\\..\\Windows\\win.ini'],
    ['C:\\Users\\x.xlsx'],
    ['/tmp/x.xlsx'],
    ['CON'],
    ['nul.txt'],
    ['laporan.'],
    [''],
    ['a'.repeat(201)],
    [42],
  ])('refuses the file name %j', (name) => {
    expect(() => validateFileName(name)).toThrow(IpcValidationError);
  });

  it('refuses bytes that are not a Uint8Array', () => {
    expect(() =>
      validateSaveFileRequest({ title: 't', suggestedName: 'a.xlsx', filters: xlsx, bytes: [1, 2, 3] }),
    ).toThrow(/Uint8Array/);
  });

  it('only opens real PDFs with a .pdf name', () => {
    expect(validateOpenPdfRequest({ fileName: 'SKP Asep.pdf', bytes: pdfBytes }).fileName).toBe('SKP Asep.pdf');
    expect(() => validateOpenPdfRequest({ fileName: 'run.bat', bytes: pdfBytes })).toThrow(/\.pdf/);
    expect(() => validateOpenPdfRequest({ fileName: 'x.pdf', bytes: new TextEncoder().encode('MZ....') })).toThrow(/not a PDF/);
  });

  it('calls without arguments refuse arguments', () => {
    expect(() => validateNoArgs(undefined)).not.toThrow();
    expect(() => validateNoArgs({ path: '/' })).toThrow(IpcValidationError);
  });
});

describe('sender and navigation checks', () => {
  it.each([
    ['app://kinerja/index.html', true, true],
    ['app://kinerja/', true, true],
    ['app://kinerja/index.html', false, false], // a sub-frame
    ['app://other/index.html', true, false],
    ['https://kinerja/index.html', true, false],
    ['file:///C:/app/index.html', true, false],
    ['http://127.0.0.1:4173/', true, false],
    ['not a url', true, false],
    [undefined, true, false],
  ])('sender %s (main frame %s) trusted: %s', (url, main, expected) => {
    expect(isTrustedSender(url, main)).toBe(expected);
  });

  it('navigation stays inside the app', () => {
    expect(isAllowedNavigation('app://kinerja/index.html#/pegawai')).toBe(true);
    expect(isAllowedNavigation('https://example.org/')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });
});

describe('permissions', () => {
  it('grants persistent storage to the app itself only, and nothing else to anyone', () => {
    expect(isAllowedPermission('persistent-storage', 'app://kinerja/index.html')).toBe(true);
    expect(isAllowedPermission('persistent-storage', 'app://kinerja')).toBe(true);
    expect(isAllowedPermission('persistent-storage', 'https://example.com/')).toBe(false);
    expect(isAllowedPermission('persistent-storage', undefined)).toBe(false);
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(isAllowedPermission(p, 'app://kinerja/index.html'), p).toBe(false);
    }
  });
});
