import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { updateGuide } from '../../domain/guide/guide.js';
import { createUnit } from '../../domain/units/create-unit.js';
import { deactivateUnit, deleteUnit, reactivateUnit } from '../../domain/units/deactivate-unit.js';
import { IMPORT_TEMPLATE_HEADERS, importUnits, mapHeaders, type ImportRow } from '../../domain/units/import-units.js';
import { moveUnit } from '../../domain/units/move-unit.js';
import { updateUnit } from '../../domain/units/update-unit.js';
import { createUnitInput, updateUnitInput } from '../../domain/units/unit-input.js';
import { getGuideFor, getUnitFor, listPublicUnits, listUnitsFor } from '../../domain/units/unit-queries.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';
import { publicUnit } from '../presenters.js';
import { readImportUpload, rowsByColumnMap } from './import-upload.js';

const idParams = z.object({ id: z.string().min(1).max(64) });

export const unitRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/units', { schema: { tags: ['单位'], summary: '本人可查看的单位（含可执行操作）' } }, async (req) => ({
    items: await listUnitsFor(deps, requireAuth(req).actor),
  }));

  app.post('/units', { schema: { tags: ['单位'], summary: '新建单位', body: createUnitInput } }, async (req, reply) => {
    const unit = await createUnit(deps, requireAuth(req).actor, req.body);
    return reply.status(201).send(unit);
  });

  app.get('/units/import-template.csv', { schema: { tags: ['单位'], summary: '单位导入模板（CSV）' } }, async (req, reply) => {
    requireAuth(req);
    const example = ['示例县发展和改革局', '县发改局', '', '示例县人民政府', '政府部门', '县级', 'fgj', '10', '县发改局办公室', '示例县人民路1号', '工作日 9:00-12:00，14:00-17:30', '0851-12345678', '0851-12345679', 'fgj@example.gov.cn', '', '550000'];
    const csv = '\uFEFF' + [IMPORT_TEMPLATE_HEADERS, example].map((r) => r.join(',')).join('\r\n') + '\r\n';
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('单位导入模板.csv')}`).send(csv);
  });

  app.post('/units/import', {
    schema: { tags: ['单位'], summary: '从 CSV/XLSX 导入单位树（multipart：file、parentId、dryRun）', consumes: ['multipart/form-data'] },
  }, async (req) => {
    const actor = requireAuth(req).actor;
    const { sheet, fields } = await readImportUpload(req);
    const { map, unknown } = mapHeaders(sheet.headers);
    if (!map.includes('name')) throw new DomainError('VALIDATION', `表头中没有“单位名称”列，请使用导入模板。${unknown.length ? `无法识别的列：${unknown.join('、')}` : ''}`);
    const rows: ImportRow[] = rowsByColumnMap(sheet, map);
    const result = await importUnits(deps, actor, rows, { defaultParentId: fields.parentId || null, dryRun: fields.dryRun === 'true' });
    if (result.problems.length) {
      throw new DomainError('VALIDATION', `导入文件中有 ${result.problems.length} 处错误，未导入任何单位，请修改后重新导入`, { details: { problems: result.problems } });
    }
    return { ...result, ignoredColumns: unknown };
  });

  app.get('/units/:id', { schema: { tags: ['单位'], summary: '单位详情', params: idParams } }, async (req) =>
    getUnitFor(deps, requireAuth(req).actor, req.params.id));

  app.patch('/units/:id', { schema: { tags: ['单位'], summary: '修改单位信息', params: idParams, body: updateUnitInput } }, async (req) =>
    updateUnit(deps, requireAuth(req).actor, req.params.id, req.body));

  app.post('/units/:id/move', {
    schema: { tags: ['单位'], summary: '调整上级单位', params: idParams, body: z.object({ parentId: z.string({ error: '请选择新的上级单位' }).min(1, '请选择新的上级单位') }) },
  }, async (req) => moveUnit(deps, requireAuth(req).actor, req.params.id, req.body.parentId));

  app.post('/units/:id/deactivate', { schema: { tags: ['单位'], summary: '停用单位（同时停用其账号）', params: idParams } }, async (req) =>
    deactivateUnit(deps, requireAuth(req).actor, req.params.id));

  app.post('/units/:id/reactivate', { schema: { tags: ['单位'], summary: '重新启用单位', params: idParams } }, async (req) =>
    reactivateUnit(deps, requireAuth(req).actor, req.params.id));

  app.delete('/units/:id', { schema: { tags: ['单位'], summary: '删除误建的单位（有任何记录时拒绝）', params: idParams } }, async (req, reply) => {
    await deleteUnit(deps, requireAuth(req).actor, req.params.id);
    return reply.status(204).send();
  });

  app.get('/units/:id/guide', { schema: { tags: ['公开指南'], summary: '单位的政府信息公开指南', params: idParams } }, async (req) =>
    getGuideFor(deps, requireAuth(req).actor, req.params.id));

  app.put('/units/:id/guide', {
    schema: { tags: ['公开指南'], summary: '修改公开指南各章节（留空则恢复默认文本）', params: idParams, body: z.object({ sections: z.record(z.string(), z.string().nullable()) }) },
  }, async (req) => {
    await updateGuide(deps, requireAuth(req).actor, req.params.id, req.body.sections);
    return getGuideFor(deps, requireAuth(req).actor, req.params.id);
  });

  // Public, read-only: the portal's data as JSON.
  app.get('/public/units', { schema: { tags: ['公开'], summary: '公开：单位列表' } }, async () => ({
    items: (await listPublicUnits(deps)).map(publicUnit),
  }));
};
