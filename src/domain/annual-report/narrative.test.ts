import { describe, expect, it } from 'vitest';
import { emptyAnnualReportDoc, setCell } from './interchange.js';
import { draftNarrative, feeSentence, unfinishedSections, type NarrativeFacts } from './narrative.js';

const facts = (over: Partial<NarrativeFacts> = {}): NarrativeFacts => ({
  year: 2025, unitName: '安澜市教育局', isGovernment: false, published: { total: 42, byColumn: [{ name: '通知公告', count: 30 }, { name: '政策文件', count: 12 }] },
  offline: [{ label: '政务微信', count: 8 }], fees: { amountYuan: 0, payments: 0 }, ...over,
});

describe('narrative drafts', () => {
  it('fills 一 总体情况 from the tables and the publication records, and marks unknown figures instead of inventing 0', () => {
    let doc = emptyAnnualReportDoc('2021', 2025, { name: '安澜市教育局', code: null });
    doc = setCell(doc, 'applications.received.total', 17);
    const n = draftNarrative(facts(), doc);
    expect(n.overview).toContain('全年通过政府网站主动公开政府信息42条，其中“通知公告”30条、“政策文件”12条');
    expect(n.overview).toContain('政务微信8条');
    expect(n.overview).toContain('全年新收政府信息公开申请17件，上年结转【待补充】件');
  });

  it('states the fees in section 六 (rules.md §3.2), in yuan and 万元', () => {
    expect(feeSentence(facts())).toBe('2025年，本机关未收取政府信息公开信息处理费。');
    expect(feeSentence(facts({ fees: { amountYuan: 1700, payments: 2 } }))).toContain('收取信息处理费1700元（合0.17万元，共2笔）');
  });

  it("adds Art. 50(四)'s assessment section for a government and finds the prompts left to fill", () => {
    const doc = emptyAnnualReportDoc('2021', 2025, { name: '安澜市人民政府', code: null });
    const n = draftNarrative(facts({ isGovernment: true }), doc);
    expect(n.problems).toContain('政务公开工作考核、社会评议和责任追究结果情况');
    expect(unfinishedSections(n).map((u) => u.key)).toEqual(['overview', 'problems', 'other']);
    expect(unfinishedSections({ overview: '已写完。', problems: '已写完。', other: '未收费。' })).toEqual([]);
  });
});
