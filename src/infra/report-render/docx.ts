/**
 * The annual report as DOCX (docx 9), on the same GB/T 9704 page as the notices (src/infra/documents/layout.ts):
 * A4, margins 37/35/28/26 mm, title 方正小标宋简体 二号, headings 黑体 三号, body 仿宋_GB2312 三号 with a fixed
 * 29 pt pitch. Tables keep the published merged cells (columnSpan/rowSpan from the template grid), their header
 * rows repeat on each page, and rows never split across pages. Table text is 五号 (小五 for wide tables), as
 * published reports set it.
 */
import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow,
  TextRun, VerticalAlign, WidthType,
} from 'docx';
import { DOCX_FONTS, TYPE } from '../documents/layout.js';
import { TEXT_WIDTH_TWIP, TWIP_PER_PT, em, exactly, font, gbtDocument, halfPoints } from '../documents/docx-page.js';
import type { AnnualReportDoc } from '../../domain/annual-report/interchange.js';
import { buildRenderModel, type RenderCell, type RenderTable } from './model.js';


const run = (text: string, fontName: string, sizePt: number, bold = false) => new TextRun({ text, font: font(fontName), size: halfPoints(sizePt), bold });

const paragraph = (text: string, o: { font?: string; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; firstLine?: boolean; keepNext?: boolean; linePt?: number } = {}) =>
  new Paragraph({
    children: [run(text, o.font ?? DOCX_FONTS.body, o.size ?? TYPE.bodyPt)],
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: exactly(o.linePt ?? TYPE.linePt),
    indent: o.firstLine ? { firstLine: TYPE.indentChars * em } : undefined,
    keepNext: o.keepNext ?? false,
  });

/** 五号 (10.5 pt) for narrow tables, 小五 (9 pt) for wide ones such as 表三 and 表四. */
const tableFontPt = (t: RenderTable) => (t.gridColumns <= 4 ? 10.5 : 9);

function table(t: RenderTable): Table {
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const totalWeight = t.columnWidths.reduce((a, b) => a + b, 0);
  const widths = t.columnWidths.map((w) => Math.floor((TEXT_WIDTH_TWIP * w) / totalWeight));
  const pt = tableFontPt(t);
  const cell = (c: RenderCell) => {
    const width = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
    const header = c.role === 'colHeader' || c.role === 'corner';
    const align = c.role === 'value' ? AlignmentType.CENTER : c.role === 'rowHeader' || c.role === 'section' ? AlignmentType.LEFT : AlignmentType.CENTER;
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
      ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: [
        new Paragraph({
          alignment: align,
          indent: c.indent ? { left: Math.round(c.indent * pt * TWIP_PER_PT) } : undefined,
          spacing: { line: Math.round(pt * 1.35 * TWIP_PER_PT), lineRule: LineRuleType.AT_LEAST },
          children: [run(c.text, header || c.role === 'section' ? DOCX_FONTS.heading : DOCX_FONTS.body, pt, c.role === 'section')],
        }),
      ],
    });
  };
  return new Table({
    width: { size: TEXT_WIDTH_TWIP, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: t.rows.map((row, i) => new TableRow({ cantSplit: true, tableHeader: i < t.headerRows, children: row.map(cell) })),
  });
}

export function reportDocxDocument(doc: AnnualReportDoc): Document {
  const m = buildRenderModel(doc);
  const children: (Paragraph | Table)[] = [
    paragraph(m.title, { font: DOCX_FONTS.title, size: TYPE.titlePt, align: AlignmentType.CENTER, linePt: TYPE.titleLinePt, keepNext: true }),
    paragraph('', { keepNext: true }),
  ];
  for (const b of m.blocks) {
    if (b.kind === 'heading') children.push(paragraph(b.text, { font: DOCX_FONTS.heading, firstLine: true, keepNext: true }));
    else if (b.kind === 'paragraph') children.push(paragraph(b.text, { firstLine: true }));
    else children.push(table(b.table), paragraph(''));
  }
  return gbtDocument({ title: m.title, subject: `${m.year}年政府信息公开工作年度报告（${m.basis}）`, creator: m.unitName }, children);
}

export async function renderReportDocx(doc: AnnualReportDoc): Promise<Buffer> {
  return Packer.toBuffer(reportDocxDocument(doc));
}
