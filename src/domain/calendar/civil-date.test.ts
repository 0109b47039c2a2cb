import { describe, expect, it } from 'vitest';
import { addDays, beijingDate, chineseDate, dayNumber, isCivilDate, toCivil, weekday } from './civil-date.js';

describe('civil dates', () => {
  it('round-trips every day from 1900 to 2100 and agrees with Date.UTC', () => {
    for (let d = dayNumber('1900-01-01'); d <= dayNumber('2100-12-31'); d++) {
      const s = toCivil(d);
      expect(dayNumber(s)).toBe(d);
      if (d % 97 === 0) expect(s).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
    }
  });
  it('validates', () => {
    expect(isCivilDate('2024-02-29')).toBe(true);
    expect(isCivilDate('2025-02-29')).toBe(false);
    expect(isCivilDate('2025-13-01')).toBe(false);
    expect(isCivilDate('2025-1-01')).toBe(false);
    expect(isCivilDate('abcd-ef-gh')).toBe(false);
  });
  it('knows weekdays, Beijing dates and the official written form', () => {
    expect(weekday(dayNumber('2025-01-26'))).toBe(0);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(beijingDate(Date.parse('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(chineseDate('2025-10-08')).toBe('2025年10月8日');
  });
});
