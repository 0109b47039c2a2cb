import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteReviewCase } from '../../domain/reviews/delete-review-case.js';
import { registerReviewCase } from '../../domain/reviews/register-review-case.js';
import { REVIEW_KINDS, REVIEW_OUTCOMES, type ReviewKind } from '../../domain/reviews/review-case.js';
import { getReviewCase, listReviewCases } from '../../domain/reviews/review-case-queries.js';
import { updateReviewCase } from '../../domain/reviews/update-review-case.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const TAG = ['复议诉讼登记'];
const idParams = z.object({ id: z.string().min(1).max(64) });
const body = z.record(z.string(), z.unknown(), { error: '请求体应为 JSON 对象' });

/** The register of reconsideration and litigation cases (Art. 51; annual-report table 四). */
export const reviewCaseRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/review-cases/options', { schema: { tags: TAG, summary: '案件类型与审结结果（表四的行与列）' } }, async (req) => {
    requireAuth(req);
    return {
      kinds: Object.entries(REVIEW_KINDS).map(([value, label]) => ({ value, label })),
      outcomes: Object.entries(REVIEW_OUTCOMES).map(([value, label]) => ({ value, label })),
    };
  });

  app.get('/review-cases', {
    schema: {
      tags: TAG, summary: '复议诉讼案件列表（可按单位、年度：该年审结或年末尚未审结的案件）',
      querystring: z.object({
        unitId: z.string().max(64).optional(),
        year: z.coerce.number({ error: '年度应为四位数年份' }).int().min(2000, '年度不正确').max(2100, '年度不正确').optional(),
        kind: z.enum(Object.keys(REVIEW_KINDS) as [ReviewKind], { error: '案件类型只能是行政复议、直接起诉或复议后起诉' }).optional(),
        offset: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
  }, async (req) => listReviewCases(deps, requireAuth(req).actor, req.query));

  app.post('/review-cases', { schema: { tags: TAG, summary: '登记案件（以受理编号关联所针对的申请及其答复）', body } }, async (req, reply) =>
    reply.status(201).send(await registerReviewCase(deps, requireAuth(req).actor, req.body)));

  app.get('/review-cases/:id', { schema: { tags: TAG, summary: '案件详情', params: idParams } }, async (req) =>
    getReviewCase(deps, requireAuth(req).actor, req.params.id));

  app.patch('/review-cases/:id', { schema: { tags: TAG, summary: '修改案件或登记审结结果（结果与审结日期同时填写）', params: idParams, body } }, async (req) =>
    updateReviewCase(deps, requireAuth(req).actor, req.params.id, req.body));

  app.delete('/review-cases/:id', { schema: { tags: TAG, summary: '删除误登记的案件（审计日志保留原记录）', params: idParams } }, async (req, reply) => {
    await deleteReviewCase(deps, requireAuth(req).actor, req.params.id);
    return reply.status(204).send();
  });
};
