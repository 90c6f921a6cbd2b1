import { checkPrintImage, imageDataUrl, SIGNATURE_MAX_BYTES } from '../domain/images';
import type { PrintRecord } from '../domain/verification';
import { RepoError } from './errors';
import type { KinerjaDb, PrintLogEntry, SignatureImage } from './schema';
import { saveDoc, type WriteContext } from './write';

/**
 * The print log (every printed document with the content it showed) and officials' scanned
 * signatures. The log is local history like the import log; signatures are synced documents.
 */
export class PrintRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly context: () => Promise<WriteContext>,
  ) {}

  /** Records one print run in one transaction. */
  async log(records: readonly PrintRecord[]): Promise<PrintLogEntry[]> {
    const ctx = await this.context();
    const at = ctx.nowIso();
    const entries = records.map((r): PrintLogEntry => ({ ...r, id: crypto.randomUUID(), at, actor: ctx.actor, officeId: ctx.officeId }));
    await this.db.transaction('rw', this.db.prints, () => this.db.prints.bulkAdd(entries));
    return entries;
  }

  /** The latest print with this code (the same content printed twice has the same code). */
  async byCode(code: string): Promise<PrintLogEntry | undefined> {
    const list = await this.db.prints.where('code').equals(code).toArray();
    return list.sort((a, b) => b.at.localeCompare(a.at))[0];
  }

  async recent(limit = 20): Promise<PrintLogEntry[]> {
    return this.db.prints.orderBy('at').reverse().limit(limit).toArray();
  }

  async signatures(): Promise<SignatureImage[]> {
    return (await this.db.signatures.toArray()).filter((s) => !s.deleted);
  }

  async setSignature(employeeId: string, bytes: Uint8Array): Promise<SignatureImage> {
    const problem = checkPrintImage(bytes, SIGNATURE_MAX_BYTES);
    if (problem) throw new RepoError(problem.code, problem);
    return this.db.transaction('rw', this.db.signatures, this.db.auditLog, this.db.settings, async () => {
      const ctx = await this.context();
      const prev = await this.db.signatures.where('employeeId').equals(employeeId).first();
      return saveDoc<SignatureImage>(this.db, 'signatures', prev, { employeeId, dataUrl: imageDataUrl(bytes), ukuran: bytes.length }, ctx, {
        ...(prev?.deleted ? { action: 'restore' as const } : {}),
        note: 'Tanda tangan pindaian disimpan',
      });
    });
  }

  async removeSignature(employeeId: string): Promise<void> {
    await this.db.transaction('rw', this.db.signatures, this.db.auditLog, this.db.settings, async () => {
      const ctx = await this.context();
      const prev = await this.db.signatures.where('employeeId').equals(employeeId).first();
      if (prev && !prev.deleted) await saveDoc<SignatureImage>(this.db, 'signatures', prev, {}, ctx, { action: 'delete' });
    });
  }
}
