/**
 * The annual report as PDF with pdfmake, in the notice renderer's worker thread and with its Noto CJK fonts
 * (src/infra/documents/render-pdf.ts: Noto Serif CJK SC for 仿宋/小标宋, Noto Sans CJK SC for 黑体), on the
 * same GB/T 9704 page. Tables keep the merged cells (pdfmake rowSpan/colSpan with placeholder cells), repeat
 * their header rows on a new page and never split a row.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { AnnualReportDoc } from '../../domain/annual-report/interchange.js';
import { MM, PAGE, TYPE } from '../documents/layout.js';
import { DEBIAN_NOTO, checkFonts, type PdfFontFiles, type PdfFooter } from '../documents/render-pdf.js';
import { pdfWorker } from '../documents/pdf-worker.js';
import { buildRenderModel, type RenderTable } from './model.js';

const NOTO_LINE_EM = 1.437;
const pitch = (linePt: number, fontPt: number) => linePt / (fontPt * NOTO_LINE_EM);
const mm = (v: number) => v * MM;
const TEXT_WIDTH = mm(PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right);

function table(t: RenderTable): Content {
  const fontSize = t.gridColumns <= 4 ? 10.5 : 8;
  const weight = t.columnWidths.reduce((a, b) => a + b, 0);
  // pdfmake adds 2×4 pt padding and the rule to each column's width.
  const widths = t.columnWidths.map((w) => (TEXT_WIDTH * w) / weight - 8.6);
  const body: TableCell[][] = t.rows.map(() => Array.from({ length: t.gridColumns }, (): TableCell => ({})));
  for (const row of t.rows) {
    for (const c of row) {
      const header = c.role === 'colHeader' || c.role === 'corner';
      body[c.row]![c.col] = {
        text: c.text,
        ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
        ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
        font: header || c.role === 'section' ? 'NotoSansSC' : 'NotoSerifSC',
        fontSize,
        lineHeight: 1,
        alignment: c.role === 'value' ? 'center' : c.role === 'rowHeader' || c.role === 'section' ? 'left' : 'center',
        ...(c.indent ? { margin: [c.indent * fontSize, 0, 0, 0] } : {}),
        ...(header ? { fillColor: '#f2f2f2' } : {}),
      };
    }
  }
  return {
    table: { headerRows: t.headerRows, dontBreakRows: true, widths, body },
    layout: 'notice',
    margin: [0, TYPE.linePt / 4, 0, TYPE.linePt / 2],
  };
}

export function reportPdfDefinition(doc: AnnualReportDoc): { definition: TDocumentDefinitions; footer: PdfFooter } {
  const m = buildRenderModel(doc);
  const body = { fontSize: TYPE.bodyPt, lineHeight: pitch(TYPE.linePt, TYPE.bodyPt) };
  const content: Content[] = [
    { text: m.title, font: 'NotoSerifSC', bold: true, fontSize: TYPE.titlePt, lineHeight: pitch(TYPE.titleLinePt, TYPE.titlePt), alignment: 'center', margin: [0, 0, 0, TYPE.linePt / 2] },
  ];
  for (const b of m.blocks) {
    if (b.kind === 'heading') content.push({ text: b.text, font: 'NotoSansSC', ...body, leadingIndent: TYPE.indentChars * TYPE.bodyPt, headlineLevel: 1 });
    else if (b.kind === 'paragraph') content.push({ text: b.text, ...body, leadingIndent: TYPE.indentChars * TYPE.bodyPt, alignment: 'justify' });
    else {
      // Keep a section heading with its table (no heading alone at the foot of a page) when the table fits a page.
      const heading = content.at(-1);
      if (heading && b.table.rows.length <= 40) content.splice(-1, 1, { stack: [heading, table(b.table)], unbreakable: true });
      else content.push(table(b.table));
    }
  }
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [mm(PAGE.marginMm.left), mm(PAGE.marginMm.top), mm(PAGE.marginMm.right), mm(PAGE.marginMm.bottom)],
    defaultStyle: { font: 'NotoSerifSC', fontSize: TYPE.bodyPt },
    info: {
      title: m.title,
      author: m.unitName,
      subject: `${m.year}年政府信息公开工作年度报告（${m.basis}）`,
      creator: 'Gongkai 政府信息公开平台',
      producer: 'Gongkai 政府信息公开平台',
      // Fixed, not the moment of rendering: the same report renders to the same document.
      creationDate: new Date(`${m.year + 1}-01-01T00:00:00+08:00`),
    },
    content,
  };
  return { definition, footer: { fontSize: TYPE.pageNumberPt, margin: [mm(PAGE.marginMm.left) + TYPE.bodyPt, mm(7), mm(PAGE.marginMm.right) + TYPE.bodyPt, 0] } };
}

export async function renderReportPdf(doc: AnnualReportDoc, files: PdfFontFiles = DEBIAN_NOTO): Promise<Buffer> {
  checkFonts(files);
  const { definition, footer } = reportPdfDefinition(doc);
  return pdfWorker(files).render(definition, footer);
}
