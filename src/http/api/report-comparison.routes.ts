/**
 * 年报对比 API (issue 6 item 5): a supervising unit's accepted and published annual reports (computed or imported)
 * compared unit by unit and year by year, with R1–R9 findings, and the same as an XLSX workbook. report.read on
 * the supervising unit; any other unit answers 404.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { comparisonSheets, type SheetCell } from '../../domain/annual-report/comparison.js';
import { reportComparison } from '../../domain/annual-report/comparison-query.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const TAG = ['年度报告'];
const year = (what: string) => z.coerce.number({ error: `${what}应为年份` }).int(`${what}应为整数年份`).optional();
const comparisonQuery = z.object({
  unit: z.string({ error: '请选择汇总单位' }).min(1, '请选择汇总单位').max(64, '单位编号不正确'),
  from: year('起始年度'),
  to: year('截止年度'),
});

/** A text cell starting with = + - @ (or a tab/CR) would be run as a formula by Excel/WPS once re-saved or pasted: neutralise it. */
export const neutralise = (v: SheetCell): SheetCell => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export const reportComparisonRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/reports/comparison', {
    schema: {
      tags: TAG, querystring: comparisonQuery,
      summary: '年报对比：汇总单位及其所属单位已审核通过和已公开年度报告（系统生成或历史导入）的关键数据、办理结果构成、复议诉讼及被纠错率、勾稽校验结果',
    },
  }, async (req) => reportComparison(deps, requireAuth(req).actor, req.query.unit, req.query));

  app.get('/reports/comparison/export', {
    schema: { tags: TAG, querystring: comparisonQuery, summary: '导出年报对比（XLSX：关键数据、勾稽校验、口径说明、未纳入比较）' },
  }, async (req, reply) => {
    const c = await reportComparison(deps, requireAuth(req).actor, req.query.unit, req.query);
    const { default: ExcelJS } = await import('exceljs'); // loaded on the first export, not at start-up
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Gongkai';
    for (const sheet of comparisonSheets(c)) {
      const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.addRow(sheet.header.map(neutralise)).font = { bold: true };
      // null stays an empty cell ("not stated"), never 0.
      for (const row of sheet.rows) ws.addRow(row.map((v) => neutralise(v) ?? undefined));
      ws.columns.forEach((col, i) => { col.width = sheet.widths[i] ?? 12; });
    }
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const name = `${c.unit.name}年度报告对比${c.from}-${c.to}.xlsx`;
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).header('cache-control', 'no-store').send(buf);
  });
};
