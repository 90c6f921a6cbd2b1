import { describe, expect, it } from 'vitest';
import { backupReminder } from './backupReminder';

const now = new Date('2026-12-10T09:00:00+07:00');

describe('backup reminder on Beranda', () => {
  it.each([
    ['no employees yet', null, 7, false, { due: false }],
    ['data, never backed up', null, 7, true, { due: true, lastFileAt: null, days: null }],
    ['backed up yesterday', '2026-12-09T09:00:00+07:00', 7, true, { due: false }],
    ['6 days and 23 hours ago', '2026-12-03T10:00:00+07:00', 7, true, { due: false }],
    ['exactly 7 days ago', '2026-12-03T09:00:00+07:00', 7, true, { due: true, lastFileAt: '2026-12-03T09:00:00+07:00', days: 7 }],
    ['8 days ago with a 14-day setting', '2026-12-02T09:00:00+07:00', 14, true, { due: false }],
    ['30 days ago with a 14-day setting', '2026-11-10T09:00:00+07:00', 14, true, { due: true, lastFileAt: '2026-11-10T09:00:00+07:00', days: 30 }],
  ])('%s', (_name, last, days, hasData, expected) => {
    expect(backupReminder(last, days, hasData, now)).toEqual(expected);
  });
});
