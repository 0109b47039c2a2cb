/** Report downloads in the five formats (report-core's renderers, all from the same document) and the year-over-year comparison. */
import type { FastifyReply } from 'fastify';
import { compareReports, describeChange } from '../../domain/annual-report/compare.js';
import type { AnnualReportDoc } from '../../domain/annual-report/interchange.js';
import { reportWithPrevious } from '../../domain/annual-report/workflow-queries.js';
import type { Actor, Deps } from '../../domain/ports.js';
import { REPORT_MIME, renderReport, type ReportFormat } from '../../infra/report-render/index.js';

export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'json', 'html'] as const satisfies readonly ReportFormat[];
export type { ReportFormat };

export const renderReportFile = (doc: AnnualReportDoc, format: ReportFormat): Promise<Buffer> => renderReport(doc, format);

export async function sendReportFile(reply: FastifyReply, doc: AnnualReportDoc, format: ReportFormat, title: string): Promise<FastifyReply> {
  const data = await renderReport(doc, format);
  return reply.type(REPORT_MIME[format]).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`)
    .header('cache-control', 'no-store').send(data);
}

/** Year-over-year comparison with last year's report of the same unit (compare.ts); null when there is none. */
export async function comparisonFor(deps: Deps, actor: Actor, reportId: string) {
  const { report, previous } = await reportWithPrevious(deps, actor, reportId);
  if (!previous) return { currentYear: report.year, previousYear: null, comparison: null };
  const comparison = compareReports(previous.doc, report.doc);
  return { currentYear: report.year, previousYear: previous.year, comparison: { ...comparison, cells: comparison.cells.map((c) => ({ ...c, text: describeChange(c) })) } };
}
