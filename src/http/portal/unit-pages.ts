/**
 * A unit's public pages: its home (the standard disclosure columns), 政府信息公开指南 (Art. 12) and
 * 机构概况 (Art. 20(二)), plus the notice shown once a unit has been abolished or deactivated.
 */
import { UNIT_LEVELS, UNIT_TYPES } from '../../domain/glossary.js';
import type { Unit } from '../../domain/ports.js';
import type { getPublicUnitPage } from '../../domain/units/unit-queries.js';
import { beijingDate, externalLink, h, mailLink, paragraphs, type Html } from './html.js';
import { finishPage, unitCrumbs, unitHref, type PageEnv, type Site } from './site.js';

export type UnitPageData = NonNullable<Awaited<ReturnType<typeof getPublicUnitPage>>>;
export type UnitPageKind = 'home' | 'guide' | 'about';

const NONE = h`<span class="empty">暂无</span>`;
const text = (v: string | null | undefined): Html | string => (v && v.trim() ? v : NONE);

/** The unit's columns; 依申请公开 (apply-pages.ts) is the online application form of Art. 29. */
export function unitNav(unit: Unit, current: UnitPageKind | 'apply' | 'xxgk'): Html {
  const items: [UnitPageKind | 'apply' | 'xxgk', string, string][] = [
    ['home', '单位首页', unitHref(unit)],
    ['xxgk', '政府信息公开', `${unitHref(unit)}xxgk/`],
    ['guide', '政府信息公开指南', unitHref(unit, 'guide')],
    ['about', '机构概况', unitHref(unit, 'about')],
    ['apply', '依申请公开', `${unitHref(unit)}apply`],
  ];
  return h`<nav class="unit-nav" aria-label="本单位栏目"><ul>${items.map(([k, label, href]) =>
    h`<li><a href="${href}"${k === current ? h` aria-current="page"` : ''}>${label}</a></li>`)}</ul></nav>`;
}

export function factsTable(caption: string, rows: [string, Html | string][]): Html {
  return h`<table class="facts"><caption class="vh">${caption}</caption><tbody>${rows.map(([k, v]) =>
    h`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table>`;
}

/** The Art. 12 contact facts of the disclosure office (政府信息公开工作机构). */
export function officeFacts(u: Unit): [string, Html | string][] {
  return [
    ['政府信息公开工作机构名称', text(u.officeName)],
    ['办公地址', text(u.address)],
    ['办公时间', text(u.officeHours)],
    ['联系电话', text(u.phone)],
    ['传真', text(u.fax)],
    ['电子邮箱', u.email ? mailLink(u.email) : NONE],
    ['网址', u.website ? externalLink(u.website) : NONE],
    ['邮政编码', text(u.postcode)],
  ];
}

const later = (a: string, b: string) => (a > b ? a : b);

/** The four standard columns of 政府信息公开 (国办公开办函〔2019〕61号); the full catalogue is at xxgk/ (publication-pages.ts). */
function columns(unit: Unit): Html {
  const col = (code: string) => `${unitHref(unit)}c/${code}/`;
  const cols: { title: string; desc: string; href?: string }[] = [
    { title: '政府信息公开指南', desc: '公开的方式和途径、申请渠道、受理机构联系方式', href: unitHref(unit, 'guide') },
    { title: '政府信息公开制度', desc: '本单位政府信息公开工作制度', href: col('xxgkzd') },
    { title: '法定主动公开内容', desc: '《条例》第十九条至第二十一条规定主动公开的政府信息', href: col('fdzdgknr') },
    { title: '政府信息公开年报', desc: '上一年度政府信息公开工作年度报告（《条例》第四十九条）', href: col('gknb') },
  ];
  return h`<ul class="cards">${cols.map((c) => h`<li>${c.href
    ? h`<a class="title" href="${c.href}">${c.title}</a>`
    : h`<span class="title">${c.title}<span class="tag">栏目建设中</span></span>`}<p class="desc">${c.desc}</p></li>`)}</ul>`;
}

function homeMain(d: UnitPageData): Html {
  const u = d.unit;
  return h`<h1>${u.name}</h1>
<p class="meta">${UNIT_TYPES[u.type]} · ${UNIT_LEVELS[u.level]}</p>
${unitNav(u, 'home')}
<h2>政府信息公开</h2>
${columns(u)}
<p><a href="${unitHref(u)}xxgk/">查看全部信息公开栏目和最新信息</a></p>
<h2>机构概况</h2>
${factsTable('机构基本信息', [['机构名称', u.name], ['办公地址', text(u.address)], ['办公时间', text(u.officeHours)], ['联系电话', text(u.phone)]])}
<p><a href="${unitHref(u, 'about')}">查看机构职能、领导信息和内设机构</a></p>
${d.children.length ? h`<h2>下属单位</h2><ul class="cards">${d.children.map((c) => h`<li><a class="title" href="${unitHref(c)}">${c.name}</a></li>`)}</ul>` : ''}`;
}

function guideMain(d: UnitPageData): Html {
  const u = d.unit;
  // The contact table comes from the unit record, so the guide is as new as the later of the two.
  const updated = beijingDate(later(d.guideUpdatedAt, u.updatedAt));
  return h`<h1>${u.name}政府信息公开指南</h1>
<p class="meta">更新日期：<time datetime="${updated}">${updated}</time></p>
${unitNav(u, 'guide')}
<nav class="toc" aria-label="指南目录"><ol>${d.guide.map((s) => h`<li><a href="#${s.key}">${s.title}</a></li>`)}<li><a href="#office">受理机构信息</a></li></ol></nav>
${d.guide.map((s) => h`<section><h2 id="${s.key}">${s.title}</h2><div class="section-text">${paragraphs(s.text)}</div></section>`)}
<section><h2 id="office">受理机构信息</h2>
${factsTable('受理机构信息', officeFacts(u))}
</section>`;
}

function aboutMain(d: UnitPageData): Html {
  const u = d.unit;
  const updated = beijingDate(u.updatedAt);
  const leaders = u.leaders.length
    ? h`<table class="data"><thead><tr><th scope="col">姓名</th><th scope="col">职务</th><th scope="col">工作分工</th></tr></thead><tbody>${u.leaders.map((l) =>
      h`<tr><td>${l.name}</td><td data-label="职务">${l.title}</td><td data-label="工作分工">${text(l.duties)}</td></tr>`)}</tbody></table>`
    : h`<p class="empty">暂无信息</p>`;
  const bodies = u.internalBodies.length
    ? h`<table class="data"><thead><tr><th scope="col">机构名称</th><th scope="col">主要职责</th><th scope="col">联系电话</th></tr></thead><tbody>${u.internalBodies.map((b) =>
      h`<tr><td>${b.name}</td><td data-label="主要职责">${text(b.duties)}</td><td class="tel" data-label="联系电话">${text(b.phone)}</td></tr>`)}</tbody></table>`
    : h`<p class="empty">暂无信息</p>`;
  // Art. 20(二): 机构职能、机构设置、办公地址、办公时间、联系方式、负责人姓名.
  return h`<h1>${u.name}机构概况</h1>
<p class="meta">更新日期：<time datetime="${updated}">${updated}</time></p>
${unitNav(u, 'about')}
<h2>基本信息</h2>
${factsTable('基本信息', [['机构名称', u.name], ['办公地址', text(u.address)], ['办公时间', text(u.officeHours)], ['联系电话', text(u.phone)], ['传真', text(u.fax)], ['邮政编码', text(u.postcode)]])}
<h2>主要职能</h2>
${u.functions && u.functions.trim() ? h`<div class="section-text">${paragraphs(u.functions)}</div>` : h`<p class="empty">暂无信息</p>`}
<h2>领导信息</h2>
${leaders}
<h2>内设机构</h2>
${bodies}`;
}

const LABELS: Record<UnitPageKind, string | undefined> = { home: undefined, guide: '政府信息公开指南', about: '机构概况' };

export async function renderUnitPage(env: PageEnv, site: Site, d: UnitPageData, kind: UnitPageKind): Promise<string> {
  const main = kind === 'guide' ? guideMain(d) : kind === 'about' ? aboutMain(d) : homeMain(d);
  const label = LABELS[kind];
  return finishPage(env, site, { title: label ? `${label} - ${d.unit.name}` : d.unit.name, crumbs: unitCrumbs(site, d.unit, label), main, unit: d.unit });
}

/** 410: the unit was abolished or merged. Its records stay (deactivate-unit.ts); its pages say so instead of vanishing. */
export async function renderGonePage(env: PageEnv, site: Site, d: UnitPageData): Promise<string> {
  const u = d.unit;
  const parent = d.parent && d.parent.status === 'active' ? d.parent : null;
  const since = u.deactivatedAt ? beijingDate(u.deactivatedAt) : '';
  const main = h`<h1>该单位已撤销/停用</h1>
<p>“${u.name}”${since ? h`已于 <time datetime="${since}">${since}</time> ` : '已'}撤销或停用，本单位栏目不再更新。</p>
<ul>${parent ? h`<li><a href="${unitHref(parent)}">访问上级单位：${parent.name}</a></li>` : ''}<li><a href="/">返回首页</a></li></ul>`;
  const crumbs = [{ label: '首页', href: '/' }, { label: u.name }];
  return finishPage(env, site, { title: `该单位已撤销/停用 - ${u.name}`, crumbs, main, unit: parent, qr: false });
}
