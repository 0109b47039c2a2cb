/**
 * Pins the packaged official data to the arrangements written in rules.md §3.1 (the State Council notices):
 * a package update that changed any of these days would fail here before it changed a deadline.
 */
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar.js';
import { addDays, dayNumber, toCivil, weekday } from '../../src/domain/calendar/civil-date.js';
import { officialCalendar } from '../../src/infra/official-calendar.js';

const cal = new WorkingCalendar(officialCalendar());

const span = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) out.push(toCivil(d));
  return out;
};

// rules.md §3.1: off days, and make-up working days.
const ARRANGEMENTS: Record<number, { off: string[]; work: string[] }> = {
  2024: {
    off: ['2024-01-01', ...span('2024-02-10', '2024-02-17'), ...span('2024-04-04', '2024-04-06'), ...span('2024-05-01', '2024-05-05'), '2024-06-10', ...span('2024-09-15', '2024-09-17'), ...span('2024-10-01', '2024-10-07')],
    work: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    off: ['2025-01-01', ...span('2025-01-28', '2025-02-04'), ...span('2025-04-04', '2025-04-06'), ...span('2025-05-01', '2025-05-05'), ...span('2025-05-31', '2025-06-02'), ...span('2025-10-01', '2025-10-08')],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [...span('2026-01-01', '2026-01-03'), ...span('2026-02-15', '2026-02-23'), ...span('2026-04-04', '2026-04-06'), ...span('2026-05-01', '2026-05-05'), ...span('2026-06-19', '2026-06-21'), ...span('2026-09-25', '2026-09-27'), ...span('2026-10-01', '2026-10-07')],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

describe('official calendar data matches the State Council arrangements', () => {
  for (const [year, a] of Object.entries(ARRANGEMENTS)) {
    it(`${year}: every listed day off is off, every make-up day is worked, every other day is Mon–Fri`, () => {
      const off = new Set(a.off);
      const work = new Set(a.work);
      for (let d = dayNumber(`${year}-01-01`); d <= dayNumber(`${year}-12-31`); d++) {
        const date = toCivil(d);
        const expected = work.has(date) ? true : off.has(date) ? false : weekday(d) !== 0 && weekday(d) !== 6;
        expect(cal.isWorkingDay(date), date).toBe(expected);
      }
    });
  }

  it('covers 2019–2026 and knows it has no 2027 arrangement yet', () => {
    for (let y = 2019; y <= 2026; y++) expect(cal.hasYear(y), String(y)).toBe(true);
    expect(cal.hasYear(2027)).toBe(false);
  });

  it('names holidays in Chinese', () => {
    expect(cal.nameOf('2025-10-01')).toBe('国庆节');
    expect(cal.nameOf('2025-01-26')).toContain('调休上班');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});
