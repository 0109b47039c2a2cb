/**
 * The annual report renderers, checked the way a reader sees the output: the HTML table structure in Chromium
 * against the template grid (row/col spans, header cells, headers of each data cell, axe-core), the PDF's text
 * through pdftotext (every table label of the template), the DOCX converted by LibreOffice, the XLSX read back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnnualReportDoc, getCell, type AnnualReportDoc } from '../../src/domain/annual-report/interchange.js';
import { displayTables, gridSlots, reportTitle, templateById, type DisplayTable } from '../../src/domain/annual-report/templates.js';
import { renderReport, renderReportHtmlFragment, renderReportHtmlPage } from '../../src/infra/report-render/index.js';
import { sheetName } from '../../src/infra/report-render/xlsx.js';
import { chromiumAvailable, launchBrowser } from '../support/browser.js';
import { pdfText, run, tool } from './support.js';

const require = createRequire(import.meta.url);
const FIXTURES = path.resolve(__dirname, '../fixtures/reports');
const load = (name: string): AnnualReportDoc => {
  const r = parseAnnualReportDoc(JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.doc;
};
const DOCS = { '2021': load('2024-fgj-2021.json'), '2019': load('2020-city-2019.json'), pre2019: load('2017-hengnan-pre2019.json') };
const pdftotext = tool('pdftotext', 'poppler-utils');
const soffice = tool('soffice', 'libreoffice-writer-nogui');
const squash = (s: string) => s.replace(/\s+/g, '');

/** Every printed label of a template's tables (header, row label, block heading), whitespace removed. */
function tableLabels(doc: AnnualReportDoc): string[] {
  const t = templateById(doc.template);
  const texts = displayTables(t).flatMap((d) => d.grid.flat().filter((c) => c.role !== 'value' && c.role !== 'unit' && c.text).map((c) => squash(c.text!)));
  return [...new Set(texts)];
}

let tmp: string;
beforeAll(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-report-render-')); });
afterAll(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

describe.skipIf(!chromiumAvailable())('HTML: the official table layout, accessible', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => { await browser?.close(); });

  interface DomCell { tag: string; text: string; rowSpan: number; colSpan: number; scope: string | null; cell: string | null; headers: string[] }
  const tablesInPage = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('table')].map((table) => ({
        caption: table.caption?.textContent ?? '',
        theadRows: table.tHead?.rows.length ?? 0,
        rows: [...table.rows].map((tr) =>
          [...tr.cells].map((c) => ({
            tag: c.tagName.toLowerCase(), text: (c.textContent ?? '').trim(), rowSpan: c.rowSpan, colSpan: c.colSpan, scope: c.getAttribute('scope'), cell: c.getAttribute('data-cell'),
            headers: (c.getAttribute('headers') ?? '').split(' ').filter(Boolean).map((id) => (document.getElementById(id)?.textContent ?? `#${id}?`).trim()),
          })),
        ),
      })),
    );

  const expectGrid = (d: DisplayTable, rows: DomCell[][]) => {
    expect(rows).toHaveLength(d.grid.length);
    d.grid.forEach((row, r) => {
      expect(rows[r]!.map((c) => ({ tag: c.tag, rowSpan: c.rowSpan, colSpan: c.colSpan }))).toEqual(
        row.map((g) => ({ tag: g.role === 'value' || g.role === 'unit' ? 'td' : 'th', rowSpan: g.rowSpan ?? 1, colSpan: g.colSpan ?? 1 })),
      );
      row.forEach((g, i) => { if (g.role !== 'value') expect(rows[r]![i]!.text).toBe(g.text); });
    });
    // The browser's own table model agrees that every row spans the full width.
    expect(gridSlots(d.grid, d.gridColumns)).toHaveLength(rows.length);
  };

  it.each(Object.entries(DOCS))('template %s: rows, spans, header cells and values match the template grid', async (_id, doc) => {
    await page.setContent(renderReportHtmlPage(doc));
    const tables = await tablesInPage();
    const defs = displayTables(templateById(doc.template));
    expect(tables.map((t) => t.caption)).toEqual(defs.map((d) => `${d.shortName} ${d.title}`));
    defs.forEach((d, i) => {
      expect(tables[i]!.theadRows).toBe(d.headerRows);
      expectGrid(d, tables[i]!.rows);
      for (const c of tables[i]!.rows.flat()) {
        if (c.scope) expect(['col', 'colgroup', 'row', 'rowgroup']).toContain(c.scope);
        if (c.tag === 'th') expect(c.scope).not.toBeNull();
        if (c.cell) {
          const v = getCell(doc, c.cell);
          expect(c.text).toBe(v === null ? '—' : String(v));
        }
      }
    });
    expect(await page.locator('h1').textContent()).toBe(reportTitle(doc.unit.name, doc.year));
  });

  it('every data cell of 表三 and 表四 names its row and column headers', async () => {
    await page.setContent(renderReportHtmlPage(DOCS['2021']));
    const cells = (await tablesInPage()).flatMap((t) => t.rows.flat()).filter((c) => c.cell);
    const at = (p: string) => cells.find((c) => c.cell === p)!;
    expect(at('applications.withheldThirdParty.commercial').headers).toEqual(['申请人情况', '法人或其他组织', '商业企业', '三、本年度办理结果', '（三）不予公开', '4.保护第三方合法权益']);
    expect(at('reviews.litigationAfterReconsideration.pending').headers).toEqual(['行政诉讼', '复议后起诉', '尚未审结']);
    expect(at('proactive.penalty.decisions').headers).toEqual(['第二十条第（六）项', '本年处理决定数量', '行政处罚']);
    expect(at('applications.received.total').text).toBe('16');
  });

  it('sections 一 to 六 appear in order with the tables as 二、三、四; the fragment has no script or inline style', async () => {
    const html = renderReportHtmlFragment(DOCS['2021'], { titleLevel: 2 });
    expect(html).not.toMatch(/<script|style=/);
    await page.setContent(`<main>${html}</main>`);
    expect(await page.locator('h3').allTextContents()).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    expect(await page.locator('section:nth-of-type(3) table caption').textContent()).toBe('表三 收到和处理政府信息公开申请情况');
  });

  it('has no axe-core violations (WCAG 2.1 AA)', async () => {
    await page.setContent(renderReportHtmlPage(DOCS['2021']));
    await page.addScriptTag({ path: require.resolve('axe-core') });
    const result = (await page.evaluate(() =>
      (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    )) as { violations: { id: string; help: string }[] };
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

describe('PDF', () => {
  it.skipIf(!!pdftotext.skip).each(Object.entries(DOCS))(`template %s: the text holds the title, every table label and the values${pdftotext.skip ? `（跳过：${pdftotext.skip}）` : ''}`, async (id, doc) => {
    const file = path.join(tmp, `report-${id}.pdf`);
    fs.writeFileSync(file, await renderReport(doc, 'pdf'));
    const text = await pdfText(pdftotext.path!, file);
    expect(text).toContain(squash(reportTitle(doc.unit.name, doc.year)));
    const missing = tableLabels(doc).filter((l) => !text.includes(l));
    expect(missing).toEqual([]);
    if (doc.template === '2021') expect(text).toContain('1203'); // 行政许可 本年处理决定数量
  }, 60_000);
});

describe('DOCX', () => {
  it.skipIf(!!soffice.skip || !!pdftotext.skip)(`opens in LibreOffice with every table label${soffice.skip ? `（跳过：${soffice.skip}）` : ''}`, async () => {
    const files = await Promise.all(Object.entries(DOCS).map(async ([id, doc]) => {
      const f = path.join(tmp, `report-${id}.docx`);
      fs.writeFileSync(f, await renderReport(doc, 'docx'));
      return { f, doc };
    }));
    const out = path.join(tmp, 'docx-pdf');
    await run(soffice.path!, [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files.map((x) => x.f)], { timeout: 180_000 });
    for (const { f, doc } of files) {
      // -raw: text in the order LibreOffice drew it, cell by cell. The default reading order interleaves two
      // merged cells that sit side by side (三、本年度办理结果 next to （四）无法提供), though the page is right.
      const { stdout } = await run(pdftotext.path!, ['-raw', '-enc', 'UTF-8', path.join(out, path.basename(f, '.docx') + '.pdf'), '-'], { maxBuffer: 16 * 1024 * 1024 });
      const text = squash(stdout);
      expect(text).toContain(squash(reportTitle(doc.unit.name, doc.year)));
      expect(tableLabels(doc).filter((l) => !text.includes(l))).toEqual([]);
    }
  }, 240_000);
});

describe('XLSX', () => {
  it.each(Object.entries(DOCS))('template %s: a narrative sheet and one sheet per table, merged like the template, with the values', async (_id, doc) => {
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.load((await renderReport(doc, 'xlsx')) as unknown as ArrayBuffer);
    const defs = displayTables(templateById(doc.template));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['正文', ...defs.map(sheetName)]);
    for (const d of defs) {
      const ws = wb.getWorksheet(sheetName(d))!;
      const slots = gridSlots(d.grid, d.gridColumns);
      slots.forEach((row, r) => row.forEach((s, c) => {
        const cell = ws.getCell(r + 2, c + 1);
        if (s.origin) {
          if (s.cell.role === 'value') expect(cell.value).toBe(s.cell.path ? getCell(doc, s.cell.path) : null);
          else expect(cell.value).toBe(s.cell.text);
        } else {
          // Covered by a span: merged into the cell where the span starts.
          expect(cell.isMerged).toBe(true);
          expect(cell.master.address).toBe(ws.getCell(s.r + 2, s.c + 1).address);
        }
      }));
    }
    const text = wb.getWorksheet('正文')!;
    expect(text.getCell('A1').value).toBe(reportTitle(doc.unit.name, doc.year));
  });

  it('JSON is the interchange document itself', async () => {
    const back = parseAnnualReportDoc(JSON.parse((await renderReport(DOCS['2021'], 'json')).toString('utf8')));
    expect(back).toEqual({ ok: true, doc: DOCS['2021'] });
  });
});
