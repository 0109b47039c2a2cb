import { describe, expect, it } from 'vitest';
import { comparisonRange } from './comparison-query.js';
import { buildComparison, comparisonSheets, correctedRate, FIGURE_KEYS, FIGURE_SOURCES, keyFigures, type ComparisonInput, type FigureKey } from './comparison.js';
import { emptyAnnualReportDoc, getCell, setCell, TEMPLATE_IDS, type AnnualReportDoc, type TemplateId } from './interchange.js';

const unit = { name: '安澜市发展和改革局', code: null };
const fill = (doc: AnnualReportDoc, cells: Record<string, number>) => Object.entries(cells).reduce((d, [p, v]) => setCell(d, p, v), doc);

/** Every cell of a 2021/2019 document stated as 0, then the given cells: a complete report. */
function complete(template: TemplateId, year: number, cells: Record<string, number>): AnnualReportDoc {
  const empty = emptyAnnualReportDoc(template, year, unit);
  let doc = empty;
  for (const [tk, table] of Object.entries(empty.tables)) for (const [rk, row] of Object.entries(table)) for (const ck of Object.keys(row)) doc = setCell(doc, `${tk}.${rk}.${ck}`, 0);
  for (const k of Object.keys(empty.indicators)) doc = setCell(doc, `indicators.${k}`, 0);
  doc = fill(doc, cells);
  // All applicants are natural persons: 总计 = 自然人 (R2).
  for (const rk of Object.keys(doc.tables.applications)) doc = setCell(doc, `applications.${rk}.natural`, doc.tables.applications[rk]!.total ?? 0);
  return doc;
}

const doc2021 = complete('2021', 2024, {
  'proactive.regulations.issued': 3, 'proactive.normativeDocuments.issued': 564,
  'applications.received.total': 14069, 'applications.carriedOver.total': 560, 'applications.handledTotal.total': 13810, 'applications.carriedForward.total': 819,
  'applications.disclosed.total': 5000, 'applications.partiallyDisclosed.total': 800,
  'applications.withheldStateSecret.total': 2, 'applications.withheldThirdParty.total': 40, 'applications.withheldProcessInfo.total': 8,
  'applications.unavailableNotHeld.total': 6000, 'applications.unavailableStillUnclear.total': 100,
  'applications.notProcessedPetition.total': 900, 'applications.notProcessedRepeated.total': 500,
  'applications.otherNoCorrection.total': 300, 'applications.otherFeeUnpaid.total': 0, 'applications.otherOther.total': 160,
  'reviews.reconsideration.upheld': 376, 'reviews.reconsideration.corrected': 97, 'reviews.reconsideration.other': 196, 'reviews.reconsideration.pending': 121, 'reviews.reconsideration.total': 790,
  'reviews.litigationDirect.upheld': 16, 'reviews.litigationDirect.corrected': 1, 'reviews.litigationDirect.other': 12, 'reviews.litigationDirect.pending': 27, 'reviews.litigationDirect.total': 56,
  'reviews.litigationAfterReconsideration.upheld': 74, 'reviews.litigationAfterReconsideration.corrected': 1, 'reviews.litigationAfterReconsideration.other': 30, 'reviews.litigationAfterReconsideration.pending': 51, 'reviews.litigationAfterReconsideration.total': 156,
});

const doc2019 = complete('2019', 2020, {
  'proactive.regulations.newlyMade': 2, 'proactive.normativeDocuments.newlyMade': 10,
  'applications.received.total': 859, 'applications.carriedOver.total': 18, 'applications.handledTotal.total': 805, 'applications.carriedForward.total': 72,
  'applications.disclosed.total': 794, 'applications.otherOther.total': 7, 'applications.withheldQueryMatter.total': 4,
  'reviews.reconsideration.upheld': 5, 'reviews.reconsideration.pending': 2, 'reviews.reconsideration.total': 7,
  'reviews.litigationDirect.upheld': 8, 'reviews.litigationDirect.pending': 1, 'reviews.litigationDirect.total': 9,
});

/** A 2017-style 附表 as the import reads it: what the table states, null for what it does not. */
const docPre2019 = fill(emptyAnnualReportDoc('pre2019', 2017, unit), {
  'indicators.proactive.total': 2315, 'indicators.proactive.normativeDocsIssued': 12,
  'indicators.applications.received': 781, 'indicators.applications.replied': 770,
  'indicators.applications.alreadyPublic': 120, 'indicators.applications.disclosed': 400, 'indicators.applications.partiallyDisclosed': 30,
  'indicators.applications.refused': 20, 'indicators.applications.notThisAgency': 100, 'indicators.applications.notExist': 50,
  'indicators.applications.correctionRequested': 30, 'indicators.applications.otherChannel': 20,
  'indicators.reconsideration.total': 4, 'indicators.reconsideration.upheld': 3, 'indicators.reconsideration.corrected': 1, 'indicators.reconsideration.other': 0,
  'indicators.litigation.total': 2, 'indicators.litigation.upheld': 1, 'indicators.litigation.corrected': 0, 'indicators.litigation.other': 1,
});

/** A narrative-only 2018 report: the prose states items published and applications, nothing else. */
const docNarrative = fill(emptyAnnualReportDoc('pre2019', 2018, unit), { 'indicators.proactive.total': 1800, 'indicators.applications.received': 781 });

describe('figure mapping', () => {
  it.each(TEMPLATE_IDS)('template %s: every mapped cell exists in the template, and every figure is mapped', (template) => {
    const empty = emptyAnnualReportDoc(template, 2020, unit);
    for (const key of FIGURE_KEYS) {
      const s = FIGURE_SOURCES[template][key];
      expect(s, key).toBeDefined();
      if (s.kind === 'cells') for (const p of s.cells) expect([key, p, getCell(empty, p)]).toEqual([key, p, null]);
      if (s.kind !== 'cells' && s.kind !== 'derived') expect(s.note.length, key).toBeGreaterThan(0);
    }
  });
});

describe('keyFigures per template', () => {
  const cases: [string, AnnualReportDoc, number | null, Partial<Record<FigureKey, number | null>>][] = [
    ['2021 (records count given)', doc2021, 37, {
      itemsPublished: 37, docsIssued: 567, received: 14069, carriedOver: 560, handledTotal: 13810, carriedForward: 819,
      disclosed: 5000, partiallyDisclosed: 800, withheld: 50, unavailable: 6100, notProcessed: 1400, otherOutcome: 460,
      reconsiderationTotal: 790, reconsiderationCorrected: 97, reconsiderationConcluded: 669,
      litigationTotal: 212, litigationCorrected: 2, litigationConcluded: 134,
      correctedRate: Math.round((99 / 803) * 1000) / 10,
    }],
    ['2019 (imported: no records count)', doc2019, null, {
      itemsPublished: null, docsIssued: 12, received: 859, disclosed: 794, carriedOver: 18, handledTotal: 805, carriedForward: 72,
      withheld: 4, otherOutcome: 7, reconsiderationTotal: 7, reconsiderationConcluded: 5, litigationTotal: 9, litigationConcluded: 8, correctedRate: 0,
    }],
    ['pre2019 附表', docPre2019, 99, {
      itemsPublished: 2315, docsIssued: 12, received: 781, carriedOver: null, handledTotal: 770, carriedForward: null,
      disclosed: 520, partiallyDisclosed: 30, withheld: 20, unavailable: 150, notProcessed: null, otherOutcome: 50,
      reconsiderationTotal: 4, reconsiderationCorrected: 1, reconsiderationConcluded: 4,
      litigationTotal: 2, litigationCorrected: 0, litigationConcluded: 2, correctedRate: 16.7,
    }],
    ['pre2019 narrative (nulls stay null)', docNarrative, null, {
      itemsPublished: 1800, received: 781, docsIssued: null, handledTotal: null, disclosed: null, withheld: null,
      reconsiderationTotal: null, litigationTotal: null, correctedRate: null,
    }],
  ];
  it.each(cases)('%s', (_name, doc, records, expected) => {
    const f = keyFigures(doc, records);
    expect(Object.keys(f).sort()).toEqual([...FIGURE_KEYS].sort());
    for (const [k, v] of Object.entries(expected)) expect([k, f[k as FigureKey]]).toEqual([k, v]);
  });

  it('pre2019 reads its own 附表 cells, not the records count, for items published', () => {
    expect(keyFigures(docPre2019, 99).itemsPublished).toBe(2315);
  });

  it('a sum with one unknown part is unknown, not the sum of the known parts', () => {
    const partial = setCell(doc2021, 'applications.withheldLawProhibited.total', null);
    expect(keyFigures(partial).withheld).toBeNull();
    expect(keyFigures(partial).disclosed).toBe(5000);
  });
});

describe('correctedRate', () => {
  it.each([
    [{ reconsiderationCorrected: 1, reconsiderationConcluded: 4, litigationCorrected: 1, litigationConcluded: 4 }, 25],
    [{ reconsiderationCorrected: 0, reconsiderationConcluded: 0, litigationCorrected: 0, litigationConcluded: 0 }, null],
    [{ reconsiderationCorrected: 1, reconsiderationConcluded: 3, litigationCorrected: null, litigationConcluded: 2 }, null],
    [{ reconsiderationCorrected: 2, reconsiderationConcluded: 3, litigationCorrected: 0, litigationConcluded: 0 }, 66.7],
  ])('%j → %s', (f, rate) => expect(correctedRate(f)).toBe(rate));
});

describe('buildComparison', () => {
  const input = (unitId: string, doc: AnnualReportDoc, over: Partial<ComparisonInput> = {}): ComparisonInput => ({
    reportId: `${unitId}-${doc.year}`, unitId, year: doc.year, status: 'published', origin: 'imported', doc, previousDoc: null, publishedRecords: null, fees: null, ...over,
  });
  const broken = setCell(doc2019, 'applications.received.total', 860); // R1 and R2 break
  const c = buildComparison({
    unit: { id: 'gov', name: '安澜市人民政府' }, from: 2017, to: 2020,
    units: [{ id: 'gov', name: '安澜市人民政府', own: true }, { id: 'fgj', name: '安澜市发展和改革局', own: false }],
    reports: [
      input('fgj', broken),
      input('fgj', docPre2019),
      input('gov', { ...doc2019, year: 2019 }, { status: 'accepted', origin: 'computed', publishedRecords: 12 }),
      input('gov', { ...doc2019, year: 2018 }, { status: 'draft' }),
      input('gov', { ...doc2021, year: 2024 }),
    ],
    statuses: [{ unitId: 'gov', year: 2018, status: 'draft' }],
  });

  it('lists accepted and published reports of the range by unit order and year', () => {
    expect(c.years).toEqual([2017, 2018, 2019, 2020]);
    expect(c.rows.map((r) => `${r.unitId}:${r.year}`)).toEqual(['gov:2019', 'fgj:2017', 'fgj:2020']);
    expect(c.rows[0]!.figures.itemsPublished).toBe(12);
    expect(c.rows[0]!.originLabel).toBe('系统生成');
  });

  it('says why a unit × year is missing', () => {
    expect(c.missing).toContainEqual({ unitId: 'gov', unitName: '安澜市人民政府', year: 2018, statusLabel: '草稿' });
    expect(c.missing).toContainEqual({ unitId: 'fgj', unitName: '安澜市发展和改革局', year: 2019, statusLabel: '未开始' });
  });

  it('reports R1–R9 findings with their messages per report', () => {
    const row = c.rows.find((r) => r.unitId === 'fgj' && r.year === 2020)!;
    expect(row.findings.errors).toBeGreaterThanOrEqual(2);
    expect(row.findings.items.map((f) => f.rule)).toEqual(expect.arrayContaining(['R1', 'R2']));
    expect(row.findings.items.find((f) => f.rule === 'R1')!.message).toContain('860');
    expect(c.rows.find((r) => r.year === 2019)!.findings.errors).toBe(0);
  });

  it('flags mixed templates and names the figures pre2019 gives only approximately or not at all', () => {
    expect(c.mixedTemplates).toBe(true);
    const pre = c.notes.filter((n) => n.template === 'pre2019');
    expect(pre.filter((n) => n.basis === 'absent').map((n) => n.figure).sort()).toEqual(['carriedForward', 'carriedOver', 'notProcessed']);
    expect(pre.map((n) => n.figure)).toContain('withheld');
    const row = c.rows.find((r) => r.template === 'pre2019')!;
    expect(row.approximate).toContain('disclosed');
    expect(row.approximate).not.toContain('carriedOver');
  });

  it('exports the same rows as sheets', () => {
    const [figures, findings, notes, missing] = comparisonSheets(c);
    expect(figures!.rows).toHaveLength(3);
    const col = figures!.header.indexOf('本年新收申请（件）');
    expect(figures!.rows.map((r) => r[col])).toEqual([859, 781, 860]);
    expect(findings!.rows.some((r) => r[0] === '安澜市发展和改革局' && r[2] === 'R1')).toBe(true);
    expect(notes!.rows.length).toBe(c.notes.length);
    expect(missing!.rows.length).toBe(c.missing.length);
  });
});

describe('comparisonRange', () => {
  it.each([
    [undefined, undefined, { from: 2020, to: 2024 }],
    [2019, 2022, { from: 2019, to: 2022 }],
    [undefined, 2010, { from: 2008, to: 2010 }],
  ])('from %s to %s', (from, to, expected) => expect(comparisonRange('2025-03-01', from, to)).toEqual(expected));
  it.each([
    [2023, 2021, '起始年度不能晚于截止年度'],
    [2000, 2024, '不早于 2008'],
    [2008, 2030, '截止年度'],
  ])('refuses %s–%s in Chinese', (from, to, msg) => expect(() => comparisonRange('2025-03-01', from, to)).toThrow(msg));
});
