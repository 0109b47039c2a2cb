/**
 * An information item's page (/u/<slug>/i/<id>): the metadata table as government sites show it (索引号, 发布机构,
 * 生成日期, 文号, 主题分类, 体裁分类, 公开方式, 公开时限, 公开范围, 有效性, 发布日期), the correction notice, the body,
 * the attachments with type and size, related items (政策解读 ↔ policy, amendments, repeals), the print view
 * (?print=1) and, once withdrawn, the withdrawal notice in place of the content (Art. 26 practice: the URL says
 * what happened, it does not vanish).
 */
import { sanitizeBody } from '../../domain/publications/sanitize.js';
import { VALIDITY_LABELS, type CatalogueColumn } from '../../domain/publications/model.js';
import { beijingDate, h, raw, type Html } from './html.js';
import type { ItemPageData, UnitCatalogue } from './publication-data.js';
import { columnHref, fileHref, fileSize, fileTypeLabel, itemHref, printHref, xxgkHref } from './publication-links.js';
import { DYNAMIC, finishPublicationPage, publicationCrumbs, type RenderOptions } from './publication-pages.js';
import type { PageEnv, Site } from './site.js';

export interface ItemPageInput {
  cat: UnitCatalogue;
  column: CatalogueColumn;
  path: CatalogueColumn[];
  data: ItemPageData;
  /** Views up to yesterday; null where nothing counts them (the static export). */
  views: number | null;
  print?: boolean;
}

const NONE = (text: string) => h`<span class="empty">${text}</span>`;

function validityText(d: ItemPageData): Html | string {
  const i = d.item;
  if (!i.validity) return NONE('不涉及');
  const label = VALIDITY_LABELS[i.validity];
  if (i.validity === 'inForce') return i.effectiveOn ? h`${label}（自 <time datetime="${i.effectiveOn}">${i.effectiveOn}</time> 起施行）` : label;
  return i.validityChangedOn ? h`${label}（<time datetime="${i.validityChangedOn}">${i.validityChangedOn}</time>）` : label;
}

function metaTable(d: ItemPageData, views: number | null): Html {
  const i = d.item;
  const date = (v: string | null) => (v ? h`<time datetime="${v}">${v}</time>` : NONE('无'));
  const pairs: [string, Html | string, string, Html | string][] = [
    ['索引号', i.indexNumber ?? NONE('无'), '发布机构', i.publisher],
    ['生成日期', date(i.createdOn), '文号', i.docNumber ?? NONE('无')],
    ['主题分类', i.subject ?? NONE('无'), '体裁分类', i.genre ?? NONE('无')],
    ['公开方式', i.disclosureMethod, '公开时限', i.disclosurePeriod],
    ['公开范围', i.disclosureScope, '有效性', validityText(d)],
  ];
  const last = views === null
    ? h`<tr><th scope="row">发布日期</th><td colspan="3">${date(i.publishedOn)}</td></tr>`
    : h`<tr><th scope="row">发布日期</th><td>${date(i.publishedOn)}</td><th scope="row">浏览次数</th><td>${views}<span class="hint-inline">（截至昨日）</span></td></tr>`;
  return h`<table class="meta-table"><caption class="vh">信息属性</caption><tbody>
<tr><th scope="row">名称</th><td colspan="3">${i.title}</td></tr>
${pairs.map(([k1, v1, k2, v2]) => h`<tr><th scope="row">${k1}</th><td>${v1}</td><th scope="row">${k2}</th><td>${v2}</td></tr>`)}
${last}
${i.keywords.length ? h`<tr><th scope="row">关键词</th><td colspan="3">${i.keywords.join('；')}</td></tr>` : ''}
${i.summary.trim() ? h`<tr><th scope="row">内容概述</th><td colspan="3">${i.summary}</td></tr>` : ''}
</tbody></table>`;
}

function attachmentsList(slug: string, d: ItemPageData, links: boolean): Html {
  if (!d.attachments.length) return h``;
  return h`<section class="files" aria-labelledby="files"><h2 id="files">附件</h2><ol>${d.attachments.map((a) => {
    const what = h`<span class="file-meta">（${fileTypeLabel(a.mime)}，${fileSize(a.size)}）</span>`;
    return links ? h`<li><a href="${fileHref(slug, d.item.id, a.id)}" download>${a.filename}</a>${what}</li>` : h`<li>${a.filename}${what}</li>`;
  })}</ol></section>`;
}

function relatedList(d: ItemPageData): Html {
  if (!d.related.length) return h``;
  const groups = new Map<string, ItemPageData['related']>();
  for (const r of d.related) groups.set(r.label, [...(groups.get(r.label) ?? []), r]);
  return h`<section class="related" aria-labelledby="related"><h2 id="related">相关信息</h2>${[...groups].map(([label, list]) => h`<h3>${label}</h3><ul>${list.map((r) =>
    h`<li><a href="${itemHref(r.slug, r.id)}">${r.title}</a>${r.docNumber ? h`<span class="doc-no">${r.docNumber}</span>` : ''}${r.withdrawn ? h`<span class="tag">已撤回</span>` : ''}</li>`)}</ul>`)}</section>`;
}

function correction(d: ItemPageData): Html {
  const i = d.item;
  if (!i.correctedAt) return h``;
  const day = beijingDate(i.correctedAt);
  return h`<p class="notice">本文于 <time datetime="${day}">${day}</time> 更正：${i.correctionNote ?? '内容更正'}</p>`;
}

export async function renderItemPage(env: PageEnv, site: Site, p: ItemPageInput, o: RenderOptions = DYNAMIC): Promise<string> {
  const { item } = p.data;
  const slug = p.cat.unit.slug;
  // Sanitised when saved (sanitize.ts); sanitised again here so that a row written by any other path cannot inject markup.
  const body = raw(sanitizeBody(item.bodyHtml));
  const crumbs = publicationCrumbs(site, p.cat, p.path, '正文');
  if (p.print) {
    const main = h`<article class="print-view"><h1>${item.title}</h1>
${correction(p.data)}
${metaTable(p.data, null)}
<div class="article-body">${body}</div>
${attachmentsList(slug, p.data, false)}
<p class="no-print"><a href="${itemHref(slug, item.id)}">返回正文页</a>　使用浏览器的“打印”功能（Ctrl+P）打印本页。</p></article>`;
    return finishPublicationPage(env, site, o, { title: `${item.title}（打印） - ${p.cat.unit.name}`, crumbs, main, unit: p.cat.unit, head: h`<meta name="robots" content="noindex">\n` });
  }
  const main = h`<article><h1>${item.title}</h1>
${correction(p.data)}
${metaTable(p.data, p.views)}
<div class="article-body">${body}</div>
${attachmentsList(slug, p.data, true)}
${relatedList(p.data)}
<p class="item-tools no-print"><a href="${printHref(slug, item.id)}">打印本页</a>　<a href="${columnHref(slug, p.column.code)}">返回${p.column.name}</a></p>
</article>`;
  return finishPublicationPage(env, site, o, { title: `${item.title} - ${p.cat.unit.name}`, crumbs, main, unit: p.cat.unit });
}

/** Shown at a withdrawn item's URL (HTTP 410 Gone): what was withdrawn, when, and why; no content, no files. */
export async function renderWithdrawnPage(env: PageEnv, site: Site, p: ItemPageInput, o: RenderOptions = DYNAMIC): Promise<string> {
  const { item } = p.data;
  const slug = p.cat.unit.slug;
  const day = item.withdrawnAt ? beijingDate(item.withdrawnAt) : '';
  const main = h`<h1>本信息已撤回</h1>
<p class="notice warn">本信息已于 <time datetime="${day}">${day}</time> 撤回。${item.withdrawalReason ? h`撤回原因：${item.withdrawalReason}` : ''}</p>
<table class="facts"><caption class="vh">已撤回信息</caption><tbody>
<tr><th scope="row">名称</th><td>${item.title}</td></tr>
<tr><th scope="row">索引号</th><td>${item.indexNumber ?? NONE('无')}</td></tr>
${item.docNumber ? h`<tr><th scope="row">文号</th><td>${item.docNumber}</td></tr>` : ''}
<tr><th scope="row">原发布日期</th><td>${item.publishedOn ?? ''}</td></tr>
</tbody></table>
<ul><li><a href="${columnHref(slug, p.column.code)}">查看${p.column.name}栏目的其他信息</a></li><li><a href="${xxgkHref(slug)}">返回${p.cat.unit.name}政府信息公开</a></li></ul>`;
  return finishPublicationPage(env, site, o, { title: `本信息已撤回 - ${p.cat.unit.name}`, crumbs: publicationCrumbs(site, p.cat, p.path, '已撤回'), main, unit: p.cat.unit, head: h`<meta name="robots" content="noindex">\n` });
}
