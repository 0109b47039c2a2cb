/**
 * 历史年报导入 API (issue 6 item 4). Uploaded reports (HTML or text, many at once) are kept as import records —
 * the original bytes, what was read, the hand corrections and the decision — so a review can be resumed by another
 * staff member and nothing uploaded is lost:
 *   GET    /report-imports?status=            the imports of the units the user may see
 *   POST   /report-imports                    upload (multipart, many files; optional field unitId = target unit)
 *   GET    /report-imports/:id                one import with the decoded source text (re-read from the stored bytes)
 *   GET    /report-imports/:id/original       the original file as uploaded
 *   PATCH  /report-imports/:id                choose the unit and year (and template)
 *   PATCH  /report-imports/:id/cells          hand corrections (re-validated with R1–R9)
 *   POST   /report-imports/:id/accept|discard|restore
 * The stateless POST /report-imports/read (read, store nothing) and POST /report-imports/accept (store a document
 * read elsewhere, e.g. by `gongkai report import --json`) stay for API clients.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors.js';
import { acceptImportedReport } from '../../domain/imports/accept-import.js';
import { correctImportCells, effectiveDoc } from '../../domain/imports/review/correct.js';
import { acceptImport, discardImport, restoreImport } from '../../domain/imports/review/decide.js';
import { IMPORT_STATUSES, type ReportImport, type ReportReader } from '../../domain/imports/review/model.js';
import { getImport, listImports, type ImportDetail } from '../../domain/imports/review/queries.js';
import { chooseImportTarget } from '../../domain/imports/review/target.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILES, uploadReports, type UploadedFile } from '../../domain/imports/review/upload.js';
import { decodeReport } from '../../infra/report-import/decode.js';
import { importReportBytes } from '../../infra/report-import/read-file.js';
import { sniffMime } from '../../infra/sniff.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const TAG = ['年度报告'];
/** The stateless read stores nothing, so it takes more files at once than an upload (MAX_IMPORT_FILES). */
const MAX_FILES = 50;
const idParams = z.object({ id: z.string().min(1).max(64) });

const acceptBody = z.object({
  unitId: z.string({ error: '请选择单位' }),
  doc: z.record(z.string(), z.unknown(), { error: '请提供读取得到的年度报告文档' }),
  corrections: z.array(z.object({ path: z.string(), value: z.number().nullable(), note: z.string().optional() })).optional(),
});

/** The reader over stored or uploaded bytes (decoding, OpenCC, R1–R9 live in src/infra/report-import). */
export const readReportFile: ReportReader = (bytes, fileName, opts) => {
  const r = importReportBytes(bytes, fileName, opts);
  return {
    doc: r.doc, error: r.error, template: r.template, year: r.year, unit: r.unit, script: r.script, encoding: r.encoding, warnings: r.warnings,
    evidence: r.evidence, cellsRead: r.cellsRead, cellsTotal: r.cellsTotal, sourceText: r.text,
  };
};

const summary = (i: Omit<ReportImport, 'doc' | 'read' | 'corrections'>) => ({
  id: i.id, status: i.status, statusLabel: IMPORT_STATUSES[i.status], filename: i.filename, encoding: i.encoding, script: i.script,
  detected: { template: i.detectedTemplate, year: i.detectedYear, unitName: i.detectedUnitName },
  template: i.template, year: i.year, unitId: i.unitId, ownerUnitId: i.ownerUnitId, readError: i.readError,
  findings: i.findings ? { ok: i.findings.ok, errors: i.findings.errors.length, warnings: i.findings.warnings.length } : null,
  acceptedReportId: i.acceptedReportId, decidedBy: i.decidedBy, decidedAt: i.decidedAt, uploadedByName: i.uploadedByName,
  uploadedAt: i.uploadedAt, updatedAt: i.updatedAt, version: i.version,
});

const detail = (d: ImportDetail, sourceText: string | null) => ({
  ...summary(d.imp),
  unitName: d.unitName, ownerUnitName: d.ownerUnitName, existingReport: d.existingReport,
  read: d.imp.read, findings: d.imp.findings, corrections: d.imp.corrections,
  /** the document as read (provenance in doc.source.cells) and with the corrections applied */
  doc: d.imp.doc, correctedDoc: effectiveDoc(d.imp), sourceText,
});

export const reportImportRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  const loadDetail = async (actor: Parameters<typeof getImport>[1], id: string) => {
    const d = await getImport(deps, actor, id);
    const bytes = await deps.blobs.get(d.imp.sourceSha256);
    return detail(d, bytes ? decodeReport(bytes).text : null);
  };

  app.get('/report-imports', {
    schema: { tags: TAG, summary: '历史年报导入记录（本人可查看单位的，按上传时间倒序）', querystring: z.object({ status: z.string().optional(), limit: z.string().optional() }) },
  }, async (req) => {
    const rows = await listImports(deps, requireAuth(req).actor, req.query);
    return { items: rows.map((x) => ({ ...summary(x), unitName: x.unitName, ownerUnitName: x.ownerUnitName, cellsRead: x.cellsRead, cellsTotal: x.cellsTotal, warningCount: x.warningCount, correctionCount: x.correctionCount })) };
  });

  app.post('/report-imports', {
    schema: { tags: TAG, summary: '上传历史年度报告（HTML 或文本，可多个文件；字段 unitId 可指定存入的单位）：逐个读取并保存为待核对的导入记录', consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireAuth(req).actor;
    if (!req.isMultipart()) throw new DomainError('VALIDATION', '请以 multipart/form-data 上传年度报告文件', { fields: [{ path: 'file', message: '请选择文件' }] });
    const files: UploadedFile[] = [];
    let unitId: string | null = null;
    for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: MAX_IMPORT_FILES + 1, fields: 10 } })) {
      if (part.type === 'field') {
        if (part.fieldname === 'unitId' && typeof part.value === 'string' && part.value.trim()) unitId = part.value.trim().slice(0, 64);
        continue;
      }
      const data = await part.toBuffer();
      if (part.file.truncated) throw new DomainError('PAYLOAD_TOO_LARGE', `${part.filename}：文件超过 5 MB，不像是一份年度报告；均未保存`);
      files.push({ filename: part.filename, data, detectedMime: data.length ? await sniffMime(data) : undefined });
    }
    const created = await uploadReports(deps, readReportFile, actor, { unitId, files });
    return reply.status(201).send({ items: created.map((i) => ({ ...summary(i), cellsRead: i.read.cellsRead, cellsTotal: i.read.cellsTotal, warningCount: i.read.warnings.length })) });
  });

  app.get('/report-imports/:id', { schema: { tags: TAG, summary: '一条导入记录：读取结果、出处、人工更正、勾稽校验和原文', params: idParams } }, async (req) =>
    loadDetail(requireAuth(req).actor, req.params.id));

  app.get('/report-imports/:id/original', { schema: { tags: TAG, summary: '下载上传的原始文件', params: idParams } }, async (req, reply) => {
    const { imp } = await getImport(deps, requireAuth(req).actor, req.params.id);
    const bytes = await deps.blobs.get(imp.sourceSha256);
    if (!bytes) throw notFound('原始文件');
    // Always a download, never rendered: uploaded HTML must not run on our origin.
    return reply.type('application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(imp.filename)}`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(bytes);
  });

  app.patch('/report-imports/:id', {
    schema: { tags: TAG, summary: '选择导入年报存入的单位和年度（年度或格式改变时按原始文件重新读取）', params: idParams, body: z.record(z.string(), z.unknown()) },
  }, async (req) => {
    const actor = requireAuth(req).actor;
    await chooseImportTarget(deps, readReportFile, actor, req.params.id, req.body);
    return loadDetail(actor, req.params.id);
  });

  app.patch('/report-imports/:id/cells', {
    schema: { tags: TAG, summary: '人工更正单元格（记录更正前的值、更正人和时间，重新进行勾稽校验）', params: idParams, body: z.record(z.string(), z.unknown()) },
  }, async (req) => {
    const actor = requireAuth(req).actor;
    await correctImportCells(deps, actor, req.params.id, req.body);
    return loadDetail(actor, req.params.id);
  });

  app.post('/report-imports/:id/accept', {
    schema: { tags: TAG, summary: '存入所选单位的年报历史（来源：历史导入；该单位该年度已有年报时拒绝）', params: idParams, body: z.record(z.string(), z.unknown()) },
  }, async (req, reply) => {
    const actor = requireAuth(req).actor;
    const { report } = await acceptImport(deps, actor, req.params.id, req.body);
    return reply.status(201).send({ ...(await loadDetail(actor, req.params.id)), report: { id: report.id, unitId: report.unitId, year: report.year, template: report.template, status: report.status, origin: report.origin } });
  });

  app.post('/report-imports/:id/discard', { schema: { tags: TAG, summary: '放弃导入（保留原始文件和记录，可恢复）', params: idParams, body: z.record(z.string(), z.unknown()) } }, async (req) => {
    const actor = requireAuth(req).actor;
    await discardImport(deps, actor, req.params.id, req.body);
    return loadDetail(actor, req.params.id);
  });

  app.post('/report-imports/:id/restore', { schema: { tags: TAG, summary: '恢复核对已放弃的导入', params: idParams, body: z.record(z.string(), z.unknown()) } }, async (req) => {
    const actor = requireAuth(req).actor;
    await restoreImport(deps, actor, req.params.id, req.body);
    return loadDetail(actor, req.params.id);
  });

  app.post('/report-imports/read', {
    schema: { tags: TAG, summary: '只读取已发布的历史年度报告（HTML 或文本，可多个文件），不保存：返回交换格式文档、读取警告、判断依据、勾稽校验和原文', consumes: ['multipart/form-data'] },
  }, async (req) => {
    requireAuth(req);
    if (!req.isMultipart()) throw new DomainError('VALIDATION', '请以 multipart/form-data 上传年度报告文件', { fields: [{ path: 'file', message: '请选择文件' }] });
    const items = [];
    for await (const part of req.files({ limits: { fileSize: MAX_IMPORT_BYTES, files: MAX_FILES } })) {
      const data = await part.toBuffer();
      if (part.file.truncated) throw new DomainError('PAYLOAD_TOO_LARGE', `${part.filename}：文件超过 5 MB，不像是一份年度报告`);
      if (data.length === 0) throw new DomainError('VALIDATION', `${part.filename}：文件是空的`);
      const r = importReportBytes(data, part.filename);
      items.push({
        file: part.filename, encoding: r.encoding, script: r.script, template: r.template, year: r.year, unit: r.unit, error: r.error,
        warnings: r.warnings, evidence: r.evidence, cellsRead: r.cellsRead, cellsTotal: r.cellsTotal,
        validation: r.validation
          ? { ok: r.validation.ok, errors: r.validation.errors.map((c) => c.message), warnings: r.validation.warnings.map((c) => c.message), skipped: r.validation.skipped.length }
          : null,
        doc: r.doc,
        sourceText: r.text,
      });
    }
    if (!items.length) throw new DomainError('VALIDATION', '请选择要读取的年度报告文件', { fields: [{ path: 'file', message: '请选择文件' }] });
    return { items };
  });

  app.post('/report-imports/accept', {
    schema: { tags: TAG, summary: '把在别处读取并核对过的年报文档（交换格式）存入单位的年报历史（来源：历史导入）', body: acceptBody },
  }, async (req, reply) => {
    const report = await acceptImportedReport(deps, requireAuth(req).actor, req.body);
    return reply.status(201).send({ id: report.id, unitId: report.unitId, year: report.year, template: report.template, status: report.status, origin: report.origin, manualCells: report.manualCells });
  });
};
