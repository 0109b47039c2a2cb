import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OFFLINE_CHANNELS } from '../../domain/publications/offline/model.js';
import { createOffline, deleteOffline, listOffline, offlineInput, offlineListQuery, offlineYearCounts, updateOffline } from '../../domain/publications/offline/manage-offline.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const idParams = z.object({ id: z.string().min(1).max(64) });

/** Information published through other channels (Art. 23–25; issue 4, item 10). */
export const offlinePublicationRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/offline-publications', { schema: { tags: ['其他渠道公开'], summary: '登记记录（按单位、渠道、年份）', querystring: offlineListQuery } }, async (req) => ({
    ...(await listOffline(deps, requireAuth(req).actor, req.query)),
    channels: OFFLINE_CHANNELS,
  }));

  app.get('/offline-publications/counts', {
    schema: { tags: ['其他渠道公开'], summary: '某单位某年各渠道公开数量', querystring: z.object({ unitId: z.string().min(1, '请选择单位'), year: z.coerce.number({ error: '请填写年份' }).int('年份不正确') }) },
  }, async (req) => offlineYearCounts(deps, requireAuth(req).actor, req.query.unitId, req.query.year));

  app.post('/offline-publications', { schema: { tags: ['其他渠道公开'], summary: '登记一条其他渠道公开的信息', body: offlineInput } }, async (req, reply) =>
    reply.status(201).send(await createOffline(deps, requireAuth(req).actor, req.body)));

  app.put('/offline-publications/:id', { schema: { tags: ['其他渠道公开'], summary: '修改登记记录', params: idParams, body: offlineInput.omit({ unitId: true }) } }, async (req) =>
    updateOffline(deps, requireAuth(req).actor, req.params.id, req.body));

  app.delete('/offline-publications/:id', { schema: { tags: ['其他渠道公开'], summary: '删除登记记录', params: idParams } }, async (req, reply) => {
    await deleteOffline(deps, requireAuth(req).actor, req.params.id);
    return reply.status(204).send();
  });
};
