import { afterEach, describe, expect, it } from 'vitest';
import { RepoError } from './errors';
import { DataStore } from './store';

let n = 0;
const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

async function office() {
  const s = await DataStore.open(`unit-${++n}`);
  stores.push(s);
  await s.settings.setupOffice({ namaInstansi: 'Pemkab', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Siti' }, new Date());
  return s;
}

async function refusal(p: Promise<unknown>): Promise<RepoError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RepoError);
  return err as RepoError;
}

describe('unit repository', () => {
  it('a second unit with the same name under the same parent is refused (a double-clicked Simpan makes one unit)', async () => {
    const s = await office();
    const kec = await s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
    const fields = { nama: 'Seksi Pemerintahan', parentId: kec.id, headId: null, aktif: true };
    // Two saves started together, as two clicks would.
    const results = await Promise.allSettled([s.units.save(null, fields), s.units.save(null, { ...fields, nama: ' seksi  pemerintahan ' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'unitNameTaken', params: { parent: 'Kecamatan Curug' } });
    expect((await s.units.list()).filter((u) => u.nama.toLowerCase().includes('pemerintahan'))).toHaveLength(1);

    // The same name elsewhere is fine, and saving the unit itself again is not a clash.
    const other = await s.units.save(null, { nama: 'Kelurahan Binong', parentId: kec.id, headId: null, aktif: true });
    await s.units.save(null, { nama: 'Seksi Pemerintahan', parentId: other.id, headId: null, aktif: true });
    const mine = (await s.units.list()).find((u) => u.parentId === kec.id && u.nama === 'Seksi Pemerintahan')!;
    await s.units.save(mine.id, { ...fields, headId: null });
    expect((await refusal(s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true }))).code).toBe('unitNameTakenTop');
  });

  it('keeps the office’s order of units; clearing it writes null, and a unit saved without one is not rewritten for it', async () => {
    const s = await office();
    const kec = await s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
    const eko = await s.units.save(null, { nama: 'Seksi Ekonomi', parentId: kec.id, headId: null, aktif: true });
    const sek = await s.units.save(null, { nama: 'Sekretariat', parentId: kec.id, headId: null, aktif: true, urutan: 1.4 });
    expect(sek.urutan).toBe(1);
    expect('urutan' in eko).toBe(false);
    const again = await s.units.save(eko.id, { nama: 'Seksi Ekonomi', parentId: kec.id, headId: null, aktif: true, urutan: null });
    expect(again.rev).toBe(eko.rev);
    const cleared = await s.units.save(sek.id, { nama: 'Sekretariat', parentId: kec.id, headId: null, aktif: true, urutan: null });
    expect(cleared.urutan).toBeNull();
  });
});
