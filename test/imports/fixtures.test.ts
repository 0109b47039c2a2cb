/**
 * The three real scraped reports (../shared/fixtures/annual-reports): every number of their tables or 附表 (and
 * the prose of the narrative one) lands in the right key with provenance, everything else is null, and the
 * template, year, unit and script are recognised with evidence. Expected values were written by reading the
 * sources (test/imports/expected/*.json).
 */
import { describe, expect, it } from 'vitest';
import { getCell, parseAnnualReportDoc, templateCellPaths } from '../../src/domain/annual-report/interchange.js';
import { importReportBytes } from '../../src/infra/report-import/read-file.js';
import { FIXTURES, expected, fixtureText, inventedCells } from './support.js';

const read = (name: string, opts = {}) => importReportBytes(new TextEncoder().encode(fixtureText(name)), `${name}.txt`, opts);

describe.each(FIXTURES)('fixture %s', (name) => {
  const exp = expected(name);
  const r = read(name);

  it('is recognised: template, year, unit and script, with evidence', () => {
    expect(r.error).toBeNull();
    expect(r.template).toBe(exp.template);
    expect(r.year).toBe(exp.year);
    expect(r.unit).toBe(exp.unit);
    expect(r.script).toBe(exp.script);
    expect(r.evidence.template.length).toBeGreaterThan(0);
    expect(r.evidence.year.length).toBeGreaterThan(0);
    expect(r.doc!.source!.script).toBe(exp.script);
    expect(r.doc!.source!.encoding).toBe('UTF-8');
  });

  it('puts every stated number in its key, with provenance at the right place in the source', () => {
    const doc = r.doc!;
    const source = fixtureText(name);
    for (const [path, value] of Object.entries(exp.cells)) {
      expect(getCell(doc, path), path).toBe(value);
      const prov = doc.source!.cells[path]!;
      expect(prov, path).toBeDefined();
      expect(source.slice(prov.offset, prov.offset + prov.text.length), path).toBe(prov.text);
      expect(prov.text, path).toContain(String(value));
    }
  });

  it('writes null (never 0) for everything not stated', () => {
    const doc = r.doc!;
    const notStated = templateCellPaths(doc.template).filter((p) => !(p in exp.cells));
    for (const p of notStated) expect(getCell(doc, p), p).toBeNull();
    expect(r.cellsRead).toBe(Object.keys(exp.cells).length);
  });

  it('invents no number and writes a document the interchange parser accepts', () => {
    expect(inventedCells(r.doc!, fixtureText(name))).toEqual([]);
    const parsed = parseAnnualReportDoc(JSON.parse(JSON.stringify(r.doc)));
    expect(parsed.ok).toBe(true);
  });

  it('says what it could not read', () => {
    for (const w of exp.warningsInclude ?? []) expect(r.warnings.join('\n')).toContain(w);
  });
});

describe('specific readings', () => {
  it('2024: read as template 2021 with all 表三 and 表四 cells, zeros included, and the rules pass', () => {
    const r = read(FIXTURES[0]);
    expect(r.template).toBe('2021');
    const applications = templateCellPaths('2021').filter((p) => p.startsWith('applications.') || p.startsWith('reviews.'));
    expect(applications).toHaveLength(25 * 7 + 15);
    for (const p of applications) expect(getCell(r.doc!, p), p).toBe(0);
    expect(r.validation!.ok).toBe(true);
    expect(r.validation!.errors).toEqual([]);
    // structural evidence names the 2021-only labels and where they are
    expect(r.evidence.template.map((e) => e.phrase)).toEqual(expect.arrayContaining(['本年制发件数', '申请人无正当理由逾期不补正']));
    expect(r.doc!.narrative.overview).toContain('阿戛镇主动公开政府信息总计236条');
    expect(r.doc!.narrative.other).toContain('无其他需要报告的事项');
  });

  it('2017: traditional script converted with OpenCC, 附表 read as pre2019, provenance in the original characters', () => {
    const r = read(FIXTURES[1], { unit: '衡南县某镇人民政府' });
    expect(r.template).toBe('pre2019');
    expect(r.script).toBe('traditional');
    expect(r.doc!.unit.name).toBe('衡南县某镇人民政府');
    expect(r.evidence.year[0]!.phrase).toContain('统计期限');
    // provenance shows the source's own script (traditional), the document holds simplified narrative
    expect(r.doc!.narrative.overview).toContain('编制说明');
    expect(r.doc!.narrative.extra?.map((s) => s.heading)).toEqual(expect.arrayContaining(['二、主动公开政府信息情况']));
    // the 附表's group line carrying 63 has no key: reported, not written
    expect(r.warnings.some((w) => w.includes('63') && w.includes('分组标题'))).toBe(true);
    // R9 is a warning rule checked on what was read: 收到申请数 0 with the four channels blank is skipped, not passed
    expect(r.validation!.checks.filter((c) => c.rule === 'R9').every((c) => c.status === 'skipped')).toBe(true);
  });

  it('2018: narrative prose gives its stated numbers; "nothing happened" statements stay null with a warning', () => {
    const r = read(FIXTURES[2]);
    const doc = r.doc!;
    expect(doc.indicators['reconsideration.total']).toBeNull();
    expect(doc.indicators['litigation.total']).toBeNull();
    expect(doc.indicators['fees.amountWan']).toBeNull();
    expect(doc.source!.cells['indicators.proactive.viaWebsite']!.text).toContain('通过网站公开9136条');
    expect(r.removed.map((x) => x.text)).toEqual(expect.arrayContaining(['扫一扫在手机打开当前页', '字号: 〖大 小〗']));
    // the report text itself is kept: first paragraph and the signature
    expect(r.cleanText).toContain('本报告根据《中华人民共和国政府信息公开条例》');
  });

  it('--unit and --year override what the text says, and are reported when they differ', () => {
    const r = read(FIXTURES[0], { unit: '阿戛镇', year: 2023 });
    expect(r.doc!.unit.name).toBe('阿戛镇');
    expect(r.doc!.year).toBe(2023);
    expect(r.warnings.join('\n')).toContain('指定的年份 2023');
  });
});
