import { describe, expect, it } from 'vitest';
import {
  academicYearOf, addDays, daysBetween, deadlineInAcademicYear, formatLongDay, isoWeekKey, mondayOf,
} from '../../src/domain/calendar';

describe('calendar', () => {
  it.each([
    ['2026-03-02', '2026-W10'],
    ['2026-01-01', '2026-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-03-08', '2026-W10'],
    ['2026-03-09', '2026-W11'],
  ])('ISO week of %s is %s', (day, key) => expect(isoWeekKey(day)).toBe(key));

  it('finds the Monday of the week', () => {
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
  });

  it('crosses daylight saving and leap days by whole days', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2026-03-02', -365)).toBe('2025-03-02');
  });

  it('names the academic year containing a day, from its start setting', () => {
    expect(academicYearOf('2026-03-02')).toMatchObject({ name: '2025-26', start: '2025-09-01', end: '2026-08-31', startYear: 2025 });
    expect(academicYearOf('2025-09-01').name).toBe('2025-26');
    expect(academicYearOf('2025-08-31').name).toBe('2024-25');
    expect(academicYearOf('2025-09-03', { month: 9, day: 4 }).name).toBe('2024-25');
  });

  it('puts deadlines in the academic year that contains today', () => {
    const ay = academicYearOf('2025-10-01');
    expect(deadlineInAcademicYear(ay, { month: 1, day: 31 })).toBe('2026-01-31');
    expect(deadlineInAcademicYear(ay, { month: 3, day: 31 })).toBe('2026-03-31');
    expect(deadlineInAcademicYear(ay, { month: 12, day: 1 })).toBe('2025-12-01');
  });

  it('writes days the British way', () => expect(formatLongDay('2026-03-02')).toBe('2 March 2026'));
});
