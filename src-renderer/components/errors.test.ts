import { describe, expect, it } from 'vitest';
import { RepoError, storageRefusal } from '../db/errors';
import { packageError } from './packageFiles';
import { workerFailure } from '../jobs/workerFailure';
import { backupFailure } from '../jobs/backupProtocol';
import { BackupError } from '../exchange/backupFile';
import { translate } from '../i18n/i18n';
import { errorMessage } from './errors';

const t: Parameters<typeof errorMessage>[0] = (key, params) => translate('id', key, params);

describe('what a failed save says', () => {
  it.each([
    ['storage full (the DOMException IndexedDB throws)', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['storage full as Dexie wraps it', Object.assign(new Error('AbortError'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } })],
  ])('%s: what happened and what to do, never the raw error name', (_name, err) => {
    const text = errorMessage(t, err);
    expect(text).toBe('Penyimpanan komputer ini penuh, jadi perubahan tidak disimpan. Kosongkan ruang disk (hapus berkas yang tidak diperlukan), buat cadangan data di Pengaturan, lalu coba lagi.');
    expect(text).not.toContain('QuotaExceededError');
  });

  it.each([
    ['a disk I/O error', new DOMException('Internal error.', 'UnknownError'), 'UnknownError'],
    ['an aborted transaction as Dexie wraps it', Object.assign(new Error('x'), { name: 'AbortError', inner: { name: 'AbortError' } }), 'AbortError'],
    ['a database closed under the page', Object.assign(new Error('x'), { name: 'DatabaseClosedError' }), 'DatabaseClosedError'],
  ])('%s: a failed write says nothing was half-saved and what to do', (_name, err, detail) => {
    expect(errorMessage(t, err)).toBe(
      `Perubahan tidak tersimpan karena penyimpanan data menolak penulisan (${detail}). Tidak ada yang tersimpan setengah jalan. Muat ulang aplikasi lalu coba lagi; bila terulang, buat cadangan data di Pengaturan dan periksa ruang disk.`,
    );
  });

  it('a backup problem names the table', () => {
    expect(errorMessage(t, new BackupError('tableEdited', { table: 'employees' }))).toContain('pada tabel employees');
  });

  it('a repository error with its parameters', () => {
    expect(errorMessage(t, new RepoError('backupCountMismatch', { table: 'skps' }))).toContain('tabel skps');
  });

  it.each([
    ['PENILAI', 'Di laptop pejabat penilai ini data itu tidak boleh diubah'],
    ['BKD', 'Di PC BKD ini data itu tidak boleh diubah'],
  ])('a refusal names the installation %s in words, never its role code', (role, words) => {
    const text = errorMessage(t, new RepoError('notAllowedHere', { table: 'employees', role, paths: ['jabatan'] }));
    expect(text).toContain(words);
    expect(text).not.toContain(role === 'BKD' ? '(BKD)' : role);
  });
});

describe('a full disk inside a worker (issue #27)', () => {
  const SENTENCE = 'Penyimpanan komputer ini penuh, jadi perubahan tidak disimpan. Kosongkan ruang disk (hapus berkas yang tidak diperlukan), buat cadangan data di Pengaturan, lalu coba lagi.';
  it.each([
    ['the DOMException IndexedDB throws', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['as Dexie wraps it', Object.assign(new Error('AbortError'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } })],
  ])('a package receive that hits it (%s) says the same sentence as a restore, not "unexpected error"', (_how, err) => {
    // What the package worker sends, and what the page makes of it (jobs/packageClient.ts).
    const sent = workerFailure(err);
    expect(packageError(t, new RepoError(sent.code, sent.params))).toBe(SENTENCE);
  });

  it('the backup worker: a full disk and a refused file come back as the sentences the restore always said', () => {
    const full = backupFailure(new DOMException('full', 'QuotaExceededError'));
    expect(errorMessage(t, new RepoError(full.code, full.params))).toBe(SENTENCE);
    const refused = backupFailure(new BackupError('tableEdited', { table: 'employees' }));
    expect(errorMessage(t, new RepoError(refused.code, refused.params))).toBe(errorMessage(t, new BackupError('tableEdited', { table: 'employees' })));
    expect(errorMessage(t, new RepoError(refused.code, refused.params))).toContain('tabel employees');
  });

  it('an import commit that hits it sends a refusal the import screen shows as that sentence', () => {
    const refusal = storageRefusal(new DOMException('full', 'QuotaExceededError'))!;
    expect(errorMessage(t, new RepoError(refusal.code, refusal.params))).toBe(SENTENCE);
  });
});
