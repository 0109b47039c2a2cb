/**
 * `gongkai export-site <dir>`: the published portal as static files, incrementally.
 *
 * The manifest (<dir>/.gongkai-export.json) records each file's content hash, each public item's state
 * (updatedAt, status, column) and each unit's fingerprint (unit record, guide date, column tree). A run re-renders
 * only what changed since: changed items, the items linked to them (their related-links titles), the pages and
 * feeds of the columns they are in (the order shifts), and their unit's pages; a change to the site itself (any unit
 * record, the stylesheet, the site name or URLs, the renderer format) re-renders everything. Only files whose
 * bytes differ are written; files a re-rendered scope no longer produces (a column's last page, a withdrawn
 * item's attachments, an item no longer public) are deleted. A withdrawn item's page becomes its withdrawal notice.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../../domain/ports.js';
import { PORTAL_CSS, PORTAL_CSS_PATH } from '../../http/portal/portal-css.js';
import { loadSite } from '../../http/portal/site.js';
import { sitemapFiles, sitemapIndex } from '../../http/portal/sitemap.js';
import { catalogues, exportColumn, exportHome, exportItems, exportUnit, type ExportContext } from './export-pages.js';
import { staticHref } from './paths.js';
import { runItemJob, type ItemJob, type SpawnItemWorker } from './parallel.js';
import { SiteWriter, type WriteStats } from './site-writer.js';

/** Bump when the static rendering changes, so that the next run re-renders everything. */
const FORMAT = 2;
export const MANIFEST = '.gongkai-export.json';
const BATCH = 500;
/** Re-read items changed this long before the last run's newest change: a transaction may commit after it started. */
const SINCE_MARGIN_MS = 10 * 60_000;

interface Manifest {
  format: number;
  renderKey: string;
  /** relative path → content hash */
  files: Record<string, string>;
  /** item id → "updatedAt|status|columnId|slug" */
  items: Record<string, string>;
  /** unit id → fingerprint */
  units: Record<string, string>;
  /** Latest updatedAt seen: the next run reads items changed since (minus SINCE_MARGIN_MS). */
  maxUpdatedAt: string;
}

export interface ExportOptions {
  dir: string;
  siteName: string;
  /** Where the static copy will be served, for absolute URLs (QR codes, feeds, sitemap). */
  baseUrl: string;
  /** The dynamic portal, for what cannot be static (application form, search, reading preferences). */
  dynamicBase: string;
  /** Re-render everything (files whose bytes did not change are still left alone). */
  full?: boolean;
  /** Processes rendering item pages (this one included) when there are many; needs `spawnWorker`. */
  workers?: number;
  spawnWorker?: SpawnItemWorker | undefined;
  /** Fewest item pages worth starting helpers for (default PARALLEL_MIN; tests lower it). */
  parallelMin?: number | undefined;
}

/** Below this many item pages one process is quicker than starting helpers (~1 s each). */
const PARALLEL_MIN = 4000;

export interface ExportResult extends WriteStats {
  full: boolean;
  items: number;
  renderedItems: number;
  renderedColumns: number;
  renderedUnits: number;
  seconds: number;
  /** CPU time (user + system) of this process during the export: the wall time on an otherwise idle core. */
  cpuSeconds: number;
}

/** The scope a file belongs to: an item's directory, a column's directory, the sitemap files, or the file itself. */
function scopeOf(rel: string): string {
  const m = /^(u\/[^/]+\/[ic]\/[^/]+\/)/.exec(rel);
  if (m) return m[1] as string;
  const sm = /^sitemap-([a-z0-9-]+)(\.\d+)?\.xml$/.exec(rel);
  return sm ? `sitemap:${sm[1]}` : rel;
}

const sha = (s: string) => createHash('sha1').update(s).digest('base64url');

function readManifest(dir: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    return m.format === FORMAT ? m : null;
  } catch {
    return null;
  }
}

export async function exportSite(deps: Deps, o: ExportOptions): Promise<ExportResult> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const dir = path.resolve(o.dir);
  fs.mkdirSync(dir, { recursive: true });
  const baseUrl = o.baseUrl.replace(/\/+$/, '');
  const dynamicBase = o.dynamicBase.replace(/\/+$/, '');
  const old = readManifest(dir);
  const site = await loadSite(deps);
  const read = deps.store.read.bind(deps.store);

  const { columns, guides } = await read(async (r) => {
    const guides = new Map<string, string>();
    for (const u of site.units) guides.set(u.id, (await r.guides.get(u.id))?.updatedAt ?? '');
    return { columns: await r.portal.allColumns(), guides };
  });
  const cats = catalogues(site, columns);
  const renderKey = sha(JSON.stringify([FORMAT, PORTAL_CSS_PATH, o.siteName, baseUrl, dynamicBase, site.units]));
  const full = !!o.full || !old || old.renderKey !== renderKey;
  const files = new Map(Object.entries(old?.files ?? {}));
  const writer = new SiteWriter(dir, files);
  const unitFp = new Map<string, string>();
  for (const [id, cat] of cats) unitFp.set(id, sha(JSON.stringify([guides.get(id), cat.columns])));
  const stateOf = (h: { updatedAt: string; status: string; columnId: string; unitId: string }) => `${h.updatedAt}|${h.status}|${h.columnId}|${cats.get(h.unitId)!.unit.slug}`;
  const field = (state: string, n: number) => state.split('|')[n] as string;

  const dirtyUnits = new Set<string>();
  const dirtyColumns = new Set<string>();
  const dirtyItems = new Set<string>();
  const scopes = new Set<string>(); // scopes (see scopeOf) whose stale files are deleted
  let itemState: Map<string, string>;
  let maxUpdatedAt = old?.maxUpdatedAt ?? '';
  if (full) {
    // Every public item, by primary key.
    const heads = await read(async (r) => {
      const out = [];
      for (let after: string | null = null; ;) {
        const page = await r.portal.scanPublicHeads(after, 10_000);
        out.push(...page.rows);
        if (!page.last) break;
        after = page.last;
      }
      return out;
    });
    itemState = new Map();
    for (const h of heads) {
      if (h.updatedAt > maxUpdatedAt) maxUpdatedAt = h.updatedAt;
      if (cats.has(h.unitId)) itemState.set(h.id, stateOf(h));
    }
    for (const id of cats.keys()) dirtyUnits.add(id);
    for (const c of columns) if (cats.has(c.unitId)) dirtyColumns.add(c.id);
    for (const id of itemState.keys()) dirtyItems.add(id);
  } else {
    // Only rows changed since the last run (with a margin for transactions that committed late), not all items.
    itemState = new Map(Object.entries(old!.items));
    const since = new Date(Date.parse(old!.maxUpdatedAt || '1970-01-01T00:00:00.000Z') - SINCE_MARGIN_MS).toISOString();
    for (const h of await read((r) => r.portal.changedSince(since))) {
      if (h.updatedAt > maxUpdatedAt) maxUpdatedAt = h.updatedAt;
      const before = itemState.get(h.id);
      const visible = cats.has(h.unitId) && (h.status === 'published' || h.status === 'withdrawn');
      const now = visible ? stateOf(h) : undefined;
      if (before === now) continue;
      if (before) {
        dirtyColumns.add(field(before, 2));
        scopes.add(`u/${field(before, 3)}/i/${h.id}/`);
      }
      if (now) {
        itemState.set(h.id, now);
        dirtyItems.add(h.id);
        dirtyColumns.add(h.columnId);
      } else itemState.delete(h.id);
      if (cats.has(h.unitId)) dirtyUnits.add(h.unitId);
    }
    const changedUnits = [...unitFp].filter(([id, fp]) => old!.units[id] !== fp).map(([id]) => cats.get(id)!.unit.slug);
    for (const [id, fp] of unitFp) {
      if (old!.units[id] === fp) continue;
      dirtyUnits.add(id);
      for (const c of cats.get(id)!.columns) dirtyColumns.add(c.id);
    }
    if (changedUnits.length) for (const [id, state] of itemState) if (changedUnits.includes(field(state, 3))) dirtyItems.add(id);
    if (dirtyItems.size) {
      // Pages that show a changed item's title in their related links.
      const linked = await read((r) => r.portal.linksOf([...dirtyItems]));
      for (const l of linked) for (const id of [l.fromId, l.toId]) if (itemState.has(id)) dirtyItems.add(id);
    }
  }
  const unitOfColumn = new Map(columns.map((c) => [c.id, c.unitId]));
  for (const c of dirtyColumns) if (cats.has(unitOfColumn.get(c) ?? '')) dirtyUnits.add(unitOfColumn.get(c)!);
  // Published items per column of the units whose pages are rendered (their pages show the counts).
  const counts = new Map<string, number>();
  await read(async (r) => {
    for (const id of dirtyUnits) for (const c of await r.publications.countPublishedByColumn(id)) counts.set(c.columnId, c.count);
  });

  const x: ExportContext = { deps, site, siteName: o.siteName, baseUrl, dynamicBase, writer, counts, catalogues: cats };
  if (full) {
    writer.write(PORTAL_CSS_PATH.slice(1), PORTAL_CSS);
    await exportHome(x);
  } else {
    writer.keep(PORTAL_CSS_PATH.slice(1));
  }
  // Items first, then the lists that link to them: a file server never offers a link to a page not yet written.
  let renderedItems = 0;
  const itemIds = [...dirtyItems];
  for (const id of itemIds) scopes.add(`u/${itemState.get(id)!.split('|')[3]}/i/${id}/`);
  const workers = Math.max(1, Math.min(o.workers ?? 1, 8));
  if (workers > 1 && o.spawnWorker && itemIds.length >= (o.parallelMin ?? PARALLEL_MIN)) {
    // Shares of the items to helper processes, the last share here; files merged into this run's record.
    const per = Math.ceil(itemIds.length / workers);
    const shares = Array.from({ length: workers }, (_, k) => itemIds.slice(k * per, (k + 1) * per));
    const filesOf = (ids: string[]) => {
      const wanted = new Set(ids.map((id) => `u/${itemState.get(id)!.split('|')[3]}/i/${id}/`));
      const out: Record<string, string> = {};
      for (const [rel, hash] of files) if (wanted.has(scopeOf(rel))) out[rel] = hash;
      return out;
    };
    const job = (ids: string[]): ItemJob => ({ dir, siteName: o.siteName, baseUrl, dynamicBase, ids, files: filesOf(ids) });
    const helpers = shares.slice(0, -1).map((ids) => o.spawnWorker!(job(ids)));
    const own = runItemJob(deps, job(shares[shares.length - 1]!), BATCH);
    for (const res of await Promise.all([...helpers, own])) {
      for (const [rel, hash] of res.produced) {
        writer.produced.add(rel);
        if (hash) files.set(rel, hash);
      }
      for (const k of ['written', 'unchanged', 'deleted', 'bytes'] as const) writer.stats[k] += res.stats[k];
      renderedItems += res.rendered;
    }
  } else {
    for (let i = 0; i < itemIds.length; i += BATCH) {
      const batch = itemIds.slice(i, i + BATCH);
      renderedItems += await read((r) => exportItems(x, r, batch));
    }
  }

  const byId = new Map(columns.map((c) => [c.id, c]));
  await read(async (r) => {
    for (const id of dirtyColumns) {
      const c = byId.get(id);
      const cat = c && cats.get(c.unitId);
      if (!c || !cat) continue;
      scopes.add(`u/${cat.unit.slug}/c/${c.code}/`);
      await exportColumn(x, r, c);
    }
    for (const id of dirtyUnits) await exportUnit(x, r, id);
  });
  // Sitemaps: an index, one file for the site's pages and one per unit (split at 50,000 URLs); only the files of
  // units whose pages changed are rebuilt, from that unit's published items.
  const href = (p: string) => staticHref(p, { dynamicBase, fileExt: () => undefined });
  const maps: string[] = [];
  const site0 = sitemapFiles({ units: [], columns: [], lastByColumn: new Map(), items: [] }, baseUrl, href);
  writer.write('sitemap_site.xml', site0[0] as string);
  maps.push(`${baseUrl}/sitemap_site.xml`);
  const previous = new Map<string, string[]>();
  for (const rel of files.keys()) {
    if (!rel.startsWith('sitemap-')) continue;
    const scope = scopeOf(rel);
    previous.set(scope, [...(previous.get(scope) ?? []), rel]);
  }
  await read(async (r) => {
    for (const [id, cat] of cats) {
      const prefix = `sitemap-${cat.unit.slug}`;
      if (!dirtyUnits.has(id)) {
        for (const rel of (previous.get(`sitemap:${cat.unit.slug}`) ?? []).sort()) {
          writer.keep(rel);
          maps.push(`${baseUrl}/${rel}`);
        }
        continue;
      }
      const items = await r.portal.publishedHeadsOfUnit(id);
      const parts = sitemapFiles({ units: [cat.unit], columns: cat.columns, lastByColumn: new Map(), items }, baseUrl, href, undefined, false);
      const list = parts.length > 1 ? parts.slice(1) : parts;
      list.forEach((text, n) => {
        const rel = list.length > 1 ? `${prefix}.${n + 1}.xml` : `${prefix}.xml`;
        writer.write(rel, text);
        maps.push(`${baseUrl}/${rel}`);
      });
      scopes.add(`sitemap:${cat.unit.slug}`);
    }
  });
  writer.write('sitemap.xml', sitemapIndex(maps));

  if (full) writer.prune(() => true);
  else writer.prune((rel) => scopes.has(scopeOf(rel)));

  const manifest: Manifest = { format: FORMAT, renderKey, files: Object.fromEntries(files), items: Object.fromEntries(itemState), units: Object.fromEntries(unitFp), maxUpdatedAt };
  const tmp = path.join(dir, `${MANIFEST}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(manifest));
  fs.renameSync(tmp, path.join(dir, MANIFEST));
  return {
    ...writer.stats, full, items: itemState.size, renderedItems, renderedColumns: dirtyColumns.size, renderedUnits: dirtyUnits.size,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(cpu)),
  };
}
