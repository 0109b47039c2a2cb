/**
 * The published annual report on the portal (Art. 49: published in the 政府信息公开年报 column): /u/<slug>/nb/<year>
 * in the official table layout, /u/<slug>/nb/<year>.docx|pdf|xlsx|json downloads rendered from the same document,
 * and /u/<slug>/nb/ listing the unit's published reports (linked from the gknb column page). Only published reports
 * exist here; anything else is 404. A published report never changes, so its files are cached by id and version.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { templateById } from '../../domain/annual-report/templates.js';
import { getPublishedReport, listPublishedReports } from '../../domain/annual-report/workflow-queries.js';
import { REPORT_CSS, REPORT_MIME, renderReportHtmlFragment } from '../../infra/report-render/index.js';
import type { Unit } from '../../domain/ports.js';
import { getPublicUnitPage } from '../../domain/units/unit-queries.js';
import type { HttpContext } from '../context.js';
import { PORTAL_HEADERS } from '../plugins/security-headers.js';
import { renderReportFile, type ReportFormat } from '../api/report-files.js';
import { beijingDate, h, raw, type Html } from './html.js';
import type { Rendered } from './page-cache.js';
import type { Prefs } from './prefs.js';
import { finishPage, loadSite, unitCrumbs, unitHref, type PageEnv } from './site.js';

const FILE_RE = /^(\d{4})(?:\.(docx|pdf|xlsx|json))?$/;
const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
const FORMAT_LABELS: [Exclude<ReportFormat, 'html'>, string][] = [['docx', 'Word 文档（DOCX）'], ['pdf', 'PDF'], ['xlsx', 'Excel 表格（XLSX）'], ['json', '数据（JSON）']];

export const reportTitle = (unitName: string, year: number) => `${unitName}${year}年政府信息公开工作年度报告`;
export const reportHref = (u: Pick<Unit, 'slug'>, year: number, ext = '') => `/u/${encodeURIComponent(u.slug)}/nb/${year}${ext ? `.${ext}` : ''}`;

type Serve = (req: FastifyRequest, reply: FastifyReply, path: string, render: (prefs: Prefs) => Promise<Rendered>) => Promise<FastifyReply>;
type ErrorPage = (status: number, message: string, prefs: Prefs, path: string) => string;

/** report-core's stylesheet for the official layout, served as a file (the portal CSP allows no inline style). */
const CSS_BODY = Buffer.from(REPORT_CSS, 'utf8');
export const REPORT_CSS_PATH = `/assets/annual-report-${createHash('sha256').update(CSS_BODY).digest('hex').slice(0, 10)}.css`;

export function registerReportPages(app: FastifyInstance, ctx: HttpContext, tools: { serve: Serve; env: (path: string, prefs: Prefs) => PageEnv; errorPage: ErrorPage }): void {
  const { deps } = ctx;
  const files = new Map<string, Buffer>();

  app.get(REPORT_CSS_PATH, async (_req, reply) => reply.headers(Object.fromEntries(PORTAL_HEADERS)).type('text/css; charset=utf-8')
    .header('cache-control', 'public, max-age=31536000, immutable').send(CSS_BODY));

  app.get('/u/:slug/nb/', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    const path = `/u/${slug}/nb/`;
    if (!SLUG_RE.test(slug)) return reply.callNotFound();
    return tools.serve(req, reply, path, async (p): Promise<Rendered> => {
      const data = await getPublicUnitPage(deps, slug);
      if (!data || data.unit.status !== 'active') return { status: 404, html: tools.errorPage(404, '未找到该单位：请检查网址，或从首页选择单位。', p, path) };
      const [site, reports] = await Promise.all([loadSite(deps), listPublishedReports(deps, data.unit.id)]);
      const main = h`<h1>${data.unit.name}政府信息公开工作年度报告</h1>
<p class="meta">《中华人民共和国政府信息公开条例》第四十九条、第五十条</p>
${reports.length
    ? h`<ul class="list">${reports.map((x) => h`<li><a href="${reportHref(data.unit, x.year)}">${reportTitle(data.unit.name, x.year)}</a>${x.publishedAt ? h` <time datetime="${beijingDate(x.publishedAt)}">${beijingDate(x.publishedAt)}</time>` : ''}</li>`)}</ul>`
    : h`<p class="empty">暂无已发布的年度报告</p>`}`;
      return { status: 200, html: await finishPage(tools.env(path, p), site, { title: `政府信息公开年报 - ${data.unit.name}`, crumbs: unitCrumbs(site, data.unit, '政府信息公开年报'), main, unit: data.unit }) };
    });
  });

  app.get('/u/:slug/nb/:file', async (req, reply) => {
    const { slug, file } = req.params as { slug: string; file: string };
    const m = FILE_RE.exec(file);
    if (!SLUG_RE.test(slug) || !m) return reply.callNotFound();
    const year = Number(m[1]);
    const format = m[2] as Exclude<ReportFormat, 'html'> | undefined;
    if (format) {
      const found = await getPublishedReport(deps, slug, year);
      if (!found) return reply.callNotFound();
      const key = `${found.report.id}:${found.report.version}:${format}`;
      let data = files.get(key);
      if (!data) {
        data = await renderReportFile(found.report.doc, format);
        if (files.size > 200) files.clear();
        files.set(key, data);
      }
      const name = `${reportTitle(found.unit.name, year)}.${format}`;
      return reply.headers(Object.fromEntries(PORTAL_HEADERS)).type(REPORT_MIME[format]).header('cache-control', 'public, max-age=300')
        .header('content-disposition', `${format === 'pdf' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`).send(data);
    }
    const path = `/u/${slug}/nb/${year}`;
    return tools.serve(req, reply, path, async (p): Promise<Rendered> => {
      const found = await getPublishedReport(deps, slug, year);
      if (!found) return { status: 404, html: tools.errorPage(404, '该年度报告不存在或尚未发布。', p, path) };
      const { unit, report } = found;
      const site = await loadSite(deps);
      const title = reportTitle(unit.name, year);
      const published = report.publishedAt ? beijingDate(report.publishedAt) : '';
      // The document names the unit as it was when the report was made; the page title uses it too.
      const main = h`<link rel="stylesheet" href="${REPORT_CSS_PATH}">
${raw(renderReportHtmlFragment(report.doc, { titleLevel: 1 }))}
<p class="meta">发布日期：<time datetime="${published}">${published}</time> · 格式依据：${templateById(report.doc.template).basis}</p>
<p class="downloads">下载：${FORMAT_LABELS.map(([f, label], i) => h`${i ? ' · ' : ''}<a href="${reportHref(unit, year, f)}" download>${label}</a>`)}</p>
<p><a href="/u/${unit.slug}/nb/">查看本单位历年年度报告</a> · <a href="${unitHref(unit)}">返回${unit.name}</a></p>`;
      return { status: 200, html: await finishPage(tools.env(path, p), site, { title, crumbs: unitCrumbs(site, unit, '政府信息公开年报'), main, unit }) };
    });
  });
}

/**
 * The unit's published annual reports as a list for its 政府信息公开年报 column page (code gknb): reports are not
 * publication items, so the column page shows them through this hook above any items published there by hand.
 */
export async function annualReportColumnList(deps: HttpContext['deps'], unit: Unit): Promise<Html | undefined> {
  const reports = await listPublishedReports(deps, unit.id);
  if (!reports.length) return undefined;
  return h`<h2>政府信息公开工作年度报告</h2>
<ul class="list annual-reports">${reports.map((x) => h`<li><a href="${reportHref(unit, x.year)}">${reportTitle(unit.name, x.year)}</a>${x.publishedAt ? h` <time datetime="${beijingDate(x.publishedAt)}">${beijingDate(x.publishedAt)}</time>` : ''}</li>`)}</ul>`;
}
