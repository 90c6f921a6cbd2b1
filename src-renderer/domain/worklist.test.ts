import { describe, expect, it } from 'vitest';
import { PERMENPANRB_6_2022 as pack } from './rulepack';
import { testUnit } from './unit.testkit';
import { buildWorklist, type WorklistInput } from './worklist';

const Q3 = '2026-TRIWULANAN-3';
const UNITS = [testUnit('kec', 'Kecamatan Curug', null), testUnit('pem', 'Seksi Pemerintahan', 'kec')];

function input(patch: Partial<WorklistInput> = {}): WorklistInput {
  return {
    pack,
    year: 2026,
    today: { year: 2026, month: 8, day: 10 },
    currentPeriodId: Q3,
    employees: [
      { id: 'camat', aktif: true, unitId: 'kec' },
      { id: 'kasi', aktif: true, unitId: 'pem' },
      { id: 'staf1', aktif: true, unitId: 'pem' },
      { id: 'staf2', aktif: true, unitId: 'pem' },
      { id: 'pensiun', aktif: false, unitId: 'pem' },
    ],
    skps: [
      { employeeId: 'camat', status: 'DISETUJUI' },
      { employeeId: 'kasi', status: 'DISETUJUI' },
      { employeeId: 'staf1', status: 'DIAJUKAN' },
    ],
    evaluations: [],
    unitResults: [],
    scope: 'UNIT',
    units: UNITS,
    unitId: null,
    ...patch,
  };
}

describe('worklist', () => {
  it('lists active employees without SKP, and late SKP only after 31 January', () => {
    expect(buildWorklist(input()).noSkp).toEqual(['staf2']);
    expect(buildWorklist(input()).skpLate).toEqual(['staf1']);
    expect(buildWorklist(input({ today: { year: 2026, month: 1, day: 31 } })).skpLate).toEqual([]);
  });

  it('approved SKP without a final evaluation this period are "not yet evaluated"', () => {
    const w = buildWorklist(input({
      evaluations: [
        { employeeId: 'camat', unitId: 'kec', periodId: Q3, status: 'FINAL', predikat: 'BAIK', pembinaan: '' },
        { employeeId: 'kasi', unitId: 'pem', periodId: Q3, status: 'DRAF', predikat: 'BAIK', pembinaan: '' },
      ],
    }));
    expect(w.notEvaluated).toEqual(['kasi']);
  });

  it('(each unit alone) a unit with ratings but no capaian asks for it; with capaian BAIK and everyone Sangat Baik it warns', () => {
    const evaluations = ['kasi', 'staf1', 'staf2'].map((id) => ({ employeeId: id, unitId: 'pem', periodId: Q3, status: 'FINAL' as const, predikat: 'SANGAT_BAIK' as const, pembinaan: '' }));
    expect(buildWorklist(input({ evaluations })).noCapaian).toEqual(['pem']);
    const w = buildWorklist(input({ evaluations, unitResults: [{ unitId: 'pem', periodId: Q3, capaian: 'BAIK', justifikasi: '' }] }));
    expect(w.noCapaian).toEqual([]);
    expect(w.distribution).toHaveLength(1);
    expect(w.distribution[0]?.warnings.map((x) => x.code)).toEqual(['dominantNotLargest', 'missingRequired']);
    expect(w.distribution[0]?.justified).toBe(false);
    const justified = buildWorklist(input({ evaluations, unitResults: [{ unitId: 'pem', periodId: Q3, capaian: 'BAIK', justifikasi: 'Semua target terlampaui' }] }));
    expect(justified.distribution[0]?.justified).toBe(true);
  });

  it('(whole office, the default) a 3-person seksi is not warned on its own; the office is judged by the kecamatan’s capaian', () => {
    const sb = ['kasi', 'staf1', 'staf2'].map((id) => ({ employeeId: id, unitId: 'pem', periodId: Q3, status: 'FINAL' as const, predikat: 'SANGAT_BAIK' as const, pembinaan: '' }));
    const baik = { employeeId: 'camat', unitId: 'kec', periodId: Q3, status: 'FINAL' as const, predikat: 'BAIK' as const, pembinaan: '' };
    const pemBaik = [{ unitId: 'pem', periodId: Q3, capaian: 'BAIK' as const, justifikasi: '' }];
    // The seksi's capaian is set, the kecamatan's not: the office cannot be judged yet, and says so.
    let w = buildWorklist(input({ scope: 'KANTOR', evaluations: sb, unitResults: pemBaik }));
    expect(w.distribution).toEqual([]);
    expect(w.noCapaian).toEqual(['kec']);
    // With the kecamatan's capaian Baik, four people of whom three Sangat Baik: one office warning.
    w = buildWorklist(input({ scope: 'KANTOR', evaluations: [...sb, baik], unitResults: [...pemBaik, { unitId: 'kec', periodId: Q3, capaian: 'BAIK', justifikasi: '' }] }));
    expect(w.noCapaian).toEqual([]);
    expect(w.distribution.map((d) => [d.unitId, d.office])).toEqual([['kec', true]]);
    // The same office with each unit alone: the lone camat is too few to judge, the seksi is warned.
    w = buildWorklist(input({ scope: 'UNIT', evaluations: [...sb, baik], unitResults: [...pemBaik, { unitId: 'kec', periodId: Q3, capaian: 'BAIK', justifikasi: '' }] }));
    expect(w.distribution.map((d) => [d.unitId, d.office])).toEqual([['pem', false]]);
  });

  it('a final poor predikat stays on the list until a pembinaan recommendation is written', () => {
    const ev = { employeeId: 'staf1', unitId: 'pem', periodId: '2026-TRIWULANAN-2', status: 'FINAL' as const, predikat: 'SANGAT_KURANG' as const, pembinaan: '' };
    expect(buildWorklist(input({ evaluations: [ev] })).poorFollowUp).toEqual(['staf1']);
    expect(buildWorklist(input({ evaluations: [{ ...ev, pembinaan: 'Bimbingan kinerja bulanan' }] })).poorFollowUp).toEqual([]);
    expect(buildWorklist(input({ evaluations: [{ ...ev, status: 'DRAF' }] })).poorFollowUp).toEqual([]);
  });

  it('the per-unit view only shows that unit', () => {
    const w = buildWorklist(input({ unitId: 'kec' }));
    expect(w.noSkp).toEqual([]);
    expect(w.skpLate).toEqual([]);
    expect(w.notEvaluated).toEqual(['camat']);
  });
});
