import { errorMessage } from './errors';
import { RepoError } from '../db/errors';
import type { OutgoingPackage } from '../db/packageRepo';
import { hasMessage, tableName, type Translate } from '../i18n/i18n';
import { PackageSession } from '../jobs/packageClient';
import type { BuiltPart } from '../jobs/packageProtocol';
import { MAX_PACKAGE_BYTES, writePackageFile } from '../exchange/packageFile';
import { XLSX_MIME } from '../io/sheet';
import { getPlatform } from '../platform/platform';

declare const __APP_VERSION__: string;

const filters = (t: Translate) => [{ name: t('sync.fileFilter'), extensions: ['xlsx'] }];

/**
 * "paket-Kecamatan-Curug-ke-laptop-Camat-2026-12-01.xlsx", or "…-bagian-2-dari-3.xlsx" for a part:
 * says what it is on the flash drive.
 */
function fileName(from: string, to: string, createdAt: string, part: { n: number; of: number } | null = null): string {
  const word = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  const suffix = part ? `-bagian-${part.n}-dari-${part.of}` : '';
  return `paket-${word(from)}-ke-${word(to || 'baru')}-${createdAt.slice(0, 10)}${suffix}.xlsx`;
}

async function save(t: Translate, bytes: Uint8Array, name: string, title: string): Promise<boolean> {
  return (await getPlatform().saveFile({ title, suggestedName: name, filters: filters(t), bytes, mime: XLSX_MIME })).status === 'saved';
}

/** A small package made here (pairing, introduction): written and offered for saving. */
export async function savePackage(t: Translate, pkg: OutgoingPackage, title: string): Promise<boolean> {
  const { bytes } = await writePackageFile(pkg);
  const e = pkg.envelope;
  return save(t, bytes, fileName(e.from.officeName, e.to.installName || e.to.officeName, e.createdAt), title);
}

/**
 * "Buat paket" for a peer, built in the worker (a full kabupaten copy takes a while). A package too
 * big for one file comes as parts, each offered for saving in turn; saved only when all of them were.
 */
export async function buildAndSave(t: Translate, dbName: string, peerId: string, full: boolean, title: string, year?: number) {
  const session = new PackageSession(dbName);
  try {
    // One part at a time: saved, then the next one is built (issue #33).
    let next = await session.build(peerId, full, year);
    const built = { parts: [] as Omit<BuiltPart, 'bytes'>[], full: next.full, records: 0 };
    for (;;) {
      const { part: p } = next;
      const partTitle = p.part ? t('sync.part.saveTitle', { title, n: p.part.n, of: p.part.of }) : title;
      if (!(await save(t, p.bytes, fileName(next.fromOffice, next.toName, next.createdAt, p.part), partTitle))) return { saved: false, built };
      built.parts.push({ packageId: p.packageId, records: p.records, part: p.part });
      built.records += p.records;
      if (next.last) return { saved: true, built };
      next = await session.nextPart();
    }
  } finally {
    session.close();
  }
}

/** Opens a file and reads it in a worker session, or null when the user cancelled. */
export async function openPackage(t: Translate, dbName: string, title: string): Promise<{ session: PackageSession; envelope: Awaited<ReturnType<PackageSession['open']>> } | null> {
  const res = await getPlatform().openFile({ title, filters: filters(t), maxBytes: MAX_PACKAGE_BYTES });
  if (res.status === 'cancelled') return null;
  if (res.status === 'tooLarge') throw new RepoError('import.read.tooLarge', { maxMb: MAX_PACKAGE_BYTES / 1024 / 1024 });
  const session = new PackageSession(dbName);
  try {
    return { session, envelope: await session.open(res.bytes, __APP_VERSION__) };
  } catch (err) {
    session.close();
    throw err;
  }
}

/** Message parameters of a package problem as people read them: the table by its name, a short id. */
export function problemParams(t: Translate, params: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  if (typeof params.table === 'string') out.table = tableName(t, params.table);
  if (typeof params.id === 'string') out.id = params.id.slice(0, 8);
  return out;
}

/** The one sentence for anything receiving or building a package may throw. */
export function packageError(t: Translate, err: unknown): string {
  if (err instanceof RepoError && hasMessage(err.code)) return t(err.code, problemParams(t, err.params));
  return errorMessage(t, err);
}
