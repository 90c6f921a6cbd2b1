import { describe, expect, it } from 'vitest';
import { appraisedHere, laptopScope, ownerOf } from './access';
import type { SyncDoc } from './merge';

const doc = (id: string, fields: Record<string, unknown> = {}): SyncDoc =>
  ({ id, rev: '001767571200000-00000-ikantor', createdAt: '', updatedAt: '', updatedBy: '', deleted: false, ...fields }) as SyncDoc;

const tables: Record<string, SyncDoc[]> = {
  installations: [doc('ikantor'), doc('ilaptop')],
  offices: [doc('o1')],
  units: [doc('u-seksi'), doc('u-lain')],
  employees: [doc('camat', { unitId: 'u-seksi' }), doc('rina', { unitId: 'u-seksi' }), doc('budi', { unitId: 'u-lain' })],
  skps: [doc('skp-rina', { employeeId: 'rina', penilai: { employeeId: 'camat' } }), doc('skp-budi', { employeeId: 'budi', penilai: { employeeId: 'rina' } })],
  evaluations: [doc('ev-rina', { employeeId: 'rina', penilai: { employeeId: 'camat' } }), doc('ev-budi', { employeeId: 'budi', penilai: { employeeId: 'rina' } })],
  attachments: [doc('a-rina', { ownerId: 'ev-rina' }), doc('a-budi', { ownerId: 'ev-budi' })],
  trainings: [doc('t-budi', { employeeId: 'budi' })],
  periods: [], rulePacks: [], unitResults: [], signatures: [doc('sig-camat', { employeeId: 'camat' })],
};

describe('what a penilai laptop receives', () => {
  it.each([
    ['installations', ['ikantor', 'ilaptop']],
    ['employees', ['camat', 'rina']],
    ['units', ['u-seksi']],
    ['skps', ['skp-rina']],
    ['evaluations', ['ev-rina']],
    ['attachments', ['a-rina']],
    ['trainings', []],
    ['signatures', ['sig-camat']],
  ])('%s: only the camat’s appraisees and what they need', (table, ids) => {
    const scope = laptopScope('camat', (t) => tables[t] ?? []);
    expect(scope.filter((s) => s.table === table).map((s) => s.doc.id)).toEqual(ids);
  });

  it('the owner of a record: its officeId, the office itself, or (before sync) its first writer', () => {
    expect(ownerOf('employees', doc('x', { officeId: 'o1' }))).toBe('o1');
    expect(ownerOf('offices', doc('o2'))).toBe('o2');
    expect(ownerOf('employees', doc('y'))).toBe('ikantor');
  });
});

describe('whose work an installation lists', () => {
  it.each([
    ['the penilai himself on his laptop', { role: 'PENILAI' as const, penilaiEmployeeId: 'camat' }, 'camat', false],
    ['an appraisee on the penilai laptop', { role: 'PENILAI' as const, penilaiEmployeeId: 'camat' }, 'sekcam', true],
    ['the camat on the office PC', { role: 'KANTOR' as const, penilaiEmployeeId: null }, 'camat', true],
    ['anyone at the BKD', { role: 'BKD' as const, penilaiEmployeeId: null }, 'camat', true],
  ])('%s: %s', (_what, self, employeeId, listed) => {
    expect(appraisedHere(self, employeeId)).toBe(listed);
  });
});
