import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteAttachment, listGuideAttachments, readPublicAttachment, uploadAttachment } from '../../domain/attachments/attachments.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { getUnitFor } from '../../domain/units/unit-queries.js';
import { sniffMime } from '../../infra/sniff.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const idParams = z.object({ id: z.string().min(1).max(64) });

const present = (a: { id: string; filename: string; mime: string; size: number; createdAt: string; sha256: string }) => ({
  id: a.id, filename: a.filename, mime: a.mime, size: a.size, createdAt: a.createdAt, sha256: a.sha256, url: `/api/v1/public/attachments/${a.id}`,
});

export const attachmentRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.post('/units/:id/attachments', {
    schema: { tags: ['公开指南'], summary: '上传公开指南附件（如申请表），按内容校验文件类型', params: idParams, consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = requireAuth(req).actor;
    const file = req.isMultipart() ? await req.file() : undefined;
    if (!file) throw new DomainError('VALIDATION', '请选择要上传的文件', { fields: [{ path: 'file', message: '请选择文件' }] });
    const data = await file.toBuffer();
    const a = await uploadAttachment(deps, actor, { unitId: req.params.id, ownerType: 'guide', filename: file.filename, data, detectedMime: await sniffMime(data) });
    return reply.status(201).send(present(a));
  });

  app.get('/units/:id/attachments', { schema: { tags: ['公开指南'], summary: '公开指南附件列表', params: idParams } }, async (req) => {
    await getUnitFor(deps, requireAuth(req).actor, req.params.id);
    return { items: (await listGuideAttachments(deps, req.params.id)).map(present) };
  });

  app.delete('/attachments/:id', { schema: { tags: ['公开指南'], summary: '删除附件', params: idParams } }, async (req, reply) => {
    await deleteAttachment(deps, requireAuth(req).actor, req.params.id);
    return reply.status(204).send();
  });

  app.get('/public/attachments/:id', { schema: { tags: ['公开'], summary: '公开：下载公开指南附件', params: idParams } }, async (req, reply) => {
    const found = await readPublicAttachment(deps, req.params.id);
    if (!found) throw notFound('附件');
    const { attachment: a, data } = found;
    // Always a download, never rendered by the browser: no HTML or script from an upload can run on our origin.
    return reply
      .type(a.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'public, max-age=86400, immutable')
      .header('etag', `"${a.sha256}"`)
      .send(data);
  });
};
