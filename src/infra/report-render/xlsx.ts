/**
 * The annual report as XLSX (exceljs): a first sheet "正文" with the title and every narrative section in
 * order, then one sheet per table as published — merged header and label cells from the template grid,
 * numbers as numbers (null: an empty cell, "not stated"), thin borders, header rows frozen.
 */
import type ExcelJS from 'exceljs';
import type { AnnualReportDoc } from '../../domain/annual-report/interchange.js';
import { buildRenderModel, type RenderTable } from './model.js';

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters. */
export const sheetName = (t: Pick<RenderTable, 'shortName' | 'title'>) => `${t.shortName} ${t.title}`.replace(/[[\]:*?/\\]/g, '').slice(0, 31);

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

function tableSheet(wb: ExcelJS.Workbook, t: RenderTable): void {
  const ws = wb.addWorksheet(sheetName(t), {
    views: t.headerRows ? [{ state: 'frozen', ySplit: t.headerRows + 1 }] : [],
    pageSetup: { paperSize: 9, orientation: t.gridColumns > 10 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  // Row 1 is the caption; the grid starts on row 2.
  ws.getCell(1, 1).value = t.caption;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  if (t.gridColumns > 1) ws.mergeCells(1, 1, 1, t.gridColumns);
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const scale = 60 / t.columnWidths.reduce((a, b) => a + b, 0);
  t.columnWidths.forEach((w, i) => { ws.getColumn(i + 1).width = Math.max(6, Math.round(w * scale * (t.gridColumns > 10 ? 3 : 1.6))); });
  for (const row of t.rows) {
    for (const c of row) {
      const r = c.row + 2;
      const col = c.col + 1;
      const cell = ws.getCell(r, col);
      cell.value = c.role === 'value' ? (c.value ?? null) : c.text;
      const header = c.role === 'colHeader' || c.role === 'corner';
      cell.alignment = {
        vertical: 'middle',
        wrapText: true,
        horizontal: c.role === 'value' ? 'center' : c.role === 'rowHeader' || c.role === 'section' ? 'left' : 'center',
        ...(c.indent ? { indent: c.indent } : {}),
      };
      if (header) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      if (c.role === 'section' || header) cell.font = { bold: c.role === 'section' };
      if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(r, col, r + c.rowSpan - 1, col + c.colSpan - 1);
    }
  }
  // Borders on every position of the grid, including those covered by a merge.
  for (let r = 2; r < 2 + t.rows.length; r++) {
    for (let c = 1; c <= t.gridColumns; c++) ws.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

export async function renderReportXlsx(doc: AnnualReportDoc): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // ~0.5 s to load: only when a workbook is asked for
  const m = buildRenderModel(doc);
  const wb = new Excel.Workbook();
  wb.creator = m.unitName;
  wb.title = m.title;
  wb.subject = `${m.year}年政府信息公开工作年度报告（${m.basis}）`;
  // A fixed date: the same report produces the same workbook.
  wb.created = wb.modified = new Date(`${m.year + 1}-01-01T00:00:00+08:00`);

  const text = wb.addWorksheet('正文');
  text.getColumn(1).width = 30;
  text.getColumn(2).width = 100;
  text.addRow([m.title]).font = { bold: true, size: 14 };
  text.addRow(['单位', m.unitName]);
  text.addRow(['年度', m.year]);
  text.addRow(['格式依据', m.basis]);
  text.addRow([]);
  let heading = '';
  for (const b of m.blocks) {
    if (b.kind === 'heading') heading = b.text;
    else if (b.kind === 'paragraph') {
      const row = text.addRow([heading, b.text]);
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      row.getCell(1).alignment = { vertical: 'top' };
      heading = '';
    } else {
      text.addRow([heading, `见工作表“${sheetName(b.table)}”`]);
      heading = '';
    }
  }
  for (const t of m.tables) tableSheet(wb, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
