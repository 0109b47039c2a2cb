/**
 * Notices (告知书) of an application: generate (DOCX + PDF stored with the application), list, download, and
 * the print view; plus each unit's notice settings and template wording. Staff only; the notices carry the
 * applicant's name and address, so generating, previewing and downloading require request.handle.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Attachment } from '../../domain/ports.js';
import { generateNotice, listNotices, noticeKind, previewNotice, readNotice } from '../../domain/requests/notices/generate-notice.js';
import { getNoticeSettings, saveNoticeSettings } from '../../domain/requests/notices/unit-notice-settings.js';
import { documentRenderers, renderPrintHtml } from '../../infra/documents/index.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const idParams = z.object({ id: z.string().min(1).max(64) });
const TAGS = ['依申请公开'];

/** The print view's own policy: inline styles and nothing else; no script, no fetches, no framing by others. */
export const PRINT_VIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

const present = (applicationId: string) => (a: Attachment) => ({
  id: a.id, filename: a.filename, mime: a.mime, size: a.size, sha256: a.sha256, createdAt: a.createdAt, createdBy: a.createdBy,
  url: `/api/v1/applications/${applicationId}/notices/${a.id}`,
});

export const noticeRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.post('/applications/:id/notices', {
    schema: {
      tags: TAGS, summary: '生成告知书（登记回执、补正、延期、征求第三方意见、收费、答复），同时保存 DOCX 和 PDF',
      params: idParams, body: z.object({ kind: noticeKind }),
    },
  }, async (req, reply) => {
    const r = await generateNotice(deps, requireAuth(req).actor, req.params.id, req.body.kind, documentRenderers);
    return reply.status(201).send({ notice: r.notice, items: r.attachments.map(present(req.params.id)) });
  });

  app.get('/applications/:id/notices', { schema: { tags: TAGS, summary: '已生成的告知书', params: idParams } }, async (req) => ({
    items: (await listNotices(deps, requireAuth(req).actor, req.params.id)).map(present(req.params.id)),
  }));

  app.get('/applications/:id/notices/preview', {
    schema: { tags: TAGS, summary: '告知书打印预览（HTML，不保存）', params: idParams, querystring: z.object({ kind: noticeKind }) },
  }, async (req, reply) => {
    const doc = await previewNotice(deps, requireAuth(req).actor, req.params.id, req.query.kind);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', PRINT_VIEW_CSP)
      .header('x-frame-options', 'SAMEORIGIN')
      .header('cache-control', 'no-store')
      .send(renderPrintHtml(doc));
  });

  app.get('/applications/:id/notices/:attachmentId', {
    schema: { tags: TAGS, summary: '下载告知书（仅本单位经办人，记入审计日志）', params: z.object({ id: z.string().min(1).max(64), attachmentId: z.string().min(1).max(64) }) },
  }, async (req, reply) => {
    const { attachment: a, data } = await readNotice(deps, requireAuth(req).actor, req.params.id, req.params.attachmentId);
    return reply
      .type(a.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(data);
  });

  app.get('/units/:id/notice-settings', { schema: { tags: ['单位'], summary: '告知书设置：机关代字、复议机关、法院、模板文字（含可用占位符）', params: idParams } }, async (req) =>
    getNoticeSettings(deps, requireAuth(req).actor, req.params.id));

  app.put('/units/:id/notice-settings', {
    schema: { tags: ['单位'], summary: '保存本单位的告知书设置（整体替换，保留历史版本）', params: idParams, body: z.record(z.string(), z.unknown()) },
  }, async (req) => ({ settings: await saveNoticeSettings(deps, requireAuth(req).actor, req.params.id, req.body) }));
};
