import { describe, expect, it } from 'vitest';
import { nextReportStatus, REPORT_TRANSITIONS, supervisingUnitId, type ReportAction, type ReportStatus } from './workflow-status.js';

describe('annual report transition table', () => {
  it.each([
    ['draft', 'submit', 'submitted'], ['returned', 'submit', 'submitted'], ['submitted', 'return', 'returned'], ['submitted', 'accept', 'accepted'],
    ['accepted', 'publish', 'published'], ['accepted', 'return', 'returned'], ['draft', 'finalize', 'accepted'],
  ] as [ReportStatus, ReportAction, ReportStatus][])('%s --%s--> %s', (from, action, to) => {
    expect(nextReportStatus(from, action)).toBe(to);
  });

  it('locks a report after submission with a Chinese message that says how to reopen it', () => {
    for (const s of ['submitted', 'accepted'] as ReportStatus[]) expect(() => nextReportStatus(s, 'edit')).toThrow(/已锁定.*退回/);
    expect(() => nextReportStatus('published', 'refresh')).toThrow('已公开');
    expect(() => nextReportStatus('draft', 'publish')).toThrow(/不能“发布到门户网站”/);
    expect(Object.keys(REPORT_TRANSITIONS.published)).toEqual([]);
  });

  it("sends a department's report to the unit it belongs to; a government decides its own", () => {
    expect(supervisingUnitId({ type: 'department', parentId: 'gov' })).toBe('gov');
    expect(supervisingUnitId({ type: 'township', parentId: 'gov' })).toBe('gov');
    expect(supervisingUnitId({ type: 'government', parentId: 'city' })).toBeNull();
    expect(supervisingUnitId({ type: 'department', parentId: null })).toBeNull();
  });
});
