import { describe, expect, it } from 'vitest';
import { archivableYears, recordYear, selectYear, yearOfPeriodId } from './archive';

describe('the year a record belongs to', () => {
  it.each([
    ['2022-TRIWULANAN-1', 2022],
    ['2025-BULANAN-12', 2025],
    ['TRIWULANAN-1', null],
    [2022, null],
    [undefined, null],
  ])('period id %s → %s', (id, year) => expect(yearOfPeriodId(id)).toBe(year));

  it.each([
    ['skps', { year: 2022 }, 2022],
    ['periods', { year: 2023 }, 2023],
    ['trainings', { year: 2021 }, 2021],
    ['unitResults', { year: 2024 }, 2024],
    ['evaluations', { periodId: '2022-SEMESTERAN-2' }, 2022],
    ['attachments', { ownerId: 'ev-1' }, 2020],
    ['attachments', { ownerId: 'ev-unknown' }, null],
    ['employees', { year: 2022 }, null],
    ['skps', { year: '2022' }, null],
  ])('%s %j → %s', (table, doc, year) => expect(recordYear(table, doc, (id) => (id === 'ev-1' ? 2020 : undefined))).toBe(year));
});

describe('which years may be archived', () => {
  it.each([
    [2026, [2022, 2023, 2026, 2022], [], [2022, 2023]],
    [2026, [2022, 2023, 2025], [2023], [2022, 2025]],
    [2026, [2026, 2027], [], []],
    [2024, [], [], []],
  ])('active %s, years with records %j, archived %j → %j', (active, years, archived, expected) => expect(archivableYears(active, years, archived)).toEqual(expected));
});

describe('the records of a year', () => {
  it('takes the year of every table, and an attachment with its evaluation', () => {
    const picked = selectYear(2022, {
      skps: [{ id: 's22', year: 2022 }, { id: 's23', year: 2023 }],
      evaluations: [{ id: 'e22', periodId: '2022-TRIWULANAN-4' }, { id: 'e23', periodId: '2023-TRIWULANAN-1' }],
      attachments: [{ id: 'a22', ownerId: 'e22' }, { id: 'a23', ownerId: 'e23' }, { id: 'lost', ownerId: 'nowhere' }],
      trainings: [{ id: 't22', year: 2022 }],
    });
    expect(picked).toEqual({ periods: [], skps: ['s22'], evaluations: ['e22'], attachments: ['a22'], unitResults: [], trainings: ['t22'] });
  });
});
