/**
 * 年度报告 API (issue 5 items 4–6): the yearly list with status and deadline, drafting from records, editing the
 * narrative and manual cells, the workflow steps, validation, year-over-year comparison, downloads, the supervising
 * office's board with summary and breakdown, and deadline settings. Thin: validate, call the use case, shape.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getDeadlineSettings, setDeadline } from '../../domain/annual-report/deadlines-settings.js';
import { rollupBoard, rollupSummary } from '../../domain/annual-report/rollup-board.js';
import { prepareDraft } from '../../domain/annual-report/workflow-draft.js';
import { editReport } from '../../domain/annual-report/workflow-edit.js';
import { getReport, listReports, present, reportValidation } from '../../domain/annual-report/workflow-queries.js';
import { reportStep, STEP_ACTIONS, type StepAction } from '../../domain/annual-report/workflow-transition.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';
import { comparisonFor, REPORT_FORMATS, sendReportFile, type ReportFormat } from './report-files.js';

const TAG = ['年度报告'];
const idParams = z.object({ id: z.string().min(1).max(64) });
const year = z.coerce.number({ error: '请填写年度' }).int('年度应为整数').min(2008, '年度不早于2008年').max(2200, '年度不正确');
const unitYear = z.object({ unitId: z.string().min(1, '请选择单位').max(64), year });

export const reportRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/reports', {
    schema: { tags: TAG, summary: '年度报告列表：可查看的各单位某年度报告的状态和报送期限（含未开始、已逾期）', querystring: z.object({ year, unitId: z.string().max(64).optional() }) },
  }, async (req) => listReports(deps, requireAuth(req).actor, req.query));

  app.post('/reports', {
    schema: { tags: TAG, summary: '生成年度报告草稿，或按最新办理记录重新计算草稿（保留手工填写的数据和文字）', body: z.object({ unitId: z.string(), year: z.number() }) },
  }, async (req, reply) => {
    const { report, created } = await prepareDraft(deps, requireAuth(req).actor, req.body);
    return reply.status(created ? 201 : 200).send({ report: present(report) });
  });

  app.get('/reports/rollup', {
    schema: { tags: TAG, summary: '汇总看板：所属单位年度报告状态（未开始、草稿、已报送、已退回、已通过、已公开、逾期）', querystring: unitYear },
  }, async (req) => rollupBoard(deps, requireAuth(req).actor, req.query.unitId, req.query.year));

  app.get('/reports/rollup/summary', {
    schema: {
      tags: TAG, summary: '汇总报告：所属单位已通过和已公开报告的合计（有未填数据的单元格为空并标出），按同一规则校验，附各单位占比',
      querystring: unitYear.extend({ all: z.enum(['true', 'false']).optional() }),
    },
  }, async (req) => rollupSummary(deps, requireAuth(req).actor, req.query.unitId, req.query.year, { all: req.query.all === 'true' }));

  app.get('/reports/rollup/summary/download/:format', {
    schema: { tags: TAG, summary: '下载汇总报告', params: z.object({ format: z.enum(REPORT_FORMATS, { error: '格式应为 docx、pdf、xlsx、json 或 html' }) }), querystring: unitYear },
  }, async (req, reply) => {
    const s = await rollupSummary(deps, requireAuth(req).actor, req.query.unitId, req.query.year);
    return sendReportFile(reply, s.doc, req.params.format, `${s.unit.name}${s.year}年度政府信息公开工作年度报告汇总`);
  });

  app.get('/reports/deadlines', {
    schema: { tags: TAG, summary: '报送期限设置：本单位期限、所属乡镇（街道）默认期限及生效期限', querystring: unitYear },
  }, async (req) => getDeadlineSettings(deps, requireAuth(req).actor, req.query.unitId, req.query.year));

  app.put('/reports/deadlines', {
    schema: {
      tags: TAG, summary: '设定报送期限（“月-日”；为空则恢复默认：部门和乡镇1月31日，本级政府3月31日）',
      body: z.object({ unitId: z.string(), scope: z.string(), dueMonthDay: z.string().nullable() }),
    },
  }, async (req) => {
    await setDeadline(deps, requireAuth(req).actor, req.body);
    return getDeadlineSettings(deps, requireAuth(req).actor, req.body.unitId, Number(deps.clock.now().slice(0, 4)) - 1);
  });

  app.get('/reports/:id', { schema: { tags: TAG, summary: '年度报告详情：数据、叙述、手工数据、校验结果、办理记录、上年叙述、可进行的操作', params: idParams } }, async (req) =>
    getReport(deps, requireAuth(req).actor, req.params.id));

  app.patch('/reports/:id', {
    schema: {
      tags: TAG, summary: '修改叙述部分和手工填写的数据（仅草稿或已退回时；计算得出的数据不能手工修改）', params: idParams,
      body: z.object({ version: z.unknown(), narrative: z.unknown().optional(), cells: z.unknown().optional() }),
    },
  }, async (req) => ({ report: present(await editReport(deps, requireAuth(req).actor, req.params.id, req.body)) }));

  app.post('/reports/:id/actions/:action', {
    schema: {
      tags: TAG, summary: '办理：submit 报送审核、finalize 本级定稿、return 退回修改（须填意见）、accept 审核通过、publish 发布',
      params: idParams.extend({ action: z.enum(STEP_ACTIONS as [StepAction], { error: '未知的年度报告操作' }) }),
      body: z.object({ comment: z.string().optional(), version: z.number().optional() }).optional(),
    },
  }, async (req) => ({ report: present(await reportStep(deps, requireAuth(req).actor, req.params.id, req.params.action, req.body ?? {})) }));

  app.get('/reports/:id/validation', { schema: { tags: TAG, summary: '勾稽关系校验（R1–R9）：错误、警告、因数据为空而跳过的检查', params: idParams } }, async (req) =>
    reportValidation(deps, requireAuth(req).actor, req.params.id));

  app.get('/reports/:id/comparison', { schema: { tags: TAG, summary: '与上一年度报告对比（增减及百分比）', params: idParams } }, async (req) =>
    comparisonFor(deps, requireAuth(req).actor, req.params.id));

  app.get('/reports/:id/download/:format', {
    schema: { tags: TAG, summary: '下载年度报告：DOCX、PDF、XLSX、JSON（交换格式）或 HTML', params: idParams.extend({ format: z.enum(REPORT_FORMATS, { error: '格式应为 docx、pdf、xlsx、json 或 html' }) }) },
  }, async (req, reply) => {
    const d = await getReport(deps, requireAuth(req).actor, req.params.id);
    return sendReportFile(reply, d.report.doc, req.params.format as ReportFormat, `${d.unit.name}${d.report.year}年度政府信息公开工作年度报告`);
  });
};
