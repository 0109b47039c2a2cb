/**
 * The portal search page `/search?q=…&unit=<slug>&column=&subject=&genre=&year=&docNo=&validity=&page=`
 * (issue 4 item 7; Art. 24: search, view, download). Server-rendered, no JavaScript: a labelled GET form with the
 * filters, the result count in a live region, results as a list of headed entries linking to the item page, and
 * page links. Matches are marked with <mark>: the text is escaped first and only our [[hl]] markers become tags.
 * Results depend on the query, so the page is rendered per request (not kept in the page cache).
 */
import type { FastifyInstance } from 'fastify';
import { CATALOGUE_TEMPLATE, type TemplateColumn } from '../../domain/publications/catalogue-template.js';
import { DOCUMENT_GENRES, OTHER_GENRES, SUBJECT_SCHEME } from '../../domain/publications/code-lists.js';
import { DomainError } from '../../domain/errors.js';
import { HL_CLOSE, HL_OPEN } from '../../domain/search/highlight.js';
import { MAX_PAGE, PAGE_SIZE, runSearch, SEARCH_RATE_PER_MINUTE, VALIDITY_LABELS, type SearchOutcome, type SearchParams } from '../../domain/search/search-params.js';
import type { HttpContext } from '../context.js';
import { esc, h, raw, type Html } from './html.js';
import { parsePrefs } from './prefs.js';
import { itemHref } from './publication-links.js';
import { pager } from './publication-pages.js';
import { finishPage, loadSite, type PageEnv, type Site } from './site.js';

export const SEARCH_PATH = '/search';

/** Escapes the text, then turns our markers (and only them) into <mark>. */
export function marked(text: string): Html {
  const open = esc(HL_OPEN);
  const close = esc(HL_CLOSE);
  return raw(esc(text).split(open).join('<mark>').split(close).join('</mark>'));
}

function columnOptions(cols: TemplateColumn[], depth = 0, out: { code: string; name: string }[] = []) {
  for (const c of cols) {
    out.push({ code: c.code, name: `${'　'.repeat(depth)}${c.name}` });
    if (c.children) columnOptions(c.children, depth + 1, out);
  }
  return out;
}
const COLUMNS = columnOptions(CATALOGUE_TEMPLATE);

const option = (value: string, label: string, current: string) =>
  h`<option value="${value}"${value === current ? raw(' selected') : ''}>${label}</option>`;

function select(name: string, label: string, current: string, options: { value: string; label: string }[], hint?: string): Html {
  return h`<div class="field"><label for="s-${name}">${label}</label>${hint ? h`<p class="hint" id="s-${name}-hint">${hint}</p>` : ''}
<select id="s-${name}" name="${name}"${hint ? h` aria-describedby="s-${name}-hint"` : ''}>${option('', '不限', current)}${options.map((o) => option(o.value, o.label, current))}</select></div>`;
}

function searchForm(site: Site, p: SearchOutcome['params'], error: DomainError | null): Html {
  const bad = new Set(error?.fields.map((f) => f.path) ?? []);
  const invalid = (k: string) => (bad.has(k) ? raw(' aria-invalid="true"') : '');
  const subjects = SUBJECT_SCHEME.flatMap(([top, subs]) => [{ value: top, label: top }, ...subs.map((s) => ({ value: `${top}\\${s}`, label: `　${s}` }))]);
  const genres = [...DOCUMENT_GENRES, ...OTHER_GENRES].map((g) => ({ value: g, label: g }));
  return h`<form method="get" action="${SEARCH_PATH}" role="search" aria-label="站内搜索" accept-charset="utf-8" class="form">
<div class="field"><label for="s-q">搜索词</label><p class="hint" id="s-q-hint">输入想找的内容，如“补贴”“义务教育 招生”；多个词用空格分开，结果须包含全部词语。支持繁体字。</p>
<input type="text" id="s-q" name="q" value="${p.q}" maxlength="100" aria-describedby="s-q-hint"${invalid('q')}></div>
<fieldset><legend>筛选条件（可选）</legend>
${select('unit', '发布单位（含下属单位）', p.unit, site.units.map((u) => ({ value: u.slug, label: u.name })))}
${select('column', '栏目', p.column, COLUMNS.map((c) => ({ value: c.code, label: c.name })))}
${select('subject', '主题分类', p.subject, subjects)}
${select('genre', '体裁分类', p.genre, genres)}
<div class="field"><label for="s-year">发布年份</label><p class="hint" id="s-year-hint">四位数字，如 2024</p>
<input type="text" id="s-year" name="year" value="${p.year}" inputmode="numeric" maxlength="4" class="w-s" aria-describedby="s-year-hint"${invalid('year')}></div>
<div class="field"><label for="s-docNo">文号</label><p class="hint" id="s-docNo-hint">文号的全部或一部分，如“安政发〔2024〕”</p>
<input type="text" id="s-docNo" name="docNo" value="${p.docNo}" maxlength="60" class="w-m" aria-describedby="s-docNo-hint"${invalid('docNo')}></div>
${select('validity', '有效性', p.validity, Object.entries(VALIDITY_LABELS).map(([value, label]) => ({ value, label })))}
</fieldset>
<button type="submit">搜索</button>
</form>`;
}

function pageHref(p: SearchOutcome['params'], page: number): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v && k !== 'page') qs.set(k, v);
  if (page > 1) qs.set('page', String(page));
  return `${SEARCH_PATH}?${qs.toString()}`;
}

function results(site: Site, o: SearchOutcome): Html {
  if (!o.searched) {
    return h`<h2>使用说明</h2><ul><li>在上面输入要查找的词语，可同时选择单位、栏目、年份等条件缩小范围。</li>
<li>搜索范围是各单位主动公开的政府信息，包括正文和附件中的文字。</li><li>只知道文号时，可只填写“文号”一栏。</li></ul>`;
  }
  if (o.onlyStopWords) {
    return h`<div class="notice warn" role="status"><p>您输入的“${o.params.q}”只包含“的、了、和”等常用字，无法据此查找。请输入更具体的词语，例如“补贴”“招生入学”。</p></div>`;
  }
  const r = o.result;
  const count = r.total === 0
    ? h`没有找到${o.unit ? h`${o.unit.name}（含下属单位）` : ''}包含“${r.terms.join(' ')}”的政府信息。请减少词语、换用其他说法，或放宽筛选条件。`
    : h`找到${o.unit ? h` ${o.unit.name}（含下属单位）的` : ''} ${r.totalCapped ? h`${r.total.toLocaleString('zh-CN')} 条以上` : h`${r.total.toLocaleString('zh-CN')} 条`}结果${o.pageCount > 1 ? h`，第 ${o.page} / ${o.pageCount} 页` : ''}。`;
  const items = r.hits.map((hit) => {
    const unit = site.byId.get(hit.unitId);
    const href = unit ? itemHref(unit.slug, hit.itemId) : '#';
    return h`<li class="hit"><h3><a href="${href}">${marked(hit.titleHighlighted)}</a></h3>
${hit.excerptHighlighted ? h`<p>${marked(hit.excerptHighlighted)}</p>` : ''}
<p class="doc-no">${unit ? h`${unit.name}　` : ''}${hit.docNumber ? h`${hit.docNumber}　` : ''}索引号：${hit.indexNumber}　发布日期：<time datetime="${hit.publishedOn}">${hit.publishedOn}</time></p></li>`;
  });
  const more = r.totalCapped && o.page === MAX_PAGE ? h`<p class="hint">仅显示前 ${MAX_PAGE} 页，请增加搜索词或筛选条件。</p>` : '';
  return h`<h2 id="results">搜索结果</h2><p role="status">${count}</p>
${items.length ? h`<ol class="hits" start="${(o.page - 1) * PAGE_SIZE + 1}">${items}</ol>` : ''}
${pager((page) => pageHref(o.params, page), o.page, o.pageCount)}${more}`;
}

export async function renderSearchPage(env: PageEnv, site: Site, o: SearchOutcome | null, error: DomainError | null, raw: SearchParams): Promise<string> {
  const params = o?.params ?? {
    q: raw.q ?? '', unit: raw.unit ?? '', column: raw.column ?? '', subject: raw.subject ?? '', genre: raw.genre ?? '',
    year: raw.year ?? '', docNo: raw.docNo ?? '', validity: raw.validity ?? '', page: raw.page ?? '',
  };
  const title = o?.searched && params.q ? `搜索：${params.q}` : '站内搜索';
  const errorBox = error
    ? h`<div class="error-summary" role="alert"><h2>请修改搜索条件</h2><ul>${(error.fields.length ? error.fields : [{ path: 'q', message: error.message }]).map((f) => h`<li><a href="#s-${f.path === 'page' ? 'q' : f.path}">${f.message}</a></li>`)}</ul></div>`
    : '';
  const main = h`<h1>站内搜索</h1>${errorBox}${searchForm(site, params, error)}${o ? results(site, o) : ''}`;
  return finishPage(env, site, { title, crumbs: [{ label: '首页', href: '/' }, { label: '站内搜索' }], main, qr: false });
}

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);

export function registerSearchPage(app: FastifyInstance, ctx: HttpContext, env: (path: string, prefs: ReturnType<typeof parsePrefs>) => PageEnv): void {
  app.get(SEARCH_PATH, { config: { rateLimit: { max: SEARCH_RATE_PER_MINUTE, timeWindow: 60_000 } } }, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const params: SearchParams = {
      q: str(q.q), unit: str(q.unit), column: str(q.column), subject: str(q.subject), genre: str(q.genre),
      year: str(q.year), docNo: str(q.docNo), validity: str(q.validity), page: str(q.page),
    };
    const prefs = parsePrefs(req.headers.cookie);
    const site = await loadSite(ctx.deps);
    let outcome: SearchOutcome | null = null;
    let error: DomainError | null = null;
    try {
      outcome = await runSearch(ctx.deps, params);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'VALIDATION') throw e;
      error = e;
    }
    const html = await renderSearchPage(env(req.url, prefs), site, outcome, error, params);
    return reply.code(error ? 400 : 200).header('cache-control', 'no-store').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(html);
  });
}
