import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkDraft, draftInput, personalDataSettings, putPersonalDataSetting } from '../../domain/publications/checks/check-draft.js';
import { entriesToCsv, importEntries } from '../../domain/publications/checks/dictionary-csv.js';
import { createEntry, deleteEntry, entryInput, listEntries, updateEntry } from '../../domain/publications/checks/manage-dictionary.js';
import { SEVERITY_LABELS, WORDING_KIND_LABELS } from '../../domain/publications/checks/wording.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';
import { readImportUpload } from './import-upload.js';

const idParams = z.object({ id: z.string().min(1).max(64) });
const listQuery = z.object({
  unitId: z.string({ error: '请选择单位' }).min(1, '请选择单位'),
  scope: z.enum(['all', 'unit', 'platform']).default('all'),
  kind: z.enum(Object.keys(WORDING_KIND_LABELS) as [string, ...string[]]).optional(),
  q: z.string().trim().max(100).optional(),
});

/** The wording dictionary, personal-data rule settings and "check this draft" (issue 4, item 4). */
export const publicationCheckRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/publication-checks/wording', { schema: { tags: ['发布前检查'], summary: '用语词库：适用于某单位的词条（本单位、上级单位和全平台）', querystring: listQuery } }, async (req) => ({
    ...(await listEntries(deps, requireAuth(req).actor, req.query)),
    kinds: WORDING_KIND_LABELS,
    severities: SEVERITY_LABELS,
  }));

  app.post('/publication-checks/wording', { schema: { tags: ['发布前检查'], summary: '新增词条（unitId 为空表示全平台词条，仅系统管理员）', body: entryInput } }, async (req, reply) =>
    reply.status(201).send(await createEntry(deps, requireAuth(req).actor, req.body)));

  app.put('/publication-checks/wording/:id', { schema: { tags: ['发布前检查'], summary: '修改词条', params: idParams, body: entryInput.omit({ unitId: true }) } }, async (req) =>
    updateEntry(deps, requireAuth(req).actor, req.params.id, req.body));

  app.delete('/publication-checks/wording/:id', { schema: { tags: ['发布前检查'], summary: '删除词条', params: idParams } }, async (req, reply) => {
    await deleteEntry(deps, requireAuth(req).actor, req.params.id);
    return reply.status(204).send();
  });

  app.get('/publication-checks/wording/export.csv', { schema: { tags: ['发布前检查'], summary: '导出词库（CSV）', querystring: listQuery } }, async (req, reply) => {
    const { entries } = await listEntries(deps, requireAuth(req).actor, req.query);
    const name = req.query.scope === 'platform' ? '用语词库-全平台.csv' : '用语词库.csv';
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(entriesToCsv(entries));
  });

  app.post('/publication-checks/wording/import', {
    schema: { tags: ['发布前检查'], summary: '导入词库（multipart：file 为 CSV/XLSX，unitId 为空表示全平台）；同一词语更新、新词语新增，有错误时不作任何修改', consumes: ['multipart/form-data'] },
  }, async (req) => {
    const actor = requireAuth(req).actor;
    const { sheet, fields } = await readImportUpload(req);
    return importEntries(deps, actor, fields.unitId ? fields.unitId : null, sheet);
  });

  app.get('/publication-checks/personal-data', { schema: { tags: ['发布前检查'], summary: '个人信息检查规则（对某单位生效的处理方式）', querystring: z.object({ unitId: z.string().min(1) }) } }, async (req) =>
    personalDataSettings(deps, requireAuth(req).actor, req.query.unitId));

  app.put('/publication-checks/personal-data', {
    schema: {
      tags: ['发布前检查'], summary: '设置个人信息检查规则（unitId 为空表示全平台）',
      body: z.object({ unitId: z.string().min(1).nullable().default(null), rule: z.string(), severity: z.string(), active: z.boolean() }),
    },
  }, async (req) => putPersonalDataSetting(deps, requireAuth(req).actor, req.body));

  app.post('/publication-checks/check', {
    schema: { tags: ['发布前检查'], summary: '检查稿件：用语、个人信息、站内链接（itemId 给出时同时检查该信息已上传附件的文字）', body: draftInput },
  }, async (req) => checkDraft(deps, requireAuth(req).actor, req.body));
};
