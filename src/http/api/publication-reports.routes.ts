/** 主动公开 reports: the review ledger (审核发布台账, XLSX export), Art. 26 timeliness, monthly counts, stale columns, 用语检查报告. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isCivilDate } from '../../domain/calendar/civil-date.js';
import { EVENT_LABELS } from '../../domain/publications/workflow.js';
import { contentCheckReport } from '../../domain/publications/check-report.js';
import { reviewLedger, staleColumns, timelinessReport } from '../../domain/publications/queries.js';
import type { HttpContext } from '../context.js';
import { beijing, checkReportWorkbook, safeCell as cell, unitNames } from './check-report-xlsx.js';
import { requireAuth } from '../plugins/auth.js';

const tags = ['主动公开统计'];
const day = (label: string) => z.string().refine(isCivilDate, `${label}应为有效日期（YYYY-MM-DD）`);
const ledgerQuery = z.object({
  unitId: z.string().optional(), itemId: z.string().optional(), from: day('开始日期').optional(), to: day('结束日期').optional(),
  offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(50),
});

const checkReportQuery = z.object({
  unitId: z.string().optional(),
  scope: z.enum(['published', 'pending', 'draft'], { error: '检查范围只能是已发布（published）、审核中（pending）或草稿（draft）' }).default('published'),
  year: z.coerce.number({ error: '年份应为四位数字，如 2024' }).int('年份应为四位数字，如 2024')
    .min(1949, '年份应在1949年至2100年之间').max(2100, '年份应在1949年至2100年之间').optional(),
  from: day('开始日期').optional(), to: day('结束日期').optional(),
  kind: z.enum(['wording', 'personalData', 'link', 'metadata'], { error: '问题类型取值有误' }).optional(),
  severity: z.enum(['block', 'warn'], { error: '严重程度只能是 block（阻止发布）或 warn（提示）' }).optional(),
});

export const publicationReportRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/publications/ledger', { schema: { tags, summary: '审核发布台账（信息、环节、审核人、结论、意见、时间、保密审查）', querystring: ledgerQuery } }, async (req) =>
    reviewLedger(deps, requireAuth(req).actor, req.query));

  app.get('/publications/ledger.xlsx', { schema: { tags, summary: '导出审核发布台账（XLSX）', querystring: ledgerQuery.omit({ offset: true, limit: true }) } }, async (req, reply) => {
    const actor = requireAuth(req).actor;
    const rows = [];
    for (let offset = 0; offset < 100_000; offset += 2000) {
      const page = await reviewLedger(deps, actor, { ...req.query, offset, limit: 2000 });
      rows.push(...page.rows);
      if (page.rows.length < 2000) break;
    }
    const { default: ExcelJS } = await import('exceljs'); // loaded on first export, not at start-up
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('审核发布台账');
    ws.addRow(['时间（北京时间）', '信息标题', '索引号', '环节', '办理人', '操作', '意见', '保密审查确认', '状态变化']).font = { bold: true };
    for (const e of rows) {
      ws.addRow([beijing(e.at), e.title, e.indexNumber ?? '', e.stageName ?? '', e.actorName ?? '系统', EVENT_LABELS[e.action] ?? e.action, e.comment ?? '',
        e.confidentialityConfirmed ? '已确认' : '', `${e.fromStatus ?? ''}→${e.toStatus}`].map(cell));
    }
    ws.columns.forEach((c, i) => { c.width = [20, 50, 30, 8, 12, 14, 40, 12, 22][i] ?? 12; });
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const stamp = new Date(Date.parse(deps.clock.now())).toISOString().slice(0, 10);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`审核发布台账-${stamp}.xlsx`)}`).send(buf);
  });

  app.get('/publications/check-report', {
    schema: {
      tags, summary: '用语检查报告：用现行词库重新检查某一期间已发布（或审核中、草稿）的信息，按信息列出问题，问题最严重的在前',
      querystring: checkReportQuery.extend({
        offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
  }, async (req) => {
    const { offset, limit, ...f } = req.query;
    const r = await contentCheckReport(deps, requireAuth(req).actor, f);
    return { ...r, total: r.rows.length, rows: r.rows.slice(offset, offset + limit) };
  });

  app.get('/publications/check-report.xlsx', { schema: { tags, summary: '导出用语检查报告（XLSX：按信息汇总、问题明细）', querystring: checkReportQuery } }, async (req, reply) => {
    const r = await contentCheckReport(deps, requireAuth(req).actor, req.query);
    const buf = await checkReportWorkbook(r, await unitNames(deps));
    const stamp = beijing(r.checkedAt).slice(0, 10);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`用语检查报告-${stamp}.xlsx`)}`).send(buf);
  });

  app.get('/publications/timeliness', {
    schema: {
      tags, summary: '发布及时性（《条例》第二十六条）：按单位、月份统计发布数和超时数，并列出超时信息',
      querystring: z.object({
        unitId: z.string().optional(), from: day('开始日期'), to: day('结束日期'),
        offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
    },
  }, async (req) => timelinessReport(deps, requireAuth(req).actor, req.query));

  app.get('/publications/monthly', {
    schema: { tags, summary: '各单位每月发布数（图表）', querystring: z.object({ unitId: z.string().optional(), year: z.coerce.number().int().min(2000).max(2100) }) },
  }, async (req) => {
    const y = req.query.year;
    const r = await timelinessReport(deps, requireAuth(req).actor, { unitId: req.query.unitId, from: `${y}-01-01`, to: `${y}-12-31`, offset: 0, limit: 1 });
    return { items: r.months };
  });

  app.get('/units/:id/stale-columns', {
    schema: { tags, summary: '超期未更新和空白栏目（国办秘函〔2019〕19号）', params: z.object({ id: z.string().min(1).max(64) }) },
  }, async (req) => ({ items: await staleColumns(deps, requireAuth(req).actor, req.params.id) }));
};
