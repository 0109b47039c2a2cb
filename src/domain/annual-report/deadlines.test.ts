import { describe, expect, it } from 'vitest';
import { daysLeft, isLate, isMonthDay, reportDueDate } from './deadlines.js';
import type { ReportDeadline } from './workflow-record.js';

const gov = { id: 'gov', type: 'government' };
const dept = { id: 'dept', type: 'department' };
const town = { id: 'town', type: 'township' };
const setting = (unitId: string, scope: ReportDeadline['scope'], dueMonthDay: string): ReportDeadline => ({ id: `${unitId}-${scope}`, unitId, scope, dueMonthDay, updatedAt: '', updatedBy: null });

describe('report deadlines (Art. 49)', () => {
  it.each([
    ['a department', dept, [gov], [], '2025-01-31', 'statute'],
    ["a government's own report", gov, [], [], '2025-03-31', 'statute'],
    ['a township by default', town, [gov], [], '2025-01-31', 'statute'],
    ["a township under its government's township default", town, [gov], [setting('gov', 'townships', '02-28')], '2025-02-28', 'townships'],
    ['a township with its own date over the default', town, [gov], [setting('gov', 'townships', '02-28'), setting('town', 'own', '03-10')], '2025-03-10', 'unit'],
    ['a department ignores the township default', dept, [gov], [setting('gov', 'townships', '02-28')], '2025-01-31', 'statute'],
  ])('%s', (_label, unit, ancestors, settings, due, source) => {
    const d = reportDueDate(unit, ancestors, 2024, settings);
    expect(d.due).toBe(due);
    expect(d.source).toBe(source);
  });

  it('is late only past the due date and while not published', () => {
    expect(isLate('2025-01-31', 'draft', '2025-01-31')).toBe(false);
    expect(isLate('2025-01-31', 'draft', '2025-02-01')).toBe(true);
    expect(isLate('2025-01-31', null, '2025-02-01')).toBe(true);
    expect(isLate('2025-01-31', 'accepted', '2025-02-01')).toBe(true);
    expect(isLate('2025-01-31', 'published', '2025-06-01')).toBe(false);
    expect(daysLeft('2025-01-31', '2025-01-01')).toBe(30);
    expect(daysLeft('2025-01-31', '2025-02-02')).toBe(-2);
  });

  it.each([['01-31', true], ['02-28', true], ['02-29', false], ['04-31', false], ['13-01', false], ['1-31', false], ['00-10', false]])('month-day %s valid: %s', (s, ok) => {
    expect(isMonthDay(s)).toBe(ok);
  });
});
