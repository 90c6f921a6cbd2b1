import { afterEach, describe, expect, it } from 'vitest';
import { DataStore } from '../../db/store';
import { person, rhk } from '../../sample/records';
import { bulkTransition } from './bulk';

const stores: DataStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

async function office() {
  const s = await DataStore.open(`bulk-${stores.length}-${Date.now()}`);
  stores.push(s);
  await s.settings.setupOffice({ namaInstansi: 'Pemerintah Kabupaten Tangerang', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Siti' }, new Date());
  const kec = await s.units.save(null, { nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true });
  const camat = await s.employees.save(null, person('197001011995031001', 'Asep', { unitId: kec.id, golongan: 'IV/b', jabatan: 'Camat' }));
  const ids: string[] = [];
  for (const [i, nama] of ['Ani', 'Budi', 'Citra'].entries()) {
    const e = await s.employees.save(null, person(`19900101201501100${i + 1}`, nama, { unitId: kec.id, atasanId: camat.id, golongan: 'III/a', jabatan: 'Analis' }));
    const skp = await s.skps.create(e.id, 2026);
    // Budi's SKP has no RHK: it cannot be submitted.
    if (nama !== 'Budi') await s.skps.save(skp.id, { rhk: [rhk(`Laporan ${nama}`)] });
    ids.push(skp.id);
  }
  return { s, ids };
}

describe('Ajukan and Setujui for many SKPs', () => {
  it('moves every SKP that passes the checks, one by one, and names why the others did not', async () => {
    const { s, ids } = await office();
    const submitted = await bulkTransition(s, ids, 'AJUKAN', (err) => String((err as Error).message));
    expect(submitted.map((o) => o.error === '')).toEqual([true, false, true]);
    expect(submitted[1]!.error).toMatch(/skpInvalid/);
    expect((await Promise.all(ids.map((id) => s.skps.get(id)))).map((k) => k!.status)).toEqual(['DIAJUKAN', 'DRAF', 'DIAJUKAN']);

    // Setujui on all three: the draft cannot be approved before it is submitted; the others are.
    const approved = await bulkTransition(s, ids, 'SETUJUI', (err) => String((err as Error).message));
    expect(approved.map((o) => o.error === '')).toEqual([true, false, true]);
    expect((await Promise.all(ids.map((id) => s.skps.get(id)))).map((k) => k!.status)).toEqual(['DISETUJUI', 'DRAF', 'DISETUJUI']);
  });
});
