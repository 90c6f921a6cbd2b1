import { id, type MessageKey } from './messages';

/**
 * The catalog key of the name people see for a synced table ("Pengembangan kompetensi"): every
 * table in domain/tables.ts has `paket.tabel.<name>` (i18n.test.ts checks). Null for a name the
 * catalog lacks: a table of a newer app, named in a package as it came.
 */
export function tableLabelKey(table: string): MessageKey | null {
  const key = `paket.tabel.${table}`;
  return Object.hasOwn(id, key) ? (key as MessageKey) : null;
}
