/** 主动公开 items under /api/v1/publications: drafting, attachments, the review workflow, withdrawal and correction. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isCivilDate } from '../../domain/calendar/civil-date.js';
import { DomainError } from '../../domain/errors.js';
import type { Attachment } from '../../domain/ports.js';
import { deleteItemAttachment, readItemAttachment, uploadItemAttachment } from '../../domain/publications/item-attachments.js';
import { itemContentInput } from '../../domain/publications/item-input.js';
import { createItem, deleteItem, updateItem } from '../../domain/publications/manage-items.js';
import { decidePending, requestCorrection, requestWithdrawal } from '../../domain/publications/post-publication.js';
import { getItemDetail, listItems, previewChecks } from '../../domain/publications/queries.js';
import { approveItem, returnItem, submitItem, unscheduleItem } from '../../domain/publications/review.js';
import { sniffMime } from '../../infra/sniff.js';
import { extractAttachmentText } from '../../infra/text-extract.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const idParams = z.object({ id: z.string().min(1).max(64) });
const attParams = z.object({ id: z.string().min(1).max(64), attachmentId: z.string().min(1).max(64) });
const STATUSES = ['draft', 'inReview', 'scheduled', 'published', 'withdrawn'] as const;
const flag = z.enum(['true', 'false']).optional();
const tags = ['主动公开'];
const day = (label: string) => z.string().refine(isCivilDate, `${label}应为有效日期（YYYY-MM-DD）`);

export const presentAttachment = (itemId: string, a: Attachment) => ({
  id: a.id, filename: a.filename, mime: a.mime, size: a.size, sha256: a.sha256, createdAt: a.createdAt,
  url: `/api/v1/publications/items/${itemId}/attachments/${a.id}`,
});

export const publicationRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/publications/items', {
    schema: {
      tags, summary: '信息列表（按状态、栏目、年份或日期范围筛选；inbox=true 为我的待审，pending=true 为待批准的撤稿/更正）',
      querystring: z.object({
        unitId: z.string().optional(), status: z.enum(STATUSES, { error: '状态取值有误' }).optional(), columnId: z.string().optional(),
        inbox: flag, pending: flag, mine: flag, q: z.string().max(100).optional(),
        year: z.coerce.number({ error: '年份应为四位数字，如 2024' }).int('年份应为四位数字，如 2024')
          .min(1949, '年份应在1949年至2100年之间').max(2100, '年份应在1949年至2100年之间').optional(),
        from: day('开始日期').optional(), to: day('结束日期').optional(),
        dateBy: z.enum(['createdOn', 'publishedOn'], { error: '日期类型只能是生成日期（createdOn）或发布日期（publishedOn）' }).optional(),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0), limit: z.coerce.number().int().min(1).max(200).default(20),
      }),
    },
  }, async (req) => {
    const q = req.query;
    return listItems(deps, requireAuth(req).actor, {
      unitId: q.unitId, status: q.status, columnId: q.columnId, inbox: q.inbox === 'true', pending: q.pending === 'true', mine: q.mine === 'true',
      q: q.q?.trim() || undefined, year: q.year, from: q.from, to: q.to, dateBy: q.dateBy, offset: q.offset, limit: q.limit,
    });
  });

  app.post('/publications/items', {
    schema: { tags, summary: '新建信息（草稿，正文保存时净化）', body: itemContentInput.extend({ unitId: z.string({ error: '请选择单位' }).min(1, '请选择单位') }) },
  }, async (req, reply) => {
    return reply.status(201).send(await createItem(deps, requireAuth(req).actor, req.body.unitId, req.body as never));
  });

  app.get('/publications/items/:id', { schema: { tags, summary: '信息详情（附件、关联、审核记录、可办操作）', params: idParams } }, async (req) => {
    const d = await getItemDetail(deps, requireAuth(req).actor, req.params.id);
    return { ...d, attachments: d.attachments.map((a) => presentAttachment(d.item.id, a)) };
  });

  app.put('/publications/items/:id', { schema: { tags, summary: '修改草稿', params: idParams, body: itemContentInput } }, async (req) =>
    updateItem(deps, requireAuth(req).actor, req.params.id, req.body as never));

  app.delete('/publications/items/:id', { schema: { tags, summary: '删除未发布过的草稿', params: idParams } }, async (req, reply) => {
    await deleteItem(deps, requireAuth(req).actor, req.params.id);
    return reply.status(204).send();
  });

  app.get('/publications/items/:id/checks', { schema: { tags, summary: '发布前检查（错敏词、个人信息、元数据、内部链接），不改变状态', params: idParams } }, async (req) =>
    ({ findings: await previewChecks(deps, requireAuth(req).actor, req.params.id) }));

  app.post('/publications/items/:id/attachments', {
    schema: { tags, summary: '上传附件（PDF、DOC/DOCX、XLS/XLSX、OFD、图片；按内容校验类型）', params: idParams, consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireAuth(req).actor;
    const file = req.isMultipart() ? await req.file() : undefined;
    if (!file) throw new DomainError('VALIDATION', '请选择要上传的文件', { fields: [{ path: 'file', message: '请选择文件' }] });
    const data = await file.toBuffer();
    const detectedMime = await sniffMime(data);
    // Text for search and the personal-data check; '' for images and anything unreadable (never throws).
    const text = detectedMime ? await extractAttachmentText(data, detectedMime, file.filename) : '';
    const a = await uploadItemAttachment(deps, actor, req.params.id, { filename: file.filename, data, detectedMime, text });
    return reply.status(201).send(presentAttachment(req.params.id, a));
  });

  app.get('/publications/items/:id/attachments/:attachmentId', { schema: { tags, summary: '下载附件（始终作为下载，不在浏览器中打开）', params: attParams } }, async (req, reply) => {
    const { attachment: a, data } = await readItemAttachment(deps, requireAuth(req).actor, req.params.id, req.params.attachmentId);
    return reply.type(a.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('content-security-policy', "default-src 'none'; sandbox").header('cache-control', 'private, no-store').send(data);
  });

  app.delete('/publications/items/:id/attachments/:attachmentId', { schema: { tags, summary: '删除附件（仅草稿）', params: attParams } }, async (req, reply) => {
    await deleteItemAttachment(deps, requireAuth(req).actor, req.params.id, req.params.attachmentId);
    return reply.status(204).send();
  });

  app.post('/publications/items/:id/submit', { schema: { tags, summary: '提交审核（先做发布前检查）', params: idParams } }, async (req) =>
    submitItem(deps, requireAuth(req).actor, req.params.id));

  app.post('/publications/items/:id/approve', {
    schema: {
      tags, summary: '本环节审核通过（初审须确认保密审查；终审可指定定时发布时间）', params: idParams,
      body: z.object({ comment: z.string().max(2000).optional(), confidentialityConfirmed: z.boolean().optional(), publishAt: z.string().optional(), stage: z.number().int().optional() }).optional(),
    },
  }, async (req) => approveItem(deps, requireAuth(req).actor, req.params.id, req.body ?? {}));

  app.post('/publications/items/:id/return', {
    schema: { tags, summary: '退回修改（须填写意见）', params: idParams, body: z.object({ comment: z.string().optional(), stage: z.number().int().optional() }).optional() },
  }, async (req) => returnItem(deps, requireAuth(req).actor, req.params.id, req.body ?? {}));

  app.post('/publications/items/:id/unschedule', {
    schema: { tags, summary: '取消定时发布（回到草稿）', params: idParams, body: z.object({ comment: z.string().optional() }).optional() },
  }, async (req) => unscheduleItem(deps, requireAuth(req).actor, req.params.id, req.body ?? {}));

  app.post('/publications/items/:id/withdrawal', {
    schema: { tags, summary: '申请撤稿（须填写理由，由终审环节批准）', params: idParams, body: z.object({ reason: z.string().optional() }).optional() },
  }, async (req) => requestWithdrawal(deps, requireAuth(req).actor, req.params.id, req.body ?? {}));

  app.post('/publications/items/:id/correction', {
    schema: { tags, summary: '申请更正（须填写更正说明和更正内容，由终审环节批准）', params: idParams, body: z.object({ reason: z.string().optional(), changes: z.record(z.string(), z.unknown()).optional() }).optional() },
  }, async (req) => requestCorrection(deps, requireAuth(req).actor, req.params.id, req.body ?? {}));

  const decision = z.object({ comment: z.string().optional() }).optional();
  for (const [path, kind, approve, summary] of [
    ['withdrawal/approve', 'withdraw', true, '批准撤稿（原网址显示撤稿说明）'], ['withdrawal/reject', 'withdraw', false, '驳回撤稿申请'],
    ['correction/approve', 'correct', true, '批准更正（信息显示更正时间和说明）'], ['correction/reject', 'correct', false, '驳回更正申请'],
  ] as const) {
    app.post(`/publications/items/:id/${path}`, { schema: { tags, summary, params: idParams, body: decision } }, async (req) =>
      decidePending(deps, requireAuth(req).actor, req.params.id, kind, approve, req.body ?? {}));
  }
};
