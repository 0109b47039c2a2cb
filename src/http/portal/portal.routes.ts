/** Public portal (server-rendered, works without JavaScript). Full pages: see the portal module files. */
import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../context.js';
import { listPublicUnits } from '../../domain/units/unit-queries.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const renderErrorPage = (ctx: HttpContext) => (status: number, message: string): string =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status} - ${esc(ctx.config.siteName)}</title></head><body><main><h1>${status}</h1><p>${esc(message)}</p><p><a href="/">返回首页</a></p></main></body></html>`;

export async function registerPortal(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  app.get('/', async (_req, reply) => {
    const units = await listPublicUnits(ctx.deps);
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(ctx.config.siteName)}</title></head><body><main><h1>${esc(ctx.config.siteName)}</h1><ul>${units.map((u) => `<li><a href="/u/${esc(u.slug)}/">${esc(u.name)}</a></li>`).join('')}</ul></main></body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
