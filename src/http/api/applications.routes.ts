import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deliveryCheck, registerFields, registerInput } from '../../domain/requests/application.js';
import { getApplicationDetail, listQueue, publicProgress, viewPersonalData } from '../../domain/requests/application-queries.js';
import { registerApplication } from '../../domain/requests/register-application.js';
import { ACTIONS, type Action } from '../../domain/requests/status.js';
import { transitionApplication } from '../../domain/requests/transition-application.js';
import { addNote, assignHandler, listHandlers } from '../../domain/requests/application-notes.js';
import { applicantNoticeFile, submitCorrectionOnline } from '../../domain/requests/applicant-self-service.js';
import { attachEvidence, listEvidence, readEvidence } from '../../domain/requests/application-evidence.js';
import { DomainError } from '../../domain/errors.js';
import { sniffMime } from '../../infra/sniff.js';
import { applicationStats } from '../../domain/requests/application-stats.js';
import { presentListItem } from '../../domain/requests/application-queries.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const idParams = z.object({ id: z.string().min(1).max(64) });
const ONLINE_ACTOR = { accountId: null, name: '在线申请', unitId: null, roles: [] as never[] };

export const applicationRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps, config } = ctx;
  const publicWrite = { rateLimit: { max: config.rateLimit.publicWritePerMinute, timeWindow: 60_000 } };

  app.get('/applications', {
    schema: {
      tags: ['依申请公开'], summary: '办理队列（按答复期限排序，申请人信息已脱敏）',
      querystring: z.object({
        unitId: z.string().optional(), status: z.string().optional(), mine: z.enum(['true', 'false']).optional(), all: z.enum(['true', 'false']).optional(),
        afterDue: z.string().optional(), afterId: z.string().optional(), limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
  }, async (req) => {
    const q = req.query;
    return listQueue(deps, requireAuth(req).actor, {
      unitId: q.unitId, status: q.status ? q.status.split(',') : undefined, mine: q.mine === 'true', openOnly: q.all !== 'true', limit: q.limit,
      after: q.afterId ? { replyDue: q.afterDue || null, id: q.afterId } : undefined,
    });
  });

  app.post('/applications', { schema: { tags: ['依申请公开'], summary: '登记申请（当面、信函、传真、电子邮件）', body: registerInput } }, async (req, reply) => {
    const r = await registerApplication(deps, requireAuth(req).actor, req.body);
    return reply.status(201).send({ application: presentListItem(r.application, 'normal'), queryCode: r.queryCode, possibleDuplicates: r.possibleDuplicates });
  });

  app.get('/applications/stats', {
    schema: { tags: ['依申请公开'], summary: '统计：本年收到（按渠道、申请人类型）、在办、逾期、按时答复率、平均答复工作日', querystring: z.object({ unitId: z.string().optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  }, async (req) => applicationStats(deps, requireAuth(req).actor, { unitId: req.query.unitId, year: req.query.year ?? Number(new Date().toISOString().slice(0, 4)) }));

  app.get('/applications/handlers', {
    schema: { tags: ['依申请公开'], summary: '某单位的依申请经办人（用于指定经办人）', querystring: z.object({ unitId: z.string().min(1, '请选择单位') }) },
  }, async (req) => ({ items: await listHandlers(deps, requireAuth(req).actor, req.query.unitId) }));

  app.post('/applications/:id/evidence', {
    schema: { tags: ['依申请公开'], summary: '上传身份证明等材料（PDF/JPG/PNG，加密存储）', params: idParams, consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireAuth(req).actor;
    const file = req.isMultipart() ? await req.file() : undefined;
    if (!file) throw new DomainError('VALIDATION', '请选择要上传的文件', { fields: [{ path: 'file', message: '请选择文件' }] });
    const data = await file.toBuffer();
    const a = await attachEvidence(deps, actor, req.params.id, { filename: file.filename, data, detectedMime: await sniffMime(data) });
    return reply.status(201).send({ id: a.id, filename: a.filename, mime: a.mime, createdAt: a.createdAt });
  });

  app.get('/applications/:id/evidence', { schema: { tags: ['依申请公开'], summary: '申请材料列表', params: idParams } }, async (req) => ({
    items: (await listEvidence(deps, requireAuth(req).actor, req.params.id)).map((a) => ({ id: a.id, filename: a.filename, mime: a.mime, createdAt: a.createdAt })),
  }));

  app.get('/applications/:id/evidence/:attachmentId', { schema: { tags: ['依申请公开'], summary: '查看申请材料（记入审计日志）', params: z.object({ id: z.string(), attachmentId: z.string() }) } }, async (req, reply) => {
    const { attachment, data } = await readEvidence(deps, requireAuth(req).actor, req.params.id, req.params.attachmentId);
    return reply.type(attachment.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`).header('cache-control', 'no-store').send(data);
  });

  app.post('/applications/:id/notes', { schema: { tags: ['依申请公开'], summary: '添加内部备注（申请人不可见）', params: idParams, body: z.object({ text: z.string() }) } }, async (req, reply) =>
    reply.status(201).send(await addNote(deps, requireAuth(req).actor, req.params.id, req.body)));

  app.post('/applications/:id/assign', { schema: { tags: ['依申请公开'], summary: '指定经办人', params: idParams, body: z.object({ handlerId: z.string() }) } }, async (req) =>
    assignHandler(deps, requireAuth(req).actor, req.params.id, req.body));

  app.get('/applications/:id', { schema: { tags: ['依申请公开'], summary: '申请详情、办理记录和期限说明', params: idParams } }, async (req) =>
    getApplicationDetail(deps, requireAuth(req).actor, req.params.id));

  app.get('/applications/:id/personal-data', { schema: { tags: ['依申请公开'], summary: '查看申请人完整信息（仅本单位经办人，记入审计日志）', params: idParams } }, async (req) =>
    viewPersonalData(deps, requireAuth(req).actor, req.params.id));

  app.post('/applications/:id/actions/:action', {
    schema: {
      tags: ['依申请公开'], summary: `办理操作：${Object.entries(ACTIONS).map(([k, v]) => `${k}（${v}）`).join('、')}`,
      params: z.object({ id: z.string().min(1).max(64), action: z.enum(Object.keys(ACTIONS) as [Action], { error: '未知的办理操作' }) }),
      body: z.record(z.string(), z.unknown()).optional(),
    },
  }, async (req) => {
    const r = await transitionApplication(deps, requireAuth(req).actor, req.params.id, req.params.action, req.body ?? {});
    return { application: presentListItem(r.application, 'normal'), event: r.event, ...(r.created ? { created: presentListItem(r.created, 'normal') } : {}) };
  });

  // Public: the online form (Art. 29) and the progress lookup. Both are rate-limited per client address.
  app.post('/public/applications', {
    config: publicWrite,
    schema: { tags: ['公开'], summary: '公开：在线提交政府信息公开申请（无需说明用途）', body: registerFields.omit({ receivedOn: true, receiptEvidence: true, channel: true }).superRefine(deliveryCheck) },
  }, async (req, reply) => {
    const r = await registerApplication(deps, { ...ONLINE_ACTOR, ip: req.ip }, { ...req.body, channel: 'online' }, { online: true });
    return reply.status(201).send({ receiptNo: r.application.receiptNo, queryCode: r.queryCode, status: r.application.status });
  });

  app.post('/public/applications/correction', {
    config: publicWrite,
    schema: { tags: ['公开'], summary: '公开：申请人在线提交补正内容（《条例》第三十条，答复期限自收到之日重新计算）', body: z.object({ receiptNo: z.string().min(1).max(40), queryCode: z.string().min(1).max(20), text: z.string() }) },
  }, async (req) => {
    const r = await submitCorrectionOnline(deps, req.body.receiptNo, req.body.queryCode, { text: req.body.text }, req.ip);
    return { status: r.application.status, replyDue: r.application.replyDue };
  });

  app.post('/public/applications/notice', {
    config: publicWrite,
    schema: { tags: ['公开'], summary: '公开：申请人下载告知书（PDF）', body: z.object({ receiptNo: z.string().min(1).max(40), queryCode: z.string().min(1).max(20), attachmentId: z.string().min(1).max(64) }) },
  }, async (req, reply) => {
    const { attachment, data } = await applicantNoticeFile(deps, req.body.receiptNo, req.body.queryCode, req.body.attachmentId);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`).header('cache-control', 'no-store').send(data);
  });

  app.post('/public/applications/progress', {
    config: publicWrite,
    schema: { tags: ['公开'], summary: '公开：凭受理编号和查询码查询办理进度', body: z.object({ receiptNo: z.string().min(1, '请填写受理编号').max(40), queryCode: z.string().min(1, '请填写查询码').max(20) }) },
  }, async (req) => publicProgress(deps, req.body.receiptNo, req.body.queryCode));
};
