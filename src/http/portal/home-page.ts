/** `/`: every active unit as a tree, each government with its departments and townships grouped. */
import type { UnitType } from '../../domain/glossary.js';
import type { Unit } from '../../domain/ports.js';
import { h, type Html } from './html.js';
import { finishPage, unitHref, type PageEnv, type Site } from './site.js';

const GROUPS: { label: string; types: UnitType[] }[] = [
  { label: '下级人民政府', types: ['government'] },
  { label: '政府工作部门', types: ['generalOffice', 'department'] },
  { label: '乡镇（街道）', types: ['township', 'street'] },
  { label: '其他单位', types: ['other'] },
];

function childrenOf(site: Site, id: string): Unit[] {
  return site.units.filter((u) => u.parentId === id);
}

/** Deeper levels (e.g. a department's subordinate bodies) as a nested list under their parent. */
function subtree(site: Site, unit: Unit, depth: number): Html {
  const kids = depth < 8 ? childrenOf(site, unit.id) : [];
  if (!kids.length) return h``;
  return h`<ul class="tree">${kids.map((k) => h`<li><a href="${unitHref(k)}">${k.name}</a>${subtree(site, k, depth + 1)}</li>`)}</ul>`;
}

function rootSection(site: Site, root: Unit): Html {
  const kids = childrenOf(site, root.id);
  const groups = GROUPS.map((g) => ({ ...g, units: kids.filter((k) => g.types.includes(k.type)) })).filter((g) => g.units.length);
  return h`<section>
<h2><a href="${unitHref(root)}">${root.name}</a></h2>
${groups.map((g) => h`<div class="group"><h3>${g.label}</h3><ul class="cards">${g.units.map((u) =>
    h`<li><a class="title" href="${unitHref(u)}">${u.name}</a>${subtree(site, u, 1)}</li>`)}</ul></div>`)}
</section>`;
}

export async function renderHome(env: PageEnv, site: Site): Promise<string> {
  // A unit whose parent is not public (should not happen: deactivation needs active children moved first) is shown as a root.
  const roots = site.units.filter((u) => !u.parentId || !site.byId.has(u.parentId));
  const main = h`<h1>${env.siteName}</h1>
<p class="lead">本平台依照《中华人民共和国政府信息公开条例》设立，发布各单位的政府信息公开指南、机构概况等政府信息。请选择单位查看。</p>
${roots.length ? roots.map((r) => rootSection(site, r)) : h`<p class="empty">暂无单位信息。</p>`}`;
  return finishPage(env, site, { title: env.siteName, crumbs: [], main, unit: site.sponsor });
}
