import { describe, expect, it } from 'vitest';
import { dashboardFor, indexYear, yearSummary, type DashboardInput } from './dashboard';
import type { Evaluation, UnitResult } from './evaluation';
import type { Employee } from './pegawai';
import { PERMENPANRB_6_2022 as pack, type CapaianOrganisasi, type Predikat } from './rulepack';
import type { Skp } from './skp';
import type { Unit } from './unit';
import { testUnit } from './unit.testkit';
import type { SkpStatus } from './workflow';

// Only the fields the dashboard reads; the rest of each record does not change what it shows.
const meta = (id: string, officeId = 'curug') => ({ id, createdAt: '', updatedAt: '', updatedBy: officeId, rev: '', deleted: false, officeId });
const unit = (id: string, nama: string, parentId: string | null, officeId = 'curug'): Unit => testUnit(id, nama, parentId, { updatedBy: officeId, officeId } as Partial<Unit>);
const employee = (id: string, unitId: string | null, over: Partial<Employee> = {}, officeId?: string): Employee => ({ ...meta(id, officeId), nama: id, unitId, aktif: true, ...over }) as Employee;
const skp = (employeeId: string, status: SkpStatus, officeId?: string): Skp => ({ ...meta(`skp-${employeeId}-${status}`, officeId), employeeId, status, year: 2026 }) as unknown as Skp;
const evaluation = (employeeId: string, unitId: string | null, periodId: string, predikat: Predikat | '', penilai: string | null, status: 'DRAF' | 'FINAL' = 'FINAL', officeId?: string): Evaluation =>
  ({ ...meta(`ev-${employeeId}-${periodId}`, officeId), employeeId, unitId, periodId, predikat, status, penilai: penilai ? { nama: penilai, nip: '' } : null }) as unknown as Evaluation;
const result = (unitId: string, periodId: string, capaian: CapaianOrganisasi): UnitResult => ({ ...meta(`ur-${unitId}-${periodId}`), unitId, year: 2026, periodId, capaian, justifikasi: '' });

const units = [unit('kec', 'Kecamatan Curug', null), unit('pem', 'Seksi Pemerintahan', 'kec'), unit('yan', 'Seksi Pelayanan', 'kec')];
const staff = ['p1', 'p2', 'p3', 'y1', 'y2', 'y3', 'y4', 'y5', 'y6'];
const employees = [
  employee('camat', 'kec'),
  employee('kasiPem', 'pem'),
  employee('kasiYan', 'yan'),
  ...staff.map((id) => employee(id, id.startsWith('p') ? 'pem' : 'yan')),
  employee('pensiun', 'pem', { aktif: false }),
];
const Q1 = '2026-TRIWULANAN-1';
const Q2 = '2026-TRIWULANAN-2';
const periods = [
  { id: Q1, title: 'TRIWULAN I' },
  { id: Q2, title: 'TRIWULAN II' },
];

function input(over: Partial<DashboardInput> = {}): DashboardInput {
  return {
    pack,
    scope: 'KANTOR',
    units,
    employees,
    skps: [skp('camat', 'DISETUJUI'), skp('kasiPem', 'DISETUJUI'), skp('p1', 'DRAF'), skp('p1', 'DIAJUKAN'), skp('y1', 'DIAJUKAN')],
    evaluations: [
      // Q1: the Pemerintahan kasi rates all his staff Sangat Baik; Pelayanan is mixed; one still a draft.
      evaluation('kasiPem', 'pem', Q1, 'BAIK', 'Camat'),
      evaluation('kasiYan', 'yan', Q1, 'BAIK', 'Camat'),
      evaluation('p1', 'pem', Q1, 'SANGAT_BAIK', 'Kasi Pem'),
      evaluation('p2', 'pem', Q1, 'SANGAT_BAIK', 'Kasi Pem'),
      evaluation('p3', 'pem', Q1, 'SANGAT_BAIK', 'Kasi Pem'),
      evaluation('y1', 'yan', Q1, 'BAIK', 'Kasi Yan'),
      evaluation('y2', 'yan', Q1, 'BUTUH_PERBAIKAN', 'Kasi Yan'),
      evaluation('y3', 'yan', Q1, '', 'Kasi Yan', 'DRAF'),
      ...['y4', 'y5', 'y6'].map((id) => evaluation(id, 'yan', Q1, 'BAIK', 'Kasi Yan')),
    ],
    unitResults: [result('kec', Q1, 'BAIK'), result('pem', Q1, 'ISTIMEWA')],
    periods,
    ...over,
  };
}

describe('SKP progress per unit', () => {
  it('counts each active employee once, at his most advanced SKP, in the office’s unit order', () => {
    const rows = yearSummary(indexYear(input())).skpProgress.map((r) => [r.nama, r.counts.BELUM, r.counts.DRAF, r.counts.DIAJUKAN, r.counts.DISETUJUI]);
    expect(rows).toEqual([
      ['Kecamatan Curug', 0, 0, 0, 1],
      // p1 holds a draft and a submitted SKP: he counts as submitted; the retired employee not at all.
      ['Seksi Pelayanan', 6, 0, 1, 0],
      ['Seksi Pemerintahan', 2, 0, 1, 1],
    ]);
  });
});

describe('evaluation progress and trend per period', () => {
  it('says how many are not started, in draft and final, and counts predikat per period', () => {
    const index = yearSummary(indexYear(input()));
    expect(index.evaluationProgress).toEqual([
      { periodId: Q1, title: 'TRIWULAN I', belum: 1, draf: 1, final: 10 },
      { periodId: Q2, title: 'TRIWULAN II', belum: 12, draf: 0, final: 0 },
    ]);
    expect(index.trend[0]).toMatchObject({ n: 10, counts: { SANGAT_BAIK: 3, BAIK: 6, BUTUH_PERBAIKAN: 1 } });
    expect(index.trend[1]!.n).toBe(0);
  });
});

describe('the period view', () => {
  it('judges the whole office against the top unit’s capaian and keeps who is behind each predikat', () => {
    const d = dashboardFor(indexYear(input()), Q1);
    expect(d.office.nama).toBe('Kecamatan Curug');
    expect(d.office.capaian).toBe('BAIK');
    expect(d.office.check.state).toBe('checked');
    expect(d.office.check.n).toBe(10);
    expect(d.office.check.all).toBe(11);
    expect(d.office.ids.SANGAT_BAIK.sort()).toEqual(['p1', 'p2', 'p3']);
    expect(d.groups).toEqual([d.office]);
  });

  it('says why a period is empty or unjudged instead of showing zeros', () => {
    expect(dashboardFor(indexYear(input()), Q2).office.check.state).toBe('empty');
    expect(dashboardFor(indexYear(input({ unitResults: [] })), Q1).office.check.state).toBe('noCapaian');
  });

  it('makes one group per unit with its sub-units, each judged by its own capaian or, without one, the office’s (§7.6)', () => {
    const d = dashboardFor(indexYear(input({ scope: 'UNIT_DAN_SUB' })), Q1);
    expect(d.groups.map((g) => [g.nama, g.check.all, g.capaian, g.check.state])).toEqual([
      ['Kecamatan Curug', 11, 'BAIK', 'checked'],
      ['Seksi Pelayanan', 7, 'BAIK', 'checked'],
      ['Seksi Pemerintahan', 4, 'ISTIMEWA', 'checked'],
    ]);
  });

  it('marks the appraiser who rates everyone Sangat Baik, and no one else', () => {
    const d = dashboardFor(indexYear(input()), Q1);
    const marks = Object.fromEntries(d.appraisers.map((a) => [a.nama, a.mark]));
    // Kasi Yan's five rated sit 0.4 below the office mean: within the gap the rule tolerates.
    expect(marks).toEqual({ 'Kasi Pem': 'LONGGAR', Camat: null, 'Kasi Yan': null });
    expect(d.withoutPenilai).toBe(0);
  });

  it('counts rated employees whose evaluation names no penilai', () => {
    const evs = [...input().evaluations, evaluation('camat', 'kec', Q1, 'BAIK', null)];
    expect(dashboardFor(indexYear(input({ evaluations: evs })), Q1).withoutPenilai).toBe(1);
  });
});

describe('at a BKD holding several offices', () => {
  const bungo = {
    units: [unit('b-kec', 'Kecamatan Bungo', null, 'bungo')],
    employees: [employee('b1', 'b-kec', {}, 'bungo'), employee('b2', 'b-kec', {}, 'bungo')],
    evaluations: [evaluation('b1', 'b-kec', Q1, 'SANGAT_KURANG', 'Camat Bungo', 'FINAL', 'bungo')],
  };
  const both = () => {
    const base = input();
    return input({ units: [...base.units, ...bungo.units], employees: [...base.employees, ...bungo.employees], evaluations: [...base.evaluations, ...bungo.evaluations] });
  };

  it('shows one office’s records when an office is chosen', () => {
    const curug = dashboardFor(indexYear({ ...both(), officeId: 'curug' }), Q1);
    expect(curug.office.nama).toBe('Kecamatan Curug');
    expect(curug.office.check.all).toBe(11);
    const other = indexYear({ ...both(), officeId: 'bungo' });
    expect(other.active.map((e) => e.id)).toEqual(['b1', 'b2']);
    expect(dashboardFor(other, Q1).office).toMatchObject({ nama: 'Kecamatan Bungo', check: { all: 1, counts: { SANGAT_KURANG: 1 } } });
  });

  it('shows everything held when no office is chosen, judged by no single office’s capaian', () => {
    const all = dashboardFor(indexYear(both()), Q1).office;
    expect(all.check.all).toBe(12);
    expect(all).toMatchObject({ nama: '', capaian: '', check: { state: 'noCapaian' } });
  });
});
