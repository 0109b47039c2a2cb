/** What every portal page needs to know about the site: the active unit tree, the sponsor, the page's URL. */
import type { Deps, Unit } from '../../domain/ports.js';
import { listPublicUnits } from '../../domain/units/unit-queries.js';
import { UnitTree } from '../../domain/units/tree.js';
import type { Html } from './html.js';
import { qrDataUri, renderPage, type Crumb } from './layout.js';
import type { Prefs } from './prefs.js';

export interface PageEnv {
  siteName: string;
  publicUrl: string;
  path: string;
  prefs: Prefs;
}

export interface Site {
  units: Unit[];
  byId: Map<string, Unit>;
  tree: UnitTree;
  /** The first top-level unit (normally the county/city government) is named as the site's sponsor. */
  sponsor: Unit | null;
}

export async function loadSite(deps: Deps): Promise<Site> {
  const units = await listPublicUnits(deps);
  const byId = new Map(units.map((u) => [u.id, u]));
  const sponsor = units.find((u) => !u.parentId || !byId.has(u.parentId)) ?? null;
  return { units, byId, tree: new UnitTree(units), sponsor };
}

export const unitHref = (u: Pick<Unit, 'slug'>, page: '' | 'guide' | 'about' = ''): string => `/u/${encodeURIComponent(u.slug)}/${page}`;

/** 首页 › ancestors (root first) › the unit, linked up to `unit`, then the page's own label if any. */
export function unitCrumbs(site: Site, unit: Unit, pageLabel?: string): Crumb[] {
  const up = site.tree.ancestors(unit.id).reverse().map((id) => site.byId.get(id)).filter((u): u is Unit => !!u);
  const list: Crumb[] = [{ label: '首页', href: '/' }, ...up.map((u) => ({ label: u.name, href: unitHref(u) }))];
  list.push({ label: unit.name, href: unitHref(unit) });
  if (pageLabel) list.push({ label: pageLabel });
  return list;
}

export async function finishPage(env: PageEnv, site: Site, page: { title: string; crumbs: Crumb[]; main: Html; unit?: Unit | null; qr?: boolean }): Promise<string> {
  const absoluteUrl = env.publicUrl + env.path;
  return renderPage({
    siteName: env.siteName,
    path: env.path,
    prefs: env.prefs,
    title: page.title,
    crumbs: page.crumbs,
    main: page.main,
    unit: page.unit ?? null,
    sponsor: site.sponsor,
    absoluteUrl,
    qrDataUri: page.qr === false ? undefined : await qrDataUri(absoluteUrl),
  });
}
