/**
 * 主动公开 pages of a unit: the disclosure home (/u/<slug>/xxgk/, the standard columns of 国办公开办函〔2019〕61号
 * and the latest items of the common columns) and a column's list with paging (/u/<slug>/c/<code>/?page=N).
 */
import type { Unit } from '../../domain/ports.js';
import type { CatalogueColumn } from '../../domain/publications/model.js';
import { h, type Html } from './html.js';
import { qrDataUri, renderPage, type Crumb } from './layout.js';
import type { UnitCatalogue } from './publication-data.js';
import { columnHref, feedHref, itemHref, PAGE_SIZE, xxgkHref } from './publication-links.js';
import { unitCrumbs, unitHref, type PageEnv, type Site } from './site.js';
import { unitNav } from './unit-pages.js';

/** How pages are finished: the static export swaps the QR encoder (fixed mask: ~5× faster) and adds a CSP meta. */
export interface RenderOptions {
  qr: (url: string) => Promise<string>;
  /** Extra <head> markup on every page. */
  head?: Html | undefined;
}
export const DYNAMIC: RenderOptions = { qr: qrDataUri };

export async function finishPublicationPage(env: PageEnv, site: Site, o: RenderOptions, page: { title: string; crumbs: Crumb[]; main: Html; unit: Unit | null; head?: Html | undefined }): Promise<string> {
  const absoluteUrl = env.publicUrl + env.path;
  return renderPage({
    siteName: env.siteName, path: env.path, prefs: env.prefs, title: page.title, crumbs: page.crumbs, main: page.main, unit: page.unit,
    sponsor: site.sponsor, absoluteUrl, qrDataUri: await o.qr(absoluteUrl), head: h`${o.head ?? ''}${page.head ?? ''}`,
  });
}

/** 首页 › … › unit › 信息公开 › ancestors of the column (linked) › the page's own label. */
export function publicationCrumbs(site: Site, cat: UnitCatalogue, path: CatalogueColumn[], last?: string): Crumb[] {
  const slug = cat.unit.slug;
  const list: Crumb[] = [...unitCrumbs(site, cat.unit), { label: '信息公开', href: xxgkHref(slug) }];
  for (const c of path) list.push({ label: c.name, href: columnHref(slug, c.code) });
  if (last) list.push({ label: last });
  else if (list.length) delete list[list.length - 1]!.href;
  return list;
}

export interface ListRow {
  id: string;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
}

/** One item per line: title (link), 文号 when there is one, 发布日期. */
export function docList(slug: string, rows: ListRow[], labelledBy?: string): Html {
  if (!rows.length) return h`<p class="empty">本栏目暂无信息。</p>`;
  return h`<ul class="doc-list"${labelledBy ? h` aria-labelledby="${labelledBy}"` : ''}>${rows.map((r) => h`<li><a href="${itemHref(slug, r.id)}">${r.title}</a>${r.docNumber
    ? h`<span class="doc-no"><span class="vh">文号：</span>${r.docNumber}</span>` : ''}${r.publishedOn
    ? h`<span class="doc-date"><span class="vh">发布日期：</span><time datetime="${r.publishedOn}">${r.publishedOn}</time></span>` : ''}</li>`)}</ul>`;
}

const countTag = (n: number | undefined) => (n ? h`<span class="tag">${n} 条</span>` : '');

/** The four first-level columns every disclosure platform has (国办公开办函〔2019〕61号). */
const STANDARD = [
  { code: 'xxgkzn', desc: '公开的方式和途径、申请渠道、受理机构联系方式（《条例》第十二条）' },
  { code: 'xxgkzd', desc: '本单位政府信息公开工作制度' },
  { code: 'fdzdgknr', desc: '《条例》第二十条、第二十一条规定主动公开的政府信息' },
  { code: 'gknb', desc: '政府信息公开工作年度报告（《条例》第四十九条）' },
];
/** Common columns whose latest items the disclosure home shows. */
export const LATEST = ['tzgg', 'gzdt', 'zcwj', 'zcjd'];

export interface XxgkData {
  cat: UnitCatalogue;
  counts: Map<string, number>;
  latest: { column: CatalogueColumn; rows: ListRow[] }[];
}

function columnTree(slug: string, cat: UnitCatalogue, parentId: string, counts: Map<string, number>, depth = 0): Html {
  const kids = cat.children.get(parentId) ?? [];
  if (!kids.length || depth > 4) return h``;
  return h`<ul class="col-tree">${kids.map((c) => h`<li><a href="${columnHref(slug, c.code)}">${c.name}</a>${countTag(counts.get(c.id))}${columnTree(slug, cat, c.id, counts, depth + 1)}</li>`)}</ul>`;
}

export async function renderXxgkHome(env: PageEnv, site: Site, d: XxgkData, o: RenderOptions = DYNAMIC): Promise<string> {
  const { unit } = d.cat;
  const slug = unit.slug;
  const std = STANDARD.map((s) => ({ ...s, col: d.cat.byCode.get(s.code) })).filter((s) => s.col) as { code: string; desc: string; col: CatalogueColumn }[];
  const stdIds = new Set(std.map((s) => s.col.id));
  const latestIds = new Set(d.latest.map((l) => l.column.id));
  const others = (d.cat.children.get('') ?? []).filter((c) => !stdIds.has(c.id) && !latestIds.has(c.id));
  const cards = std.map((s) => h`<li><a class="title" href="${columnHref(slug, s.code)}">${s.col.name}</a>${countTag(d.counts.get(s.col.id))}<p class="desc">${s.desc}</p>${s.code === 'xxgkzn'
    ? h`<p class="desc"><a href="${unitHref(unit, 'guide')}">在线阅读本单位政府信息公开指南</a></p>` : ''}</li>`);
  const fdzd = d.cat.byCode.get('fdzdgknr');
  const main = h`<h1>${unit.name}政府信息公开</h1>
${unitNav(unit, 'xxgk')}
<h2 id="std-cols">公开目录</h2>
<ul class="cards" aria-labelledby="std-cols">${cards}</ul>
${fdzd ? h`<h2 id="fdzd">${fdzd.name}</h2>${columnTree(slug, d.cat, fdzd.id, d.counts)}` : ''}
<h2>最新信息</h2>
<div class="latest">${d.latest.map((l, i) => h`<section class="latest-col" aria-labelledby="latest-${i}"><h3 id="latest-${i}"><a href="${columnHref(slug, l.column.code)}">${l.column.name}</a></h3>
${docList(slug, l.rows)}
${l.rows.length ? h`<p class="more"><a href="${columnHref(slug, l.column.code)}">更多${l.column.name}</a></p>` : ''}</section>`)}</div>
${others.length ? h`<h2>其他栏目</h2><ul class="col-tree">${others.map((c) => h`<li><a href="${columnHref(slug, c.code)}">${c.name}</a>${countTag(d.counts.get(c.id))}${columnTree(slug, d.cat, c.id, d.counts)}</li>`)}</ul>` : ''}`;
  return finishPublicationPage(env, site, o, { title: `政府信息公开 - ${unit.name}`, crumbs: [...unitCrumbs(site, unit, '信息公开')], main, unit });
}

export interface ColumnPageData {
  cat: UnitCatalogue;
  column: CatalogueColumn;
  path: CatalogueColumn[];
  page: number;
  total: number;
  rows: ListRow[];
  counts: Map<string, number>;
  /** Extra content above the list (the gknb column shows the published annual reports: report-pages.ts). */
  extra?: Html | undefined;
}

export const pageCount = (total: number): number => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** Page links: first, last, and two either side of the current one; the current page is marked for screen readers. */
export function pager(href: (page: number) => string, page: number, pages: number): Html {
  if (pages <= 1) return h``;
  const shown = [...new Set([1, pages, ...[-2, -1, 0, 1, 2].map((d) => page + d)])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items: Html[] = [];
  let prev = 0;
  for (const p of shown) {
    if (p - prev > 1) items.push(h`<li class="gap" aria-hidden="true">…</li>`);
    items.push(p === page
      ? h`<li><a href="${href(p)}" aria-current="page"><span class="vh">第</span>${p}<span class="vh">页</span></a></li>`
      : h`<li><a href="${href(p)}"><span class="vh">第</span>${p}<span class="vh">页</span></a></li>`);
    prev = p;
  }
  return h`<nav class="pager" aria-label="分页"><ul>${page > 1 ? h`<li><a href="${href(page - 1)}" rel="prev">上一页</a></li>` : ''}${items}${page < pages
    ? h`<li><a href="${href(page + 1)}" rel="next">下一页</a></li>` : ''}</ul></nav>`;
}

export async function renderColumnPage(env: PageEnv, site: Site, d: ColumnPageData, o: RenderOptions = DYNAMIC): Promise<string> {
  const { unit } = d.cat;
  const slug = unit.slug;
  const c = d.column;
  const pages = pageCount(d.total);
  const kids = d.cat.children.get(c.id) ?? [];
  const rss = feedHref(slug, c.code, 'rss');
  const atom = feedHref(slug, c.code, 'atom');
  const head = h`<link rel="alternate" type="application/rss+xml" title="${c.name} - ${unit.name}（RSS）" href="${rss}">
<link rel="alternate" type="application/atom+xml" title="${c.name} - ${unit.name}（Atom）" href="${atom}">
`;
  const main = h`<h1>${c.name}</h1>
<p class="meta">${unit.name} · 共 ${d.total} 条${pages > 1 ? h` · 第 ${d.page} 页，共 ${pages} 页` : ''}</p>
${c.description ? h`<p>${c.description}</p>` : ''}
${kids.length ? h`<nav class="subcols" aria-label="下级栏目"><h2>下级栏目</h2>${columnTree(slug, d.cat, c.id, d.counts)}</nav>` : ''}
${d.extra ?? ''}
${c.acceptsItems || d.total ? h`<h2 id="items" class="vh">信息列表</h2>${docList(slug, d.rows, 'items')}` : ''}
${pager((p) => columnHref(slug, c.code, p), d.page, pages)}
<p class="feeds">订阅本栏目：<a href="${rss}">RSS</a>　<a href="${atom}">Atom</a></p>`;
  const title = `${c.name}${d.page > 1 ? `（第${d.page}页）` : ''} - ${unit.name}`;
  return finishPublicationPage(env, site, o, { title, crumbs: publicationCrumbs(site, d.cat, d.path), main, unit, head });
}
