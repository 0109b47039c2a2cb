import { describe, expect, it } from 'vitest';
import { emptyAnnualReportDoc, getCell, setCell, type AnnualReportDoc } from './interchange.js';
import { breakdown, sumReports } from './rollup.js';

const doc = (name: string, cells: Record<string, number | null>): AnnualReportDoc => {
  let d = emptyAnnualReportDoc('2021', 2024, { name, code: null });
  for (const [p, v] of Object.entries(cells)) d = setCell(d, p, v);
  return d;
};

describe('roll-up of subordinate reports', () => {
  const a = { unitId: 'a', unitName: '甲局', doc: doc('甲局', { 'applications.received.total': 30, 'proactive.fees.amountWan': 0.15, 'proactive.licensing.decisions': 4 }) };
  const b = { unitId: 'b', unitName: '乙镇', doc: doc('乙镇', { 'applications.received.total': 10, 'proactive.fees.amountWan': 0.05, 'proactive.licensing.decisions': null }) };

  it('sums cells, keeps decimals of 万元 exact, and leaves a cell null (flagged) when any unit did not state it', () => {
    const s = sumReports('2021', 2024, { name: '汇总', code: null }, [a, b]);
    expect(getCell(s.doc, 'applications.received.total')).toBe(40);
    expect(getCell(s.doc, 'proactive.fees.amountWan')).toBe(0.2);
    expect(getCell(s.doc, 'proactive.licensing.decisions')).toBeNull();
    expect(s.nullCells.find((c) => c.path === 'proactive.licensing.decisions')?.unitIds).toEqual(['b']);
    // Cells nobody stated are null too, never 0.
    expect(getCell(s.doc, 'reviews.reconsideration.total')).toBeNull();
  });

  it('leaves out reports in another template and says so', () => {
    const old = { unitId: 'c', unitName: '丙局', doc: { ...emptyAnnualReportDoc('2019', 2024, { name: '丙局', code: null }) } };
    const s = sumReports('2021', 2024, { name: '汇总', code: null }, [a, old]);
    expect(s.excluded).toEqual([{ unitId: 'c', unitName: '丙局', template: '2019' }]);
    expect(getCell(s.doc, 'applications.received.total')).toBe(30);
  });

  it("gives each unit's share of the key cells", () => {
    const s = sumReports('2021', 2024, { name: '汇总', code: null }, [a, b]);
    const bd = breakdown('2021', s.doc, [a, b]);
    expect(bd.columns.find((c) => c.path === 'applications.received.total')?.total).toBe(40);
    expect(bd.rows.map((r) => r.cells['applications.received.total'])).toEqual([{ value: 30, sharePct: 75 }, { value: 10, sharePct: 25 }]);
    expect(bd.rows[1]?.cells['reviews.reconsideration.total']).toEqual({ value: null, sharePct: null });
  });
});
