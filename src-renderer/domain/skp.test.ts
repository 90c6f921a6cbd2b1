import { describe, expect, it } from 'vitest';
import { emptyEmployeeFields, type Employee } from './pegawai';
import { buildMatriks, externalPenilaiOf, groupedRhk, newRhk, snapshotOf, validateSkp, type Rhk, type Skp, type SkpFields } from './skp';

const person = { employeeId: 'e1', nama: 'Budi', nip: '199001152015031002', status: 'PNS' as const, pangkat: 'Penata Muda / III/a', jabatan: 'Staf', unit: 'Seksi' };
function rhk(id: string, jenis: Rhk['jenis'], over: Partial<Rhk> = {}): Rhk {
  return {
    ...newRhk(jenis, id, `${id}-i1`),
    teks: `RHK ${id}`,
    indikator: [{ id: `${id}-i1`, aspek: 'KUANTITAS', teks: 'Jumlah laporan', target: '12 Laporan' }],
    ...over,
  };
}
const base: SkpFields = {
  employeeId: 'e1', year: 2026, mulai: '2026-01-01', selesai: '2026-12-31', pendekatan: 'KUANTITATIF', jenis: 'JA_JF',
  pegawai: person, penilai: { ...person, employeeId: 'e0', nama: 'Kasi' }, atasanPenilai: null,
  rhk: [rhk('r1', 'UTAMA')], ekspektasi: {}, lampiran: { dukungan: [], skema: [], konsekuensi: [] },
  status: 'DRAF', disetujuiPada: '', rulePack: { id: 'permenpanrb-6-2022', version: 1 },
};
const exists = () => true;
const codes = (s: SkpFields, ex = exists) => validateSkp(s, ex).map((i) => `${i.code}${i.rhkNo ? `@${i.group}${i.rhkNo}` : ''}${i.indikatorNo ? `.${i.indikatorNo}` : ''}`);

describe('SKP validation (blocks submitting, not saving a draft)', () => {
  it('a complete SKP has no issues', () => {
    expect(codes(base)).toEqual([]);
  });

  it('needs at least one RHK Utama', () => {
    expect(codes({ ...base, rhk: [rhk('t1', 'TAMBAHAN')] })).toEqual(['noUtama']);
  });

  it('an RHK without indicator, missing targets and aspek are named with their position', () => {
    const s = {
      ...base,
      rhk: [
        rhk('r1', 'UTAMA'),
        rhk('r2', 'UTAMA', { indikator: [] }),
        rhk('t1', 'TAMBAHAN', { teks: ' ', indikator: [{ id: 'x', aspek: '', teks: 'Ketepatan', target: '' }] }),
      ],
    };
    expect(codes(s)).toEqual(['indikatorRequired@UTAMA2', 'rhkTextRequired@TAMBAHAN1', 'targetRequired@TAMBAHAN1.1', 'aspekRequired@TAMBAHAN1.1']);
  });

  it('the qualitative approach needs no aspek', () => {
    const s = { ...base, pendekatan: 'KUALITATIF' as const, rhk: [rhk('r1', 'UTAMA', { indikator: [{ id: 'i', aspek: '', teks: 'Laporan diterima', target: 'Tepat waktu' }] })] };
    expect(codes(s)).toEqual([]);
  });

  it('JPT RHK need a perspektif', () => {
    expect(codes({ ...base, jenis: 'JPT' })).toEqual(['perspektifRequired@UTAMA1']);
    expect(codes({ ...base, jenis: 'JPT', rhk: [rhk('r1', 'UTAMA', { perspektif: 'PROSES_BISNIS' })] })).toEqual([]);
  });

  it('an intervened superior RHK that no longer exists is reported', () => {
    const s = { ...base, rhk: [rhk('r1', 'UTAMA', { intervensi: { skpId: 'a', rhkId: 'gone', teks: 'Lama' } })] };
    expect(codes(s, () => false)).toEqual(['intervensiMissing@UTAMA1']);
  });

  it('the period must lie in the SKP year, start before end; an appraiser is required', () => {
    expect(codes({ ...base, mulai: '2026-07-01', selesai: '2026-06-30' })).toEqual(['periodInvalid']);
    expect(codes({ ...base, selesai: '2027-01-31' })).toEqual(['periodInvalid']);
    expect(codes({ ...base, penilai: null })).toEqual(['penilaiMissing']);
    expect(codes({ ...base, penilai: { ...person, employeeId: '', nama: ' ' } })).toEqual(['penilaiMissing']);
    expect(codes({ ...base, penilai: { ...person, employeeId: '', nama: 'Sekretaris Daerah', nip: '' } })).toEqual([]);
  });
});

describe('numbering and snapshots', () => {
  it('numbers RHK per group', () => {
    const g = groupedRhk([rhk('a', 'UTAMA'), rhk('t', 'TAMBAHAN'), rhk('b', 'UTAMA')]);
    expect(g.map((x) => `${x.group}:${x.items.map((i) => `${i.no}=${i.rhk.id}`).join(',')}`)).toEqual(['UTAMA:1=a,2=b', 'TAMBAHAN:1=t']);
  });

  it('snapshots the printed identity', () => {
    const e: Employee = {
      ...emptyEmployeeFields(), id: 'x', createdAt: '', updatedAt: '', updatedBy: '', rev: '', deleted: false,
      nip: '198001012005011001', nama: 'Asep Saepudin', gelarDepan: 'Drs.', gelarBelakang: 'M.Si.', golongan: 'IV/a', jabatan: 'Camat',
    };
    expect(snapshotOf(e, 'Kecamatan Curug')).toEqual({
      employeeId: 'x', nama: 'Drs. Asep Saepudin, M.Si.', nip: '198001012005011001', status: 'PNS',
      pangkat: 'Pembina / IV/a', jabatan: 'Camat', unit: 'Kecamatan Curug',
    });
  });
});

describe('matriks peran hasil', () => {
  const atasan = { id: 'A', rhk: [rhk('a1', 'UTAMA'), rhk('a2', 'UTAMA')] };
  it('places each subordinate RHK under the superior RHK it intervenes in and flags those without', () => {
    const m = buildMatriks(atasan, [
      { employeeId: 's1', nama: 'Satu', jabatan: 'Staf', skp: { id: 'S1', rhk: [rhk('x', 'UTAMA', { intervensi: { skpId: 'A', rhkId: 'a2', teks: '' } })] } },
      { employeeId: 's2', nama: 'Dua', jabatan: 'Staf', skp: { id: 'S2', rhk: [rhk('y', 'UTAMA')] } },
      { employeeId: 's3', nama: 'Tiga', jabatan: 'Staf', skp: null },
    ]);
    expect(m.columns.map((c) => c.id)).toEqual(['a1', 'a2']);
    expect(m.rows.map((r) => r.cells.map((c) => c.rhk.map((x) => x.id).join('+')))).toEqual([['', 'x'], ['', ''], ['', '']]);
    expect(m.rows.map((r) => r.tanpaCascading)).toEqual([false, true, true]);
  });
});

describe('an appraiser from outside the office', () => {
  const meta = { id: 's', createdAt: '', updatedAt: '', updatedBy: '', rev: '', deleted: false };
  const skp = (employeeId: string, penilai: SkpFields['penilai'], over: Partial<Skp> = {}): Skp => ({ ...base, ...meta, id: `s-${employeeId}`, employeeId, penilai, ...over });
  const sekda = { employeeId: '', nama: 'Drs. H. Moch. Maesyal Rasyid, M.Si.', nip: '', status: 'PNS' as const, pangkat: '', jabatan: 'Sekretaris Daerah', unit: '' };
  it.each([
    ['typed on the camat’s SKP of the year: he has a penilai', [skp('camat', sekda)], ['camat']],
    ['an appraiser from the registry is not “outside”', [skp('staf', { ...sekda, employeeId: 'kasi' })], []],
    ['an empty typed appraiser does not count', [skp('camat', { ...sekda, nama: ' ' })], []],
    ['another year’s SKP does not count', [skp('camat', sekda, { year: 2025 })], []],
    ['a deleted SKP does not count', [skp('camat', sekda, { deleted: true })], []],
  ])('%s', (_what, list, ids) => {
    expect([...externalPenilaiOf(list, 2026).keys()]).toEqual(ids);
  });
});
