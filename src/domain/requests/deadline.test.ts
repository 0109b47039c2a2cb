import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, toCivil } from '../calendar/civil-date.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { officialCalendar } from '../../infra/official-calendar.js';
import { computeDeadlines, DEFAULT_RULES, type ClockInput } from './deadline.js';

const cal = new WorkingCalendar(officialCalendar());
const clock = (input: ClockInput) => computeDeadlines(DEFAULT_RULES, cal, input);

describe('reply and correction deadlines across the 2024–2026 holidays', () => {
  // Hand-counted under the default convention (day 1 = first working day after the starting day).
  it.each([
    // rules.md §3.1 worked examples
    ['2024-12-27', 20, '2025-01-26', 'ends on a Sunday make-up working day'],
    ['2025-09-26', 7, '2025-10-13', 'crosses National Day + Mid-autumn 2025 and the Saturday make-up day'],
    ['2026-02-10', 20, '2026-03-16', 'crosses the nine-day Spring Festival 2026 with both make-up Saturdays'],
    ['2024-02-08', 20, '2024-03-13', 'Spring Festival 2024, the Sunday make-up day 02-18 counts'],
    ['2024-09-27', 7, '2024-10-12', 'National Day 2024, make-up days 09-29 (Sun) and 10-12 (Sat)'],
    ['2025-10-03', 7, '2025-10-16', 'received on a holiday'],
    ['2026-04-30', 20, '2026-06-01', 'Labour Day 2026 and its make-up Saturday 05-09'],
    ['2025-04-03', 1, '2025-04-07', 'Qingming 2025 has no make-up day'],
    ['2025-05-30', 1, '2025-06-03', 'Dragon Boat 2025 (05-31..06-02)'],
    ['2024-06-07', 1, '2024-06-11', 'Dragon Boat 2024 Monday off'],
    ['2024-09-13', 1, '2024-09-14', 'Mid-autumn 2024: Saturday 09-14 is worked'],
    ['2026-09-18', 1, '2026-09-20', 'Mid-autumn 2026: Sunday 09-20 is worked'],
    ['2025-12-31', 1, '2026-01-04', 'New Year 2026 (01-01..03); Sunday 01-04 is a make-up working day'],
  ])('%s + %i working days → %s (%s)', (received, days, due, _why) => {
    expect(clock({ receivedOn: received, replyDays: days }).replyDue).toBe(due);
  });

  it('the correction notice is due 7 working days after receipt (Art. 30)', () => {
    expect(clock({ receivedOn: '2025-09-26' }).correctionNoticeDue).toBe('2025-10-13');
  });

  it('restarts the reply period on the corrected application (Art. 30)', () => {
    const r = clock({ receivedOn: '2025-03-03', correctionRequestedOn: '2025-03-05', correctionReceivedOn: '2025-03-10' });
    expect(r.periodStart).toBe('2025-03-10');
    expect(r.replyDue).toBe('2025-04-08'); // crosses Qingming 04-04
    expect(r.steps.map((s) => s.code)).toContain('correctionRestart');
  });

  it('has no reply due date while the correction is awaited', () => {
    const r = clock({ receivedOn: '2025-03-03', correctionRequestedOn: '2025-03-05' });
    expect(r.replyDue).toBeNull();
    expect(r.steps.find((s) => s.code === 'awaitingCorrection')?.text).toContain('待收到补正');
  });

  it('does not count consultation time (Art. 33) and gives the third party 15 working days (Art. 32)', () => {
    const r = clock({ receivedOn: '2025-03-03', pauses: [{ kind: 'thirdParty', from: '2025-03-10', to: '2025-03-14' }] });
    expect(r.replyDue).toBe('2025-04-08');
    expect(r.consultationDue).toEqual([{ kind: 'thirdParty', from: '2025-03-10', due: '2025-03-31' }]);
    expect(r.steps.find((s) => s.code === 'pause')?.text).toContain('5 个工作日不计入');
  });

  it('stops the clock while a consultation is open', () => {
    const r = clock({ receivedOn: '2025-03-03', pauses: [{ kind: 'coAgency', from: '2025-03-10' }] });
    expect(r.replyDue).toBeNull();
    expect(r.suspended).toEqual({ kind: 'coAgency', since: '2025-03-10' });
  });

  it('suspends for a fee notice by default, and can be configured not to', () => {
    const input: ClockInput = { receivedOn: '2025-03-03', pauses: [{ kind: 'fee', from: '2025-03-10', to: '2025-03-14' }] };
    expect(clock(input).replyDue).toBe('2025-04-08');
    expect(clock(input).feePaymentDue).toBe('2025-04-08'); // 20 working days after 03-10, Qingming skipped
    expect(computeDeadlines({ ...DEFAULT_RULES, suspendDuringFeeNotice: false }, cal, input).replyDue).toBe('2025-03-31');
  });

  it('extends by at most 20 working days with approval (Art. 33)', () => {
    const r = clock({ receivedOn: '2025-03-03', extension: { approvedOn: '2025-03-25', days: 20 } });
    expect(r.replyDueBeforeExtension).toBe('2025-03-31');
    expect(r.replyDue).toBe('2025-04-28'); // via the Sunday make-up day 04-27
    expect(() => clock({ receivedOn: '2025-03-03', extension: { days: 21 } })).toThrow('最长不得超过20个工作日');
  });

  it('marks a period reaching an unloaded year as provisional, and says why', () => {
    const r = clock({ receivedOn: '2026-12-15' });
    expect(r.replyDue).toBe('2027-01-12');
    expect(r.provisional).toBe(true);
    expect(r.provisionalYears).toEqual([2027]);
    expect(r.steps.at(-1)?.text).toContain('2027年的节假日安排尚未载入');
    expect(clock({ receivedOn: '2026-03-02' }).provisional).toBe(false);
  });

  it('explains holidays and make-up days crossed', () => {
    const texts = clock({ receivedOn: '2024-12-27' }).steps.map((s) => s.text).join('\n');
    expect(texts).toContain('跳过元旦假期中的 1 个工作日（2025-01-01）');
    expect(texts).toContain('2025-01-26（星期日）为春节调休上班，计为工作日');
    expect(texts).toContain('《条例》第三十三条');
  });

  it('refuses malformed dates with a Chinese message', () => {
    expect(() => clock({ receivedOn: '2025-02-30' })).toThrow('不是有效日期');
    expect(() => clock({ receivedOn: '2025-03-03', correctionReceivedOn: '2025-03-01' })).toThrow('不能早于');
  });
});

describe('clock properties', () => {
  const dates = fc.integer({ min: dayNumber('2019-01-01'), max: dayNumber('2026-10-31') }).map(toCivil);
  const periods = fc.integer({ min: 1, max: 45 });

  it('always lands on a working day, with exactly n working days after the start', () => {
    fc.assert(fc.property(dates, periods, (d, n) => {
      const due = clock({ receivedOn: d, replyDays: n }).replyDue as string;
      return cal.isWorkingDay(due) && cal.workingDaysBetween(d, due) === n;
    }), { numRuns: 2000 });
  });

  it('is monotonic in the start date and in the period', () => {
    fc.assert(fc.property(dates, periods, (d, n) => {
      const a = clock({ receivedOn: d, replyDays: n }).replyDue as string;
      return (clock({ receivedOn: d, replyDays: n + 1 }).replyDue as string) > a && (clock({ receivedOn: addDays(d, 1), replyDays: n }).replyDue as string) >= a;
    }), { numRuns: 2000 });
  });

  it('gives the same dates whatever the server time zone', () => {
    const sample = Array.from({ length: 300 }, (_, i) => toCivil(dayNumber('2024-01-01') + i * 3));
    const run = () => sample.map((d) => clock({ receivedOn: d, extension: { days: 5 } }).replyDue).join();
    const original = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
      const east = run();
      process.env.TZ = 'Pacific/Pago_Pago'; // UTC−11
      const west = run();
      expect(east).toBe(west);
      expect(new Date('2025-06-01T00:00:00').getTimezoneOffset()).toBe(660); // the zone really changed
    } finally {
      process.env.TZ = original;
    }
  });
});
