/**
 * 历史年报导入 API (issue 6 item 4): upload one or many published reports (HTML or text) to have them read —
 * each answer carries the interchange document, reading warnings, the evidence for template/year/unit, rule
 * findings R1–R9 (apart from reading problems) and the decoded source text the provenance offsets point into, for
 * side-by-side review — then accept a reviewed document, with cells corrected by hand, into a unit's history.
 * Reading stores nothing; accepting needs report.edit on the unit (another unit answers 404).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { acceptImportedReport } from '../../domain/imports/accept-import.js';
import { decodeReport } from '../../infra/report-import/decode.js';
import { importReportBytes } from '../../infra/report-import/read-file.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const TAG = ['年度报告'];
const MAX_FILES = 50;
const MAX_BYTES = 5 * 1024 * 1024;

const acceptBody = z.object({
  unitId: z.string({ error: '请选择单位' }),
  doc: z.record(z.string(), z.unknown(), { error: '请提供读取得到的年度报告文档' }),
  corrections: z.array(z.object({ path: z.string(), value: z.number().nullable(), note: z.string().optional() })).optional(),
});

export const reportImportRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.post('/report-imports/read', {
    schema: { tags: TAG, summary: '读取已发布的历史年度报告（HTML 或文本，可多个文件）：返回交换格式文档、读取警告、判断依据、勾稽校验和原文', consumes: ['multipart/form-data'] },
  }, async (req) => {
    requireAuth(req);
    if (!req.isMultipart()) throw new DomainError('VALIDATION', '请以 multipart/form-data 上传年度报告文件', { fields: [{ path: 'file', message: '请选择文件' }] });
    const items = [];
    for await (const part of req.files({ limits: { fileSize: MAX_BYTES, files: MAX_FILES } })) {
      const data = await part.toBuffer();
      if (part.file.truncated) throw new DomainError('PAYLOAD_TOO_LARGE', `${part.filename}：文件超过 5 MB，不像是一份年度报告`);
      if (data.length === 0) throw new DomainError('VALIDATION', `${part.filename}：文件是空的`);
      const r = importReportBytes(data, part.filename);
      items.push({
        file: part.filename,
        encoding: r.encoding,
        script: r.script,
        template: r.template,
        year: r.year,
        unit: r.unit,
        error: r.error,
        warnings: r.warnings,
        evidence: r.evidence,
        cellsRead: r.cellsRead,
        cellsTotal: r.cellsTotal,
        validation: r.validation
          ? { ok: r.validation.ok, errors: r.validation.errors.map((c) => c.message), warnings: r.validation.warnings.map((c) => c.message), skipped: r.validation.skipped.length }
          : null,
        doc: r.doc,
        sourceText: decodeReport(data).text,
      });
    }
    if (!items.length) throw new DomainError('VALIDATION', '请选择要读取的年度报告文件', { fields: [{ path: 'file', message: '请选择文件' }] });
    return { items };
  });

  app.post('/report-imports/accept', {
    schema: { tags: TAG, summary: '把核对（可人工更正单元格）后的历史年报存入单位的年报历史（来源：历史导入）', body: acceptBody },
  }, async (req, reply) => {
    const report = await acceptImportedReport(deps, requireAuth(req).actor, req.body);
    return reply.status(201).send({ id: report.id, unitId: report.unitId, year: report.year, template: report.template, status: report.status, origin: report.origin, manualCells: report.manualCells });
  });
};
