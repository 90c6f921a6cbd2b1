import { describe, expect, it } from 'vitest';
import { readTypedDate, showDate } from './DateField';

describe('dates typed by an admin', () => {
  it.each([
    ['23/11/2026', '2026-11-23'],
    ['23-11-2026', '2026-11-23'],
    ['1/2/2026', '2026-02-01'],
    ['23 November 2026', '2026-11-23'],
    ['23 nov 2026', '2026-11-23'],
    ['2026-11-23', '2026-11-23'],
    ['', ''],
    ['31/02/2026', null],
    ['11/23/2026', null],
    ['45000', null],
    ['besok', null],
  ])('%j → %j', (text, iso) => {
    expect(readTypedDate(text)).toBe(iso);
  });

  it('shows an ISO date as dd/mm/yyyy, and nothing for no date', () => {
    expect(showDate('2026-03-01')).toBe('01/03/2026');
    expect(showDate('')).toBe('');
  });
});
