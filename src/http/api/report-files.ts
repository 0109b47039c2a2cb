/** Report downloads in the five formats (all rendered from the same interchange document) and the year-over-year comparison. */
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import type { AnnualReportDoc } from '../../domain/annual-report/interchange.js';
import { compareReports, describeChange } from '../../domain/annual-report/compare.js';
import { reportWithPrevious } from '../../domain/annual-report/workflow-queries.js';
import type { Actor, Deps } from '../../domain/ports.js';

export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** Every format from the same document (src/infra/report-render); the heavy renderers load on first use. */
export async function renderReportFile(doc: AnnualReportDoc, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'json':
      return Buffer.from(JSON.stringify(doc, null, 2) + '\n', 'utf8');
    case 'html':
      return Buffer.from((await import('../../infra/report-render/html.js')).renderReportHtmlPage(doc), 'utf8');
    case 'docx':
      return (await import('../../infra/report-render/docx.js')).renderReportDocx(doc);
    default:
      throw new DomainError('INVALID_STATE', `暂不能生成 ${format.toUpperCase()} 格式，请下载其他格式`);
  }
}

export async function sendReportFile(reply: FastifyReply, doc: AnnualReportDoc, format: ReportFormat, title: string): Promise<FastifyReply> {
  const data = await renderReportFile(doc, format);
  return reply.type(MIME[format]).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`)
    .header('cache-control', 'no-store').send(data);
}

/** Year-over-year comparison with last year's report of the same unit (compare.ts); null when there is none. */
export async function comparisonFor(deps: Deps, actor: Actor, reportId: string) {
  const { report, previous } = await reportWithPrevious(deps, actor, reportId);
  if (!previous) return { currentYear: report.year, previousYear: null, comparison: null };
  const comparison = compareReports(previous.doc, report.doc);
  return { currentYear: report.year, previousYear: previous.year, comparison: { ...comparison, cells: comparison.cells.map((c) => ({ ...c, text: describeChange(c) })) } };
}
