/** 主动公开 catalogue (目录) columns, review-stage settings and the code lists, under /api/v1. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyColumnToLevel, createColumn, deleteColumn, listColumns, reorderColumns, updateColumn } from '../../domain/publications/catalogue.js';
import { deleteCode, getSettings, listCodes, listCodeUsage, putSettings, saveCode } from '../../domain/publications/settings-and-codes.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const idParams = z.object({ id: z.string().min(1).max(64) });
const tags = ['主动公开目录'];
const body = z.unknown();

export const catalogueRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/units/:id/columns', { schema: { tags, summary: '单位的栏目树（平铺，按上级和顺序）', params: idParams } }, async (req) =>
    ({ items: await listColumns(deps, requireAuth(req).actor, req.params.id) }));
  app.post('/units/:id/columns', { schema: { tags, summary: '新建栏目', params: idParams, body } }, async (req, reply) =>
    reply.status(201).send(await createColumn(deps, requireAuth(req).actor, req.params.id, req.body)));
  app.post('/units/:id/columns/reorder', { schema: { tags, summary: '调整同级栏目顺序', params: idParams, body } }, async (req) =>
    ({ items: await reorderColumns(deps, requireAuth(req).actor, req.params.id, req.body) }));
  app.put('/columns/:id', { schema: { tags, summary: '修改栏目（名称、代码、发布时限、更新周期）', params: idParams, body } }, async (req) =>
    updateColumn(deps, requireAuth(req).actor, req.params.id, req.body));
  app.delete('/columns/:id', { schema: { tags, summary: '删除空栏目', params: idParams } }, async (req, reply) => {
    await deleteColumn(deps, requireAuth(req).actor, req.params.id);
    return reply.status(204).send();
  });
  app.post('/columns/:id/apply-to-level', { schema: { tags, summary: '把栏目应用到同一层级的所有单位（共享栏目）', params: idParams, body } }, async (req) =>
    applyColumnToLevel(deps, requireAuth(req).actor, req.params.id, req.body));

  app.get('/units/:id/publication-settings', { schema: { tags, summary: '审核环节、双人审核、索引号格式', params: idParams } }, async (req) =>
    getSettings(deps, requireAuth(req).actor, req.params.id));
  app.put('/units/:id/publication-settings', { schema: { tags, summary: '配置审核环节、双人审核、索引号格式', params: idParams, body } }, async (req) =>
    putSettings(deps, requireAuth(req).actor, req.params.id, req.body));

  app.get('/publication-codes', {
    schema: { tags, summary: '主题分类、体裁分类', querystring: z.object({ list: z.enum(['subject', 'genre'], { error: '分类表只能是 subject 或 genre' }).optional() }) },
  }, async (req) => {
    requireAuth(req);
    return { items: await listCodes(deps, req.query.list) };
  });
  app.get('/publication-codes/usage', { schema: { tags, summary: '各分类被多少条信息使用（在用的分类不能删除或改名）' } }, async (req) => {
    requireAuth(req);
    return { items: await listCodeUsage(deps) };
  });
  app.post('/publication-codes', { schema: { tags, summary: '新增分类', body } }, async (req, reply) =>
    reply.status(201).send(await saveCode(deps, requireAuth(req).actor, null, req.body)));
  app.put('/publication-codes/:id', { schema: { tags, summary: '修改或停用分类', params: idParams, body } }, async (req) =>
    saveCode(deps, requireAuth(req).actor, req.params.id, req.body));
  app.delete('/publication-codes/:id', { schema: { tags, summary: '删除分类（已被信息使用的分类不能删除，请停用）', params: idParams } }, async (req, reply) => {
    await deleteCode(deps, requireAuth(req).actor, req.params.id);
    return reply.status(204).send();
  });
};
