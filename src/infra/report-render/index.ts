/**
 * Annual report renderers, all from the same interchange document and template data: HTML (portal fragment
 * and standalone page), DOCX, PDF, XLSX and the interchange JSON itself. The heavy libraries (docx, exceljs,
 * the PDF worker) load on first use.
 */
import type { AnnualReportDoc } from '../../domain/annual-report/interchange.js';
import { renderReportHtmlPage } from './html.js';

export { renderReportHtmlFragment, renderReportHtmlPage, REPORT_CSS } from './html.js';
export { buildRenderModel } from './model.js';

export const REPORT_FORMATS = ['html', 'docx', 'pdf', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MIME: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** The interchange document, pretty-printed (what `report import` and `report validate` read back). */
export function renderReportJson(doc: AnnualReportDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** "<unit>2024年政府信息公开工作年度报告.<ext>" */
export function reportFileName(doc: AnnualReportDoc, format: ReportFormat): string {
  return `${doc.unit.name}${doc.year}年政府信息公开工作年度报告.${format}`;
}

export async function renderReport(doc: AnnualReportDoc, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(renderReportHtmlPage(doc), 'utf8');
    case 'json':
      return Buffer.from(renderReportJson(doc), 'utf8');
    case 'docx':
      return (await import('./docx.js')).renderReportDocx(doc);
    case 'pdf':
      return (await import('./pdf.js')).renderReportPdf(doc);
    case 'xlsx':
      return (await import('./xlsx.js')).renderReportXlsx(doc);
  }
}
