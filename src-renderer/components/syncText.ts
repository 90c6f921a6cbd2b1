import { revNode, revWallMs } from '../domain/hlc';
import { formatDateTime } from './format';
import type { Installation } from '../domain/sync/access';
import type { SyncDoc } from '../domain/sync/merge';
import { PERMENPANRB_6_2022, type Predikat, type Rating } from '../domain/rulepack';
import { tableName, type Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** Field names people know, for the last part of a path; others are shown as they are. */
const FIELD_KEYS: Record<string, MessageKey> = {
  ratingHasil: 'paket.kolom.ratingHasil', ratingPerilaku: 'paket.kolom.ratingPerilaku', predikat: 'paket.kolom.predikat',
  realisasi: 'paket.kolom.realisasi', status: 'paket.kolom.status', nama: 'paket.kolom.nama', jabatan: 'paket.kolom.jabatan', golongan: 'paket.kolom.golongan',
};

/** "Evaluasi — Siti (Triwulan I)": which record a review item is about. */
export function recordLabel(t: Translate, table: string, doc: SyncDoc): string {
  const p = doc.pegawai as { nama?: string } | undefined;
  const who = (doc.nama as string | undefined) ?? p?.nama ?? doc.id.slice(0, 8);
  const period = typeof doc.periodLabel === 'string' ? ` (${doc.periodLabel})` : typeof doc.year === 'number' ? ` (${doc.year})` : '';
  return `${tableName(t, table)} — ${who}${period}`;
}

export function pathLabel(t: Translate, path: string): string {
  const last = lastSegment(path);
  return FIELD_KEYS[last] ? t(FIELD_KEYS[last]) : last;
}

/** Fields whose values are codes: shown by their label, and chosen, never typed. */
const CODED: Record<string, (t: Translate, v: string) => string> = {
  ratingHasil: (_t, v) => PERMENPANRB_6_2022.ratingLabels[v as Rating] ?? v,
  ratingPerilaku: (_t, v) => PERMENPANRB_6_2022.ratingLabels[v as Rating] ?? v,
  predikat: (_t, v) => PERMENPANRB_6_2022.predikatLabels[v as Predikat] ?? v,
};

function lastSegment(path: string): string {
  return path.split('/').filter((s) => !s.startsWith('#')).pop() ?? path;
}

/** Can a third value be typed for this path (free text), or only one of the heads be chosen? */
export function typable(path: string): boolean {
  return !CODED[lastSegment(path)] && lastSegment(path) !== 'status';
}

export function valueText(t: Translate, v: unknown, removed?: boolean, path = ''): string {
  if (removed || v === undefined) return t('sync.review.removed');
  if (v === null || v === '') return '—';
  const coded = CODED[lastSegment(path)];
  if (coded && typeof v === 'string') return coded(t, v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v).slice(0, 120);
}

/** "laptop Camat, 2 Des 2026 09.14". */
export function writerText(t: Translate, rev: string, installations: readonly Installation[]): string {
  const who = installations.find((i) => i.id === revNode(rev))?.nama ?? revNode(rev);
  const when = formatDateTime(revWallMs(rev));
  return t('sync.review.writer', { who, when });
}

/** After a part of a package sent in parts: which parts of it are still to come. */
export function partText(t: Translate, part: { n: number; of: number; missing: number[] }): string {
  return part.missing.length > 0 ? t('sync.part.missing', { n: part.n, of: part.of, missing: part.missing.join(', ') }) : t('sync.part.complete', { n: part.n, of: part.of });
}
