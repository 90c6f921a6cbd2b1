/**
 * Every synced table and its facts, in one place (issue #32): the Dexie indexes (db/schema.ts), the
 * collections merged per item (sync/paths.ts SHAPES), the field that freezes a record (sync/merge.ts
 * LOCKS), the fields a received record must have (exchange/records.ts RECORD_TYPES), what a penilai
 * laptop receives and may write (sync/access.ts), and whether a record belongs to one performance
 * year (archive.ts). Each of those is derived from this table (through tableFacts.ts), so a new
 * synced table is one entry here, and its name in the message catalog (`paket.tabel.<name>`);
 * db/tables.test.ts adds a toy table this way and finds it everywhere.
 * Tables that never leave this PC (settings, audit log, keys…) are declared in db/schema.ts alone.
 */

/** The kind of a field a received record must have (exchange/records.ts checks it). */
export type FieldKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'string?' | 'object?' | 'rev';

/** Collections inside a record: a list of items with an `id`, or a map keyed by code or id (sync/paths.ts). */
export type Shape = Readonly<Record<string, Collection>>;
export type Collection = { readonly list: Shape } | { readonly map: Shape | null };

/**
 * What a penilai laptop receives of a table (§ laptop in docs/aturan-kinerja.md, sync/access.ts):
 * everything; the records whose `penilai` is the laptop's; or the records whose `field` names one
 * of the people it appraises (the penilai included), their units, or the evaluations it receives.
 */
export type LaptopRule = 'all' | 'appraised' | { readonly field: string; readonly in: 'people' | 'units' | 'evaluations' };

/**
 * Which performance year a record belongs to (archive.ts): its `year`, the year of its period, the
 * year of the evaluation it supports; or none (context copied into an archive, never removed).
 */
export type YearRule = { readonly year: string } | { readonly period: string } | { readonly evaluation: string } | 'context';

export interface TableSpec {
  /** The schema version that created the table: a table added after version 8 gets its version from here. */
  readonly since: number;
  /** Indexes on its own fields, after `id`. Every synced table also carries SYNC_INDEXES. */
  readonly indexes: readonly string[];
  /** Fields every installation relies on; others pass through a package unchecked. */
  readonly fields: Readonly<Record<string, FieldKind>>;
  /** Collections merged per item; a table without one merges field by field. */
  readonly shape?: Shape;
  /** The field whose values freeze a record against merged edits (approved SKP, Final evaluation). */
  readonly lock?: { readonly field: string; readonly values: readonly string[] };
  /** Whose record it is: its `officeId` (the default), or the record itself (an office owns itself). */
  readonly ownedBy?: 'officeId' | 'self';
  /** Paths a penilai laptop may write, for the people it appraises. */
  readonly penilaiPaths?: readonly RegExp[];
  readonly laptop: LaptopRule;
  readonly year: YearRule;
}

/** Indexes every synced table carries after its own: knowledge, review mark (sync/reviewMark.ts), knowledge index. */
export const SYNC_INDEXES: readonly string[] = ['updatedAt', 'syncKey', 'svf', '*kn'];

/**
 * The synced tables, in the order a package carries them (a record after the ones it points to:
 * installations and offices first, evaluations after SKPs, attachments after evaluations).
 */
export const TABLES = {
  installations: {
    since: 4,
    indexes: ['officeId'],
    fields: { officeId: 'string', role: 'string', nama: 'string', penilaiEmployeeId: 'string?' },
    laptop: 'all',
    year: 'context',
  },
  offices: {
    since: 1,
    indexes: [],
    fields: { namaInstansi: 'string', namaKantor: 'string' },
    shape: { cetak: { map: null } },
    ownedBy: 'self',
    laptop: 'all',
    year: 'context',
  },
  units: {
    since: 1,
    indexes: ['parentId'],
    fields: { nama: 'string', parentId: 'string?', headId: 'string?', aktif: 'boolean' },
    laptop: { field: 'id', in: 'units' },
    year: 'context',
  },
  employees: {
    since: 1,
    indexes: ['nip', 'unitId', 'atasanId'],
    fields: { nip: 'string', nama: 'string', unitId: 'string?', atasanId: 'string?', aktif: 'boolean' },
    laptop: { field: 'id', in: 'people' },
    year: 'context',
  },
  periods: {
    since: 1,
    indexes: ['year'],
    fields: { year: 'number' },
    laptop: 'all',
    year: { year: 'year' },
  },
  rulePacks: {
    since: 2,
    indexes: ['[packId+version]'],
    fields: { packId: 'string', version: 'number' },
    shape: {},
    laptop: 'all',
    year: 'context',
  },
  skps: {
    since: 1,
    indexes: ['employeeId', 'year', '[employeeId+year]'],
    fields: { employeeId: 'string', year: 'number', rhk: 'array', status: 'string', pegawai: 'object' },
    shape: {
      rhk: { list: { indikator: { list: {} } } },
      ekspektasi: { map: null },
      lampiran: { map: null },
    },
    lock: { field: 'status', values: ['DISETUJUI'] },
    laptop: 'appraised',
    year: { year: 'year' },
  },
  evaluations: {
    since: 1,
    indexes: ['skpId', 'employeeId', 'periodId', '[unitId+periodId]'],
    fields: { employeeId: 'string', skpId: 'string', periodId: 'string', hasil: 'object', status: 'string', ratingHasil: 'string', ratingPerilaku: 'string' },
    shape: {
      hasil: { map: { umpanBalik: { list: {} } } },
      perilaku: { map: null },
      masukan: { list: {} },
      rekomendasi: { map: null },
    },
    lock: { field: 'status', values: ['FINAL'] },
    // The appraiser's part of an evaluation: ratings, umpan balik, rekomendasi, Final.
    penilaiPaths: [/^ratingHasil$/, /^ratingPerilaku$/, /^predikat$/, /^status$/, /^finalPada$/, /^perilaku\//, /^rekomendasi\//, /^hasil\/[^/]+\/umpanBalik(\/|$)/],
    laptop: 'appraised',
    year: { period: 'periodId' },
  },
  attachments: {
    since: 1,
    indexes: ['ownerId'],
    fields: { ownerId: 'string' },
    laptop: { field: 'ownerId', in: 'evaluations' },
    year: { evaluation: 'ownerId' },
  },
  unitResults: {
    since: 2,
    indexes: ['[unitId+periodId]', 'year'],
    fields: { unitId: 'string', periodId: 'string' },
    laptop: { field: 'unitId', in: 'units' },
    year: { year: 'year' },
  },
  trainings: {
    since: 2,
    indexes: ['[employeeId+year]', 'year'],
    fields: { employeeId: 'string', year: 'number' },
    laptop: { field: 'employeeId', in: 'people' },
    year: { year: 'year' },
  },
  signatures: {
    since: 3,
    indexes: ['employeeId'],
    fields: { employeeId: 'string', dataUrl: 'string' },
    laptop: { field: 'employeeId', in: 'people' },
    year: 'context',
  },
} as const satisfies Record<string, TableSpec>;
