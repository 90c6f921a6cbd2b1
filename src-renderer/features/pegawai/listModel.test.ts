import { describe, expect, it } from 'vitest';
import { emptyEmployeeFields, printedName, searchText, type Employee } from '../../domain/pegawai';
import { applyFilters, DEFAULT_FILTERS, type Sort } from './listModel';

const meta = { createdAt: '', updatedAt: '', updatedBy: 'o', rev: '', deleted: false };
function row(id: string, nama: string, nip: string, extra: Partial<Employee> = {}) {
  const e: Employee = { ...meta, ...emptyEmployeeFields(), id, nama, nip, ...extra };
  return { e, name: printedName(e), text: searchText(e) };
}
const rows = [
  row('1', 'Budi Santoso', '198001012005011001', { golongan: 'III/d', unitId: 'u1', atasanId: '3' }),
  row('2', 'Ani Lestari', '199002022015012002', { golongan: 'II/c', unitId: 'u2', aktif: false }),
  row('3', 'Asep Saepudin', '197003031995031003', { golongan: 'IV/a', unitId: 'u1', gelarDepan: 'Drs.' }),
];
const unitName = (id: string | null) => (id === 'u1' ? 'Seksi A' : 'Seksi B');
const sortByName: Sort = { key: 'nama', dir: 1 };
const ids = (f: Partial<typeof DEFAULT_FILTERS>, sort: Sort = sortByName) =>
  applyFilters(rows, { ...DEFAULT_FILTERS, ...f }, sort, unitName).map((r) => r.e.id);

describe('employee list filters', () => {
  it('at a BKD, shows one office at a time when asked', () => {
    const two = [row('a', 'Ani', '199002022015012002', { officeId: 'curug' } as Partial<Employee>), row('b', 'Budi', '198001012005011001', { officeId: 'cikupa' } as Partial<Employee>)];
    expect(applyFilters(two, { ...DEFAULT_FILTERS, office: 'cikupa' }, sortByName, unitName).map((r) => r.e.id)).toEqual(['b']);
    expect(applyFilters(two, DEFAULT_FILTERS, sortByName, unitName).map((r) => r.e.id)).toEqual(['a', 'b']);
  });

  it('shows active employees by default, sorted by name', () => {
    expect(ids({})).toEqual(['3', '1']);
  });

  it('inactive employees appear only when asked for', () => {
    expect(ids({ aktif: 'nonaktif' })).toEqual(['2']);
    expect(ids({ aktif: 'semua' })).toEqual(['2', '3', '1']);
  });

  it('searches by spaced NIP and by name ignoring gelar', () => {
    expect(ids({ query: '19800101 200501' })).toEqual(['1']);
    expect(ids({ query: 'drs asep' })).toEqual(['3']);
  });

  it('filters by unit, golongan and missing atasan', () => {
    expect(ids({ unitId: 'u1', golongan: 'IV/a' })).toEqual(['3']);
    expect(ids({ tanpaAtasan: true })).toEqual(['3']);
  });

  it('sorts by golongan rank, both directions', () => {
    expect(ids({ aktif: 'semua' }, { key: 'golongan', dir: 1 })).toEqual(['2', '1', '3']);
    expect(ids({ aktif: 'semua' }, { key: 'golongan', dir: -1 })).toEqual(['3', '1', '2']);
  });
});
