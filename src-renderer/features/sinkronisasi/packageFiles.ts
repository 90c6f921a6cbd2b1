import type { OutgoingPackage } from '../../db/packageRepo';
import { MAX_PACKAGE_BYTES, type ReadPackageResult, readPackageFile, writePackageFile } from '../../io/packageFile';
import { XLSX_MIME } from '../../io/sheet';
import { getPlatform } from '../../platform/platform';
import { hasMessage } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';

declare const __APP_VERSION__: string;

const FILTERS = [{ name: 'Paket Kinerja Luring (.xlsx)', extensions: ['xlsx'] }];

/** "paket-Kecamatan-Curug-ke-laptop-Camat-2026-12-01.xlsx": says what it is on the flash drive. */
function fileName(pkg: OutgoingPackage): string {
  const part = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  const to = part(pkg.envelope.to.installName || pkg.envelope.to.officeName || 'baru');
  return `paket-${part(pkg.envelope.from.officeName)}-ke-${to}-${pkg.envelope.createdAt.slice(0, 10)}.xlsx`;
}

/** Writes the package file and lets the user save it; false when cancelled. */
export async function savePackage(pkg: OutgoingPackage, title: string): Promise<boolean> {
  const { bytes } = await writePackageFile(pkg.envelope, pkg.records);
  const res = await getPlatform().saveFile({ title, suggestedName: fileName(pkg), filters: FILTERS, bytes, mime: XLSX_MIME });
  return res.status === 'saved';
}

export type OpenedPackage = ReadPackageResult | { ok: false; code: 'cancelled'; params: Record<string, unknown> };

export async function openPackage(title: string): Promise<OpenedPackage> {
  const res = await getPlatform().openFile({ title, filters: FILTERS, maxBytes: MAX_PACKAGE_BYTES });
  if (res.status === 'cancelled') return { ok: false, code: 'cancelled', params: {} };
  if (res.status === 'tooLarge') return { ok: false, code: 'import.read.tooLarge', params: { maxMb: MAX_PACKAGE_BYTES / 1024 / 1024 } };
  return readPackageFile(res.bytes, __APP_VERSION__);
}

/** Message parameters of a package problem as people read them: the table by its name, a short id. */
export function problemParams(t: (key: MessageKey) => string, params: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  if (typeof params.table === 'string' && hasMessage(`paket.tabel.${params.table}`)) out.table = t(`paket.tabel.${params.table}` as MessageKey);
  if (typeof params.id === 'string') out.id = params.id.slice(0, 8);
  return out;
}
