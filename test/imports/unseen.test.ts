/**
 * Reports the reader has never seen: random documents of each template (random counts, decimals in 万元,
 * negative 2019 本年增/减, random blank cells) rendered by the report renderer as a published HTML page (merged
 * header cells, row groups) — and the same page flattened to text. Reading them back must give every printed
 * cell in its key, blank cells as null, and never a number that is not printed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAnnualReportDoc, getCell, setCell, templateCellPaths, type AnnualReportDoc, type TemplateId } from '../../src/domain/annual-report/interchange.js';
import { cellKind, templateById } from '../../src/domain/annual-report/templates.js';
import { htmlToText } from '../../src/domain/imports/html-to-text.js';
import { renderReportHtmlPage } from '../../src/infra/report-render/html.js';
import { importReportBytes } from '../../src/infra/report-import/read-file.js';
import { inventedCells } from './support.js';

const YEARS: Record<TemplateId, number> = { '2021': 2023, '2019': 2020, pre2019: 2016 };

function randomDoc(template: TemplateId, values: (number | null)[], unit: string): AnnualReportDoc {
  const t = templateById(template);
  let doc = emptyAnnualReportDoc(template, YEARS[template], { name: unit, code: null });
  templateCellPaths(template).forEach((p, i) => {
    const raw = values[i % values.length]!;
    if (raw === null) return;
    const kind = cellKind(t, p);
    const v = kind === 'amountWan' ? Math.round(raw * 37) / 100 : kind === 'signedChange' ? raw - 40 : raw;
    doc = setCell(doc, p, v);
  });
  doc.narrative = { overview: '本机关认真贯彻落实《中华人民共和国政府信息公开条例》。', problems: '公开内容有待丰富。', other: '无其他需要报告的事项。' };
  return doc;
}

const values = fc.array(fc.option(fc.nat({ max: 99_999 }), { nil: null, freq: 5 }), { minLength: 7, maxLength: 60 });
const unit = fc.constantFrom('某某县交通运输局', '某某市人民政府办公室', '某某区某某街道办事处', '某某镇人民政府');

describe.each(['2021', '2019', 'pre2019'] as const)('unseen %s reports rendered as published pages', (template) => {
  it('read back cell for cell, as HTML and as flattened text', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(values, unit, (vals, u) => {
        const doc = randomDoc(template, vals, u);
        const html = renderReportHtmlPage(doc);
        const text = htmlToText(html).text;
        for (const [name, input] of [['html', html], ['text', text]] as const) {
          const r = importReportBytes(new TextEncoder().encode(input), `unseen.${name}`);
          expect(r.template, name).toBe(template);
          expect(r.year, name).toBe(doc.year);
          expect(r.unit, name).toBe(u);
          for (const p of templateCellPaths(template)) expect(getCell(r.doc!, p), `${name} ${p}`).toBe(getCell(doc, p));
          expect(inventedCells(r.doc!, name === 'text' ? input : null)).toEqual([]);
        }
      }),
      { numRuns: 15, seed: template.length * 101 },
    );
  });
});
