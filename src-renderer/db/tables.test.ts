import { describe, expect, it, vi } from 'vitest';
import type { TableSpec } from '../domain/tables';

// A new synced table is one entry in domain/tables.ts (issue #32). This file adds a toy table,
// "catatan" (a note on an employee, per year), to that entry alone and checks that the schema, the
// record checks on receipt, the merge, a penilai laptop's scope and the year archive all know it.
vi.mock('../domain/tables', async (importOriginal) => {
  const real = await importOriginal<typeof import('../domain/tables')>();
  const catatan: TableSpec = {
    since: 9,
    indexes: ['employeeId', 'year'],
    fields: { employeeId: 'string', year: 'number', teks: 'string' },
    shape: { butir: { list: {} } },
    lock: { field: 'status', values: ['TERKUNCI'] },
    laptop: { field: 'employeeId', in: 'people' },
    year: { year: 'year' },
  };
  return { ...real, TABLES: { ...real.TABLES, catatan } };
});

const { CURRENT_VERSION, SCHEMA_VERSIONS, SYNCED_TABLES } = await import('./schema');
const { saveDoc } = await import('./write');
const { kecamatan, laptopOf } = await import('./packages.testkit');
const { findRecordProblem } = await import('../exchange/records');
const { flatten } = await import('../domain/sync/paths');
const { LOCKS, shapeOf } = await import('../domain/sync/merge');
const { recordYear, YEAR_TABLES } = await import('../domain/archive');

type Ctx = Parameters<typeof saveDoc>[4];
/** A repository for the toy table would hold this context as every repository does (db/store.ts). */
const contextOf = (store: { trainings: unknown }) => (store.trainings as { context: () => Promise<Ctx> }).context();

describe('a synced table added in domain/tables.ts alone', () => {
  it('gets a schema version of its own, with the indexes every synced table carries', () => {
    expect(SYNCED_TABLES).toContain('catatan');
    expect(CURRENT_VERSION).toBe(9);
    expect(SCHEMA_VERSIONS.at(-1)).toEqual({ version: 9, stores: { catatan: 'id, employeeId, year, updatedAt, syncKey, svf, *kn' } });
  });

  it('is stored with its knowledge keys, and a penilai laptop receives the notes of the people it appraises only', async () => {
    const { kantor, camat, sekcam, staf } = await kecamatan();
    const write = (employeeId: string, teks: string) =>
      kantor.db.transaction('rw', [kantor.db.table('catatan'), kantor.db.auditLog, kantor.db.settings], async () =>
        saveDoc(kantor.db, 'catatan' as never, undefined, { employeeId, year: 2026, teks } as never, await contextOf(kantor)),
      );
    const forSekcam = await write(sekcam.id, 'Rapat koordinasi dipimpin dengan baik');
    await write(staf.id, 'Laporan terlambat dua hari');
    const stored = await kantor.db.table('catatan').get(forSekcam.id);
    expect(stored.kn?.length).toBeGreaterThan(0);
    expect(await kantor.db.table('catatan').where('employeeId').equals(staf.id).count()).toBe(1);

    // The camat's laptop appraises the sekcam: his note travels, the staff member's stays at the office.
    const { laptop } = await laptopOf(kantor, camat.id);
    const received = await laptop.db.table('catatan').toArray();
    expect(received.map((n) => n.teks)).toEqual(['Rapat koordinasi dipimpin dengan baik']);
  });

  it('is checked on receipt: a note without the text the table relies on is refused', () => {
    const doc = { id: 'n1', rev: '001767571200000-00000-ikantor', createdAt: '', updatedAt: '', updatedBy: 'x', deleted: false, employeeId: 'e1', year: 2026 };
    expect(findRecordProblem([{ table: 'catatan', schemaVersion: 9, doc }])).toMatchObject({ code: 'badField', table: 'catatan', field: 'teks' });
    expect(findRecordProblem([{ table: 'catatan', schemaVersion: 9, doc: { ...doc, teks: 'Baik' } }])).toBeNull();
  });

  it('merges its list per item, is frozen by its lock, and is archived with its year', () => {
    const flat = flatten({ id: 'n1', teks: 'x', butir: [{ id: 'b1', isi: 'satu' }] }, shapeOf('catatan'));
    expect(flat.get('butir/b1/isi')).toBe('satu');
    expect(LOCKS.catatan).toEqual({ field: 'status', values: ['TERKUNCI'] });
    expect(YEAR_TABLES).toContain('catatan');
    expect(recordYear('catatan', { year: 2025 }, () => null)).toBe(2025);
  });
});
