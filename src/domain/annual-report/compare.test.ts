import { describe, expect, it } from 'vitest';
import { emptyAnnualReportDoc, setCell, templateCellPaths } from './interchange.js';
import { compareReports, describeChange } from './compare.js';

const unit = { name: '安澜市发展改革局', code: 'fgj' };

describe('compareReports', () => {
  const prev = setCell(setCell(setCell(emptyAnnualReportDoc('2021', 2023, unit), 'applications.received.total', 12), 'applications.carriedOver.total', 0), 'proactive.fees.amountWan', 0.3);
  const cur = setCell(setCell(setCell(emptyAnnualReportDoc('2021', 2024, unit), 'applications.received.total', 15), 'applications.carriedOver.total', 2), 'proactive.fees.amountWan', 0.18);
  const r = compareReports(prev, cur);
  const at = (p: string) => r.cells.find((c) => c.path === p)!;

  it.each([
    ['applications.received.total', 12, 15, 3, 25, '增加 3（+25.0%）'],
    ['applications.carriedOver.total', 0, 2, 2, null, '增加 2'],
    ['proactive.fees.amountWan', 0.3, 0.18, -0.12, -40, '减少 0.12（−40.0%）'],
    ['applications.handledTotal.total', null, null, null, null, '—'],
  ])('%s: %s → %s', (path, previous, current, change, percent, text) => {
    expect(at(path)).toMatchObject({ previous, current, change, percent });
    expect(describeChange(at(path))).toBe(text);
  });

  it('covers every cell of the template, labelled in Chinese', () => {
    expect(r.cells.map((c) => c.path)).toEqual(templateCellPaths('2021'));
    expect(at('applications.received.total').label).toBe('表三 一、本年新收政府信息公开申请数量 · 申请人情况·总计');
    expect(r.templateChanged).toBe(false);
  });

  it('across a template change compares only the cells both reports have', () => {
    const old = setCell(emptyAnnualReportDoc('2019', 2020, unit), 'applications.received.total', 9);
    const x = compareReports(old, setCell(emptyAnnualReportDoc('2021', 2021, unit), 'applications.received.total', 10));
    expect(x.templateChanged).toBe(true);
    expect(x.cells.find((c) => c.path === 'applications.received.total')).toMatchObject({ change: 1 });
    expect(x.cells.some((c) => c.path === 'proactive.regulations.inForce')).toBe(false);
    expect(x.cells.some((c) => c.path === 'applications.otherFeeUnpaid.total')).toBe(false);
  });
});
