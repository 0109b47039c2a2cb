/**
 * GET /api/v1/search: public full-text search over published items (the same search as the portal page
 * /search). Read-only, no login, rate-limited per client address like the other public endpoints.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PAGE_SIZE, runSearch, SEARCH_RATE_PER_MINUTE } from '../../domain/search/search-params.js';
import type { HttpContext } from '../context.js';
import { itemHref } from '../portal/publication-links.js';

const text = (max: number, what: string) => z.string().max(max, `${what}过长`).optional();

const querystring = z.object({
  q: text(200, '搜索词'),
  unit: text(100, '单位'),
  column: text(100, '栏目'),
  subject: text(100, '主题分类'),
  genre: text(100, '体裁分类'),
  year: text(10, '年份'),
  docNo: text(100, '文号'),
  validity: text(20, '有效性'),
  page: text(10, '页码'),
});

export const searchRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/search', {
    config: { rateLimit: { max: SEARCH_RATE_PER_MINUTE, timeWindow: 60_000 } },
    schema: {
      tags: ['主动公开'],
      summary: '站内搜索（公开）：q 搜索词（空格分隔的词须全部出现），unit 单位 slug（含下属单位），column 栏目代码，subject 主题分类，genre 体裁，year 发布年份，docNo 文号（部分即可），validity 有效性（inForce/amended/repealed），page 页码',
      querystring,
    },
  }, async (req) => {
    const o = await runSearch(ctx.deps, req.query);
    const units = o.result.hits.length ? new Map((await ctx.deps.store.read((r) => r.units.list())).map((u) => [u.id, u])) : new Map();
    return {
      query: o.params,
      unit: o.unit,
      searched: o.searched,
      onlyStopWords: o.onlyStopWords,
      terms: o.result.terms,
      total: o.result.total,
      totalCapped: o.result.totalCapped ?? false,
      page: o.page,
      pageSize: PAGE_SIZE,
      pageCount: o.pageCount,
      hits: o.result.hits.map((h) => {
        const unit = units.get(h.unitId);
        return {
          ...h,
          unitName: unit?.name ?? null,
          url: unit ? itemHref(unit.slug, h.itemId) : null,
        };
      }),
    };
  });
};
