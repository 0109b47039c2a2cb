import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { computeReportFor, drillCell } from '../../domain/annual-report/compute-report.js';
import { entryTemplateCsv, importManualEntries, mapEntryHeaders, type EntryImportRow } from '../../domain/annual-report/manual-entries-import.js';
import { createManualEntry, deleteManualEntry, listManualEntries, listQuery, updateManualEntry } from '../../domain/annual-report/manual-entries-manage.js';
import { MANUAL_ENTRY_KIND_CODES, MANUAL_ENTRY_KINDS } from '../../domain/annual-report/manual-entries.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { can } from '../../domain/policy/policy.js';
import { loadTree } from '../../domain/units/unit-context.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';
import { readImportUpload, rowsByColumnMap } from './import-upload.js';

const TAG = ['年报统计数据'];
const idParams = z.object({ id: z.string().min(1).max(64) });
const body = z.record(z.string(), z.unknown(), { error: '请求体应为 JSON 对象' });

/** Annual-report data: figures from other systems (manual entries, import), the computed report and its drill-down. */
export const reportDataRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/reports/compute', {
    schema: { tags: TAG, summary: '按办理记录计算某单位某年度的年报（表二、表三、表四），附勾稽关系校验和待录入项目', querystring: z.record(z.string(), z.string()) },
  }, async (req) => computeReportFor(deps, requireAuth(req).actor, req.query));

  app.get('/reports/compute/drill', {
    schema: { tags: TAG, summary: '某个单元格背后的记录（申请、信息、案件或录入数据）', querystring: z.record(z.string(), z.string()) },
  }, async (req) => drillCell(deps, requireAuth(req).actor, req.query));

  app.get('/report-data/kinds', { schema: { tags: TAG, summary: '可录入的统计项目' } }, async (req) => {
    requireAuth(req);
    return { items: MANUAL_ENTRY_KIND_CODES.map((k) => ({ value: k, ...MANUAL_ENTRY_KINDS[k] })) };
  });

  app.get('/report-data/entries', { schema: { tags: TAG, summary: '某单位录入的统计数据（可按年度）', querystring: z.record(z.string(), z.string()) } }, async (req) =>
    listManualEntries(deps, requireAuth(req).actor, parseQuery(req.query)));

  app.post('/report-data/entries', { schema: { tags: TAG, summary: '录入一项统计数据（须注明来源）', body } }, async (req, reply) =>
    reply.status(201).send(await createManualEntry(deps, requireAuth(req).actor, req.body)));

  app.patch('/report-data/entries/:id', { schema: { tags: TAG, summary: '修改数值或来源', params: idParams, body } }, async (req) =>
    updateManualEntry(deps, requireAuth(req).actor, req.params.id, req.body));

  app.delete('/report-data/entries/:id', { schema: { tags: TAG, summary: '删除一项统计数据', params: idParams } }, async (req, reply) => {
    await deleteManualEntry(deps, requireAuth(req).actor, req.params.id);
    return reply.status(204).send();
  });

  app.get('/report-data/import-template.csv', { schema: { tags: TAG, summary: '统计数据导入模板（CSV）', querystring: z.record(z.string(), z.string()) } }, async (req, reply) => {
    const actor = requireAuth(req).actor;
    const q = parseQuery(req.query);
    const unit = await deps.store.read(async (r) => {
      const { tree } = await loadTree(r);
      const u = await r.units.get(q.unitId);
      if (!u || !can(actor, 'report.read', u.id, tree)) throw notFound('单位');
      return u;
    });
    const year = q.year ?? Number(deps.clock.now().slice(0, 4)) - 1;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`年报统计数据导入模板-${year}.csv`)}`).send(entryTemplateCsv(unit.name, year));
  });

  app.post('/report-data/import', {
    schema: { tags: TAG, summary: '从 CSV/XLSX 导入统计数据（multipart：file、unitId、year；全部正确才导入）', consumes: ['multipart/form-data'] },
  }, async (req) => {
    const actor = requireAuth(req).actor;
    const { sheet, fields } = await readImportUpload(req);
    const { map, unknown } = mapEntryHeaders(sheet.headers);
    for (const [key, label] of [['kind', '项目'], ['value', '数值']] as const) {
      if (!map.includes(key)) throw new DomainError('VALIDATION', `表头中没有“${label}”列，请使用导入模板。${unknown.length ? `无法识别的列：${unknown.join('、')}` : ''}`);
    }
    const rows: EntryImportRow[] = rowsByColumnMap(sheet, map);
    const year = fields.year && /^\d{4}$/.test(fields.year) ? Number(fields.year) : undefined;
    return { ...(await importManualEntries(deps, actor, rows, { defaultUnitId: fields.unitId || undefined, defaultYear: year })), ignoredColumns: unknown };
  });
};

function parseQuery(q: Record<string, string>) {
  const r = listQuery.safeParse(q);
  if (!r.success) throw new DomainError('VALIDATION', r.error.issues[0]?.message ?? '查询参数有误', { fields: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  return r.data;
}
