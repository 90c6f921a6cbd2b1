import { describe, expect, it } from 'vitest';
import { authorizeFor, type Installation } from './access';
import { mergeDocs, openConflicts, type SyncDoc } from './merge';
import { flatten, SHAPES, unflatten, valueAt } from './paths';
import { canonical, evaluationValues, Replica } from './sync.testkit';

const ID = 'ev1';

/** Kantor and laptop each hold the evaluation the kantor created. */
function pair() {
  const kantor = new Replica('kantor');
  const laptop = new Replica('laptop');
  laptop.receive(kantor.edit(ID, evaluationValues()));
  return { kantor, laptop };
}

function hasil(doc: SyncDoc, rhk: string) {
  return (doc.hasil as Record<string, { realisasi: string; umpanBalik: { id: string; teks: string }[] }>)[rhk]!;
}

describe('paths of a document', () => {
  it('addresses RHK, indicators and per-RHK entries by id, and rebuilds the same document', () => {
    const skp = {
      id: 's', deleted: false, status: 'DRAF',
      rhk: [
        { id: 'b', teks: 'RHK B', indikator: [{ id: 'i1', teks: 'jumlah', target: '10' }] },
        { id: 'a', teks: 'RHK A', indikator: [] },
      ],
      ekspektasi: { BERORIENTASI_PELAYANAN: 'ramah' },
      lampiran: { dukungan: ['x'], skema: [], konsekuensi: [] },
    };
    const flat = flatten(skp, SHAPES.skps);
    expect(flat.get('rhk/b/teks')).toBe('RHK B');
    expect(flat.get('rhk/b/indikator/i1/target')).toBe('10');
    expect(flat.get('rhk/a/#pos')).toBe(1);
    expect(flat.get('ekspektasi/BERORIENTASI_PELAYANAN')).toBe('ramah');
    const { id: _id, ...rest } = skp;
    expect(unflatten(flat, SHAPES.skps)).toEqual(rest);
  });

  it('finds the value of one path the way flatten does', () => {
    const doc = {
      rhk: [{ id: 'a', teks: 'A', indikator: [{ id: 'i', target: '3' }] }, { id: 'b', teks: 'B', indikator: [] }],
      hasil: { a: { realisasi: '2', umpanBalik: [{ id: 'u', teks: 'ok' }] } },
      ekspektasi: { X: 'y' },
    };
    const shape = { ...SHAPES.skps, ...SHAPES.evaluations };
    for (const [path, value] of flatten(doc, shape)) expect(valueAt(doc, path, shape), path).toEqual(value);
    expect(valueAt(doc, 'rhk/zz/teks', shape)).toBeUndefined();
    expect(valueAt(doc, 'hasil/zz/realisasi', shape)).toBeUndefined();
  });

  it('escapes a key that contains the separator', () => {
    const doc = { perilaku: { 'a/b': 'x' } };
    expect(unflatten(flatten(doc, SHAPES.evaluations), SHAPES.evaluations).perilaku).toEqual({ 'a/b': 'x' });
  });
});

describe('merging two copies of one evaluation', () => {
  it('keeps the admin realisasi and the camat rating made on two computers', () => {
    const { kantor, laptop } = pair();
    kantor.edit(ID, { hasil: { ...(kantor.get(ID).hasil as object), r1: { realisasi: '310 surat', buktiDukung: '', umpanBalik: [] } } });
    laptop.edit(ID, { ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'DI_ATAS_EKSPEKTASI' });
    kantor.receive(laptop.get(ID));
    laptop.receive(kantor.get(ID));
    for (const r of [kantor, laptop]) {
      expect(hasil(r.get(ID), 'r1').realisasi).toBe('310 surat');
      expect(r.get(ID).ratingHasil).toBe('SESUAI_EKSPEKTASI');
      expect(r.conflicts(ID)).toEqual([]);
    }
    expect(canonical('evaluations', kantor.get(ID))).toBe(canonical('evaluations', laptop.get(ID)));
  });

  it('one field edited on both: the greater rev wins everywhere and the other value stays as a conflict until resolved', () => {
    const { kantor, laptop } = pair();
    kantor.edit(ID, { ratingHasil: 'DI_BAWAH_EKSPEKTASI' });
    laptop.wallMs += 1000;
    laptop.edit(ID, { ratingHasil: 'DI_ATAS_EKSPEKTASI' });
    kantor.receive(laptop.get(ID));
    laptop.receive(kantor.get(ID));
    for (const r of [kantor, laptop]) {
      expect(r.get(ID).ratingHasil).toBe('DI_ATAS_EKSPEKTASI');
      const [c] = r.conflicts(ID);
      expect(c?.kind).toBe('field');
      expect(c?.heads.map((h) => h.value)).toEqual(['DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI']);
    }
    // Resolving is an ordinary edit made having seen both: choosing the losing value.
    kantor.edit(ID, { ratingHasil: 'DI_BAWAH_EKSPEKTASI' });
    laptop.receive(kantor.get(ID));
    for (const r of [kantor, laptop]) {
      expect(r.get(ID).ratingHasil).toBe('DI_BAWAH_EKSPEKTASI');
      expect(r.conflicts(ID)).toEqual([]);
    }
  });

  it('choosing the value that already wins also resolves (the path is written again)', () => {
    const { kantor, laptop } = pair();
    kantor.edit(ID, { predikat: 'BAIK' });
    laptop.wallMs += 5;
    laptop.edit(ID, { predikat: 'SANGAT_BAIK' });
    kantor.receive(laptop.get(ID));
    expect(kantor.conflicts(ID)).toHaveLength(1);
    kantor.edit(ID, {}, ['predikat']);
    expect(kantor.conflicts(ID)).toEqual([]);
    laptop.receive(kantor.get(ID));
    expect(laptop.conflicts(ID)).toEqual([]);
    expect(laptop.get(ID).predikat).toBe('SANGAT_BAIK');
  });

  it('an edit made after seeing a value beats it even when its wall clock is months behind', () => {
    const { kantor, laptop } = pair();
    kantor.wallMs += 180 * 86_400_000;
    kantor.edit(ID, { ratingPerilaku: 'SESUAI_EKSPEKTASI' });
    laptop.receive(kantor.get(ID));
    laptop.edit(ID, { ratingPerilaku: 'DI_ATAS_EKSPEKTASI' });
    kantor.receive(laptop.get(ID));
    expect(kantor.get(ID).ratingPerilaku).toBe('DI_ATAS_EKSPEKTASI');
    expect(kantor.conflicts(ID)).toEqual([]);
  });

  it('two feedback notes added on two computers both stay, in the same order everywhere', () => {
    const { kantor, laptop } = pair();
    const withNote = (r: Replica, id: string, teks: string) => {
      const h = structuredClone(r.get(ID).hasil) as Record<string, { umpanBalik: unknown[] }>;
      h.r1!.umpanBalik.push({ id, tanggal: '2026-02-01', teks });
      r.edit(ID, { hasil: h });
    };
    withNote(kantor, 'n-kantor', 'dari admin');
    withNote(laptop, 'n-laptop', 'dari camat');
    kantor.receive(laptop.get(ID));
    laptop.receive(kantor.get(ID));
    expect(hasil(kantor.get(ID), 'r1').umpanBalik.map((n) => n.teks)).toEqual(['dari admin', 'dari camat']);
    expect(canonical('evaluations', kantor.get(ID))).toBe(canonical('evaluations', laptop.get(ID)));
    expect(kantor.conflicts(ID)).toEqual([]);
  });

  it('a delete and an edit made without seeing each other is a conflict; a delete after seeing the edit is not', () => {
    const { kantor, laptop } = pair();
    kantor.edit(ID, { deleted: true });
    laptop.edit(ID, { ratingHasil: 'SESUAI_EKSPEKTASI' });
    kantor.receive(laptop.get(ID));
    laptop.receive(kantor.get(ID));
    for (const r of [kantor, laptop]) {
      expect(r.get(ID).deleted).toBe(true);
      expect(r.conflicts(ID).map((c) => [c.kind, c.paths])).toEqual([['deleteEdit', ['ratingHasil']]]);
    }
    // Deleting again, having seen the edit, settles it.
    kantor.edit(ID, { deleted: true }, ['deleted']);
    laptop.receive(kantor.get(ID));
    expect(laptop.conflicts(ID)).toEqual([]);
  });

  it('a restore made after the delete brings the record back', () => {
    const { kantor, laptop } = pair();
    kantor.edit(ID, { deleted: true });
    laptop.receive(kantor.get(ID));
    laptop.edit(ID, { deleted: false });
    kantor.receive(laptop.get(ID));
    expect(kantor.get(ID).deleted).toBe(false);
    expect(kantor.conflicts(ID)).toEqual([]);
  });

  it('an edit that did not see the Final lock is applied and flagged the same way on both sides', () => {
    const { kantor, laptop } = pair();
    laptop.edit(ID, { status: 'FINAL', finalPada: '2026-04-02' });
    kantor.edit(ID, { hasil: { ...(kantor.get(ID).hasil as object), r2: { realisasi: '12 laporan', buktiDukung: '', umpanBalik: [] } } });
    kantor.receive(laptop.get(ID));
    laptop.receive(kantor.get(ID));
    for (const r of [kantor, laptop]) {
      expect(r.get(ID).status).toBe('FINAL');
      expect(hasil(r.get(ID), 'r2').realisasi).toBe('12 laporan');
      expect(r.conflicts(ID).map((c) => [c.kind, c.paths])).toEqual([['afterLock', ['hasil/r2/realisasi']]]);
    }
    // Acknowledging = writing the lock again having seen the edit.
    laptop.edit(ID, {}, ['status']);
    kantor.receive(laptop.get(ID));
    expect(kantor.conflicts(ID)).toEqual([]);
  });

  it('a per-RHK entry removed on one side while edited on the other is a conflict', () => {
    const { kantor, laptop } = pair();
    const h = structuredClone(kantor.get(ID).hasil) as Record<string, unknown>;
    delete h.r2;
    kantor.edit(ID, { hasil: h });
    laptop.edit(ID, { hasil: { ...(laptop.get(ID).hasil as object), r2: { realisasi: '5', buktiDukung: '', umpanBalik: [] } } });
    kantor.receive(laptop.get(ID));
    laptop.receive(kantor.get(ID));
    for (const r of [kantor, laptop]) {
      expect(Object.keys(r.get(ID).hasil as object)).toEqual(['r1']);
      expect(r.conflicts(ID).map((c) => [c.kind, c.path, c.paths])).toEqual([['removeEdit', 'hasil/r2', ['hasil/r2/realisasi']]]);
    }
    expect(canonical('evaluations', kantor.get(ID))).toBe(canonical('evaluations', laptop.get(ID)));
  });

  it('compares attachments by content, not by object identity', () => {
    const a = new Replica('a', Date.UTC(2026, 0, 5), 'attachments');
    const b = new Replica('b', Date.UTC(2026, 0, 5), 'attachments');
    b.receive(a.edit('f1', { ownerId: 'ev1', data: new Uint8Array([1, 2, 3]).buffer }));
    const again = b.receive(structuredClone(a.get('f1')));
    expect(again.changed).toBe(false);
    b.edit('f1', { data: new Uint8Array([1, 2, 3]).buffer });
    expect(b.get('f1').rev).toBe(a.get('f1').rev); // same bytes: nothing written
  });

  it('one rev with two contents (a copied profile) keeps both values and names the installation', () => {
    const kantor = new Replica('pc');
    const twin = new Replica('pc');
    twin.receive(kantor.edit(ID, evaluationValues()));
    twin.last = kantor.last;
    kantor.edit(ID, { predikat: 'BAIK' });
    twin.edit(ID, { predikat: 'KURANG' });
    const out = kantor.receive(twin.get(ID));
    expect(out.clones).toEqual(['pc']);
    expect(kantor.conflicts(ID)[0]?.heads.map((h) => h.value).sort()).toEqual(['BAIK', 'KURANG']);
  });
});

describe('who may write what', () => {
  const enrolments: Record<string, Installation> = {
    kantor: { id: 'kantor', officeId: 'office-kantor', role: 'KANTOR', nama: 'PC admin', penilaiEmployeeId: null } as Installation,
    laptop: { id: 'laptop', officeId: 'office-kantor', role: 'PENILAI', nama: 'laptop Camat', penilaiEmployeeId: 'camat' } as Installation,
    bkd: { id: 'bkd', officeId: 'office-bkd', role: 'BKD', nama: 'BKD', penilaiEmployeeId: null } as Installation,
  };
  const auth = (local: SyncDoc | undefined) => authorizeFor('evaluations', 'office-kantor', local, (id) => enrolments[id]);

  it('takes the camat rating from his laptop but keeps a realisasi he typed there as a proposal', () => {
    const { kantor, laptop } = pair();
    laptop.edit(ID, { ratingHasil: 'SESUAI_EKSPEKTASI', hasil: { ...(laptop.get(ID).hasil as object), r1: { realisasi: '999', buktiDukung: '', umpanBalik: [] } } });
    const out = kantor.receive(laptop.get(ID), auth(kantor.get(ID)));
    expect(kantor.get(ID).ratingHasil).toBe('SESUAI_EKSPEKTASI');
    expect(hasil(kantor.get(ID), 'r1').realisasi).toBe('');
    expect(out.refused.map((r) => r.path)).toEqual(['hasil/r1/realisasi']);
  });

  it('refuses a laptop rating an employee who is not its appraisee, and any write from an unknown or foreign installation', () => {
    const { kantor, laptop } = pair();
    kantor.edit(ID, { penilai: { ...(evaluationValues().penilai as object), employeeId: 'sekcam' } });
    laptop.edit(ID, { ratingHasil: 'SESUAI_EKSPEKTASI' });
    expect(kantor.receive(laptop.get(ID), auth(kantor.get(ID))).refused).toHaveLength(1);
    const bkd = new Replica('bkd');
    bkd.receive(kantor.get(ID));
    bkd.edit(ID, { predikat: 'BAIK' });
    expect(kantor.receive(bkd.get(ID), auth(kantor.get(ID))).refused.map((r) => r.path)).toEqual(['predikat']);
    const stranger = new Replica('stranger');
    const created = mergeDocs('evaluations', undefined, stranger.edit('new', evaluationValues()), { authorize: auth(undefined) });
    expect(created.rejected).toBe(true);
  });

  it('a BKD takes a new evaluation relayed by the office with the camat’s ratings in it; a forged penilai does not help a stranger laptop', () => {
    const { kantor, laptop } = pair();
    laptop.edit(ID, { ratingHasil: 'SESUAI_EKSPEKTASI' });
    kantor.receive(laptop.get(ID));
    const atBkd = mergeDocs('evaluations', undefined, kantor.get(ID), { authorize: authorizeFor('evaluations', 'office-kantor', undefined, (id) => enrolments[id], kantor.get(ID)) });
    expect(atBkd.rejected).toBe(false);
    expect(atBkd.doc.ratingHasil).toBe('SESUAI_EKSPEKTASI');
    // A laptop that writes itself in as penilai of a record new to the receiver is not believed.
    const other = new Replica('laptop');
    other.receive(kantor.get(ID));
    other.edit(ID, { penilai: { employeeId: 'camat' }, predikat: 'BAIK' });
    const forged = structuredClone(other.get(ID));
    const out = mergeDocs('evaluations', undefined, forged, { authorize: authorizeFor('evaluations', 'office-kantor', undefined, (id) => enrolments[id], forged) });
    expect(out.rejected).toBe(true);
  });

  it('lists nothing when there is nothing to review', () => {
    const { kantor } = pair();
    expect(openConflicts('evaluations', kantor.get(ID))).toEqual([]);
  });
});
