/**
 * Generated variants of the fixtures — cells shuffled across line breaks, navigation around the report, GBK /
 * GB18030 bytes, HTML pages, BOM + CRLF, traditional script, a table lost, a broken 勾稽 sum, the 附表 cut off —
 * are read correctly or reported precisely, and never yield an invented number.
 */
import { describe, expect, it } from 'vitest';
import { getCell } from '../../src/domain/annual-report/interchange.js';
import { importReportBytes } from '../../src/infra/report-import/read-file.js';
import { inventedCells, score, variants } from './support.js';

describe.each(variants().map((v) => [v.name, v] as const))('variant %s', (_name, v) => {
  const r = importReportBytes(v.bytes, `${v.name}.txt`);

  it('reads every stated cell into its key and nothing else', () => {
    expect(r.error).toBeNull();
    const s = score(r.doc, v.cells);
    expect(s.wrong).toEqual([]);
    expect(s.missed).toEqual([]);
    expect(s.invented).toEqual([]);
    expect(s.correct).toBe(s.stated);
  });

  it('has provenance for every number, stating that number at its offset in the decoded source', () => {
    expect(inventedCells(r.doc!, v.plain ? v.decodedText : null)).toEqual([]);
    if (!v.plain) {
      // HTML: the offset points at the number inside the page source
      for (const [path, prov] of Object.entries(r.doc!.source!.cells)) expect(v.decodedText.slice(prov.offset, prov.offset + prov.text.length), path).toBe(prov.text);
    }
  });

  if (v.warning) it(`says what is missing (${v.warning})`, () => expect(r.warnings.join('\n')).toContain(v.warning));

  if (v.failedRules) {
    it(`reports the broken sum as rule findings (${v.failedRules.join(', ')}), not as a reading problem`, () => {
      const failed = new Set(r.validation!.errors.map((c) => c.rule));
      for (const id of v.failedRules!) expect(failed.has(id as never), id).toBe(true);
      const r2 = r.validation!.errors.find((c) => c.rule === 'R2')!;
      expect(r2.message).toContain('本年新收');
      expect(r2.message).toMatch(/3/);
      expect(r.warnings.join('\n')).not.toContain('R2');
      expect(getCell(r.doc!, 'applications.received.natural')).toBe(3);
    });
  }
});

describe('detection on variants', () => {
  const all = variants();
  it('GBK / GB18030 bytes are detected and recorded', () => {
    for (const v of all.filter((x) => /GBK|GB18030/.test(x.name))) {
      const r = importReportBytes(v.bytes, 'x.txt');
      expect(r.encoding, v.name).toBe('GB18030');
      expect(r.doc!.source!.encoding).toBe('GB18030');
    }
  });

  it('a 2021-format report in traditional characters is still template 2021, script traditional', () => {
    const v = all.find((x) => x.name === '2024 · traditional script')!;
    const r = importReportBytes(v.bytes, 'x.txt');
    expect(r.script).toBe('traditional');
    expect(r.template).toBe('2021');
    expect(r.unit).toBe('阿戛镇人民政府');
  });

  it('navigation and footer lines are removed as furniture, report lines are not', () => {
    const v = all.find((x) => x.name === '2024-town-aga-2021-format · navigation')!;
    const r = importReportBytes(v.bytes, 'x.txt');
    const removed = r.removed.map((x) => x.text);
    expect(removed).toEqual(expect.arrayContaining(['字号：大 中 小', '扫一扫在手机打开当前页', '【打印本页】 【关闭窗口】']));
    expect(removed.some((x) => x.includes('ICP备'))).toBe(true);
    expect(r.cleanText).toContain('本年度没有依申请公开信件处理费');
    expect(r.cleanText).not.toContain('ICP备');
  });
});
