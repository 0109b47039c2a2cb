import { describe, expect, it } from 'vitest';
import { TEMPLATES, displayTables, gridSlots, cellLabel, templateForYear, type GridCell } from './templates.js';
import { emptyAnnualReportDoc, getCell, parseAnnualReportDoc, setCell, templateCellPaths } from './interchange.js';

const textAt = (grid: GridCell[][], r: number) => grid[r]!.map((c) => c.text ?? c.path ?? '');

describe('templates as data', () => {
  it.each(Object.values(TEMPLATES).flatMap((t) => displayTables(t).map((d) => [t.id, d.id, d] as const)))('%s %s: the grid fills its width without overlaps', (_t, _d, d) => {
    const slots = gridSlots(d.grid, d.gridColumns);
    expect(slots).toHaveLength(d.grid.length);
    expect(d.columnWidths).toHaveLength(d.gridColumns);
  });

  it.each(['2021', '2019', 'pre2019'] as const)('%s: every cell path of the template appears exactly once in its layout', (id) => {
    const t = TEMPLATES[id];
    const inGrid = displayTables(t).flatMap((d) => d.grid.flat().filter((c) => c.path).map((c) => c.path!));
    expect([...inGrid].sort()).toEqual([...templateCellPaths(id)].sort());
  });

  it('2021 table 三: 申请人情况 over 7 columns, 法人或其他组织 over five, 三、本年度办理结果 over 22 rows (21 result rows + 总计)', () => {
    const t = TEMPLATES['2021'].tables.find((x) => x.key === 'applications')!;
    expect(t.headerRows).toBe(3);
    expect(t.grid[0]).toEqual([
      { role: 'corner', text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rowSpan: 3, colSpan: 3 },
      { role: 'colHeader', text: '申请人情况', colSpan: 7 },
    ]);
    expect(t.grid[1]).toEqual([
      { role: 'colHeader', text: '自然人', rowSpan: 2 },
      { role: 'colHeader', text: '法人或其他组织', colSpan: 5 },
      { role: 'colHeader', text: '总计', rowSpan: 2 },
    ]);
    expect(textAt(t.grid, 2)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    const results = t.grid.flat().find((c) => c.text === '三、本年度办理结果')!;
    expect(results.rowSpan).toBe(22);
    expect(t.grid.flat().find((c) => c.text === '（三）不予公开')!.rowSpan).toBe(8);
    expect(t.grid.flat().find((c) => c.text === '（六）其他处理')!.rowSpan).toBe(3);
    expect(t.grid.flat().find((c) => c.text === '一、本年新收政府信息公开申请数量')!.colSpan).toBe(3);
    // annual-report-format.md says "22 result rows", but its own list (and the published table) has 21.
    expect(t.rows.filter((r) => r.result)).toHaveLength(21);
  });

  it('2019 table 三: 其他处理 is one row, 19 result rows', () => {
    const t = TEMPLATES['2019'].tables.find((x) => x.key === 'applications')!;
    expect(t.rows.filter((r) => r.result)).toHaveLength(19);
    expect(t.rows.map((r) => r.key)).not.toContain('otherFeeUnpaid');
    expect(t.grid.flat().find((c) => c.text === '（六）其他处理')).toMatchObject({ colSpan: 2 });
    expect(t.grid.flat().find((c) => c.text === '三、本年度办理结果')!.rowSpan).toBe(20);
  });

  it('table 四: 行政复议 | 行政诉讼 (未经复议直接起诉 / 复议后起诉), 15 values in one row', () => {
    const t = TEMPLATES['2021'].tables.find((x) => x.key === 'reviews')!;
    expect(t.grid[0]).toEqual([{ role: 'colHeader', text: '行政复议', colSpan: 5 }, { role: 'colHeader', text: '行政诉讼', colSpan: 10 }]);
    expect(textAt(t.grid, 1)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']);
    expect(t.grid[1]!.slice(0, 5).every((c) => c.rowSpan === 2)).toBe(true);
    expect(t.grid[3]).toHaveLength(15);
    expect(t.grid[3]![14]!.path).toBe('reviews.litigationAfterReconsideration.total');
  });

  it('table 二 prints the article of the Regulation above each block', () => {
    const t = TEMPLATES['2021'].tables.find((x) => x.key === 'proactive')!;
    expect(t.grid.filter((r) => r[0]!.role === 'section').map((r) => r[0]!.text)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(t.rows.find((r) => r.key === 'fees')!.cols[0]).toMatchObject({ label: '本年收费金额（单位：万元）', kind: 'amountWan', unit: '万元' });
    const t19 = TEMPLATES['2019'].tables.find((x) => x.key === 'proactive')!;
    expect(t19.rows.find((r) => r.key === 'licensing')!.cols.map((c) => c.kind)).toEqual(['count', 'signedChange', 'count']);
    expect(t19.rows.find((r) => r.key === 'procurement')!.cols.map((c) => c.label)).toEqual(['采购项目数量', '采购总金额']);
  });

  it('labels a cell path in Chinese and picks the template by year', () => {
    expect(cellLabel(TEMPLATES['2021'], 'applications.received.commercial')).toBe('表三 一、本年新收政府信息公开申请数量 · 申请人情况·法人或其他组织·商业企业');
    expect(cellLabel(TEMPLATES.pre2019, 'indicators.fees.amountWan')).toBe('附表 七、依申请公开信息收取的费用');
    expect([2017, 2018, 2019, 2020, 2021, 2025].map(templateForYear)).toEqual(['pre2019', 'pre2019', '2019', '2019', '2021', '2021']);
  });
});

describe('interchange document', () => {
  const base = emptyAnnualReportDoc('2021', 2024, { name: '阿戛镇人民政府', code: null });

  it('round-trips an empty document; missing cells become null, never 0', () => {
    const r = parseAnnualReportDoc(JSON.parse(JSON.stringify({ ...base, tables: { proactive: {}, applications: { received: { natural: 3 } }, reviews: {} } })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.tables.applications.received).toEqual({ natural: 3, commercial: null, research: null, nonprofit: null, legal: null, other: null, total: null });
    expect(r.doc.tables.reviews.reconsideration!.total).toBeNull();
  });

  it.each([
    [{ format: 'x' }, 'format 必须是 "gongkai-annual-report/1"'],
    [{ ...base, year: 20.5 }, 'year：year 必须是整数年份'],
    [{ ...base, template: '2030' }, 'template 必须是'],
    [{ ...base, tables: { ...base.tables, applications: { recieved: { natural: 1 } } } }, 'tables.applications.recieved：模板 2021 的表三没有这一行'],
    [{ ...base, tables: { ...base.tables, reviews: { reconsideration: { upheld: '5' } } } }, '必须是数字或 null'],
    [{ ...base, indicators: { 'applications.received': 3 } }, 'indicators.applications.received：模板 2021 没有这个统计指标'],
  ])('rejects %# with a Chinese message', (input, message) => {
    const r = parseAnnualReportDoc(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(message);
  });

  it('gets and sets cells by path, including dotted indicator keys', () => {
    const d = setCell(base, 'applications.received.natural', 12);
    expect(getCell(d, 'applications.received.natural')).toBe(12);
    expect(getCell(base, 'applications.received.natural')).toBeNull();
    expect(getCell(base, 'applications.nope.natural')).toBeUndefined();
    expect(() => setCell(base, 'applications.received.nope', 1)).toThrow('没有单元格');
    const p = emptyAnnualReportDoc('pre2019', 2017, { name: '镇', code: null });
    expect(getCell(setCell(p, 'indicators.applications.received', 4), 'indicators.applications.received')).toBe(4);
  });
});
