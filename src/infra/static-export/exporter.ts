/**
 * `gongkai export-site <dir>`: the published portal as static files, incrementally.
 *
 * The manifest (<dir>/.gongkai-export.sqlite, manifest.ts) records each file's content hash, each public item's
 * state (updatedAt, status, column, unit) and each unit's fingerprint (unit record, guide date, column tree). A run
 * finds the items changed since the last run by their updatedAt (an indexed read, not a scan of every item) and
 * re-renders only what depends on them: the changed items, the items linked to them (their related-links titles),
 * the pages and feeds of the columns they are in and were in (the order shifts), their unit's pages and sitemap; a
 * change to the site itself (any unit record, the stylesheet, the site name or URLs, the renderer format)
 * re-renders everything. Only files whose bytes differ are written; files a re-rendered scope no longer produces
 * (a column's last page, a withdrawn item's attachments, an item no longer public) are deleted. A withdrawn item's
 * page becomes its withdrawal notice.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../../domain/ports.js';
import { PORTAL_CSS, PORTAL_CSS_PATH } from '../../http/portal/portal-css.js';
import { loadSite } from '../../http/portal/site.js';
import { sitemapFiles, sitemapIndex } from '../../http/portal/sitemap.js';
import { catalogues, exportColumn, exportHome, exportUnit, type ExportContext } from './export-pages.js';
import { ExportManifest, slugOfState, type ManifestMeta } from './manifest.js';
import { staticHref } from './paths.js';
import { renderItems, type ItemJob, type SpawnItemWorker } from './parallel.js';
import { SiteWriter, type WriteStats } from './site-writer.js';

/** Bump when the static rendering changes, so that the next run re-renders everything. */
const FORMAT = 3;
const BATCH = 500;
/** Re-read items changed this long before the last run's newest change: a transaction may commit after it started. */
const SINCE_MARGIN_MS = 10 * 60_000;

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

const sha = (s: string) => createHash('sha1').update(s).digest('base64url');
const itemScope = (id: string, state: string) => `u/${slugOfState(state)}/i/${id}/`;

export async function exportSite(deps: Deps, o: ExportOptions): Promise<ExportResult> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const dir = path.resolve(o.dir);
  fs.mkdirSync(dir, { recursive: true });
  const manifest = ExportManifest.open(dir);
  try {
    const r = await run(deps, o, dir, manifest);
    return { ...r, seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(cpu)) };
  } finally {
    manifest.close();
  }
}

async function run(deps: Deps, o: ExportOptions, dir: string, manifest: ExportManifest): Promise<Omit<ExportResult, 'seconds' | 'cpuSeconds'>> {
  const baseUrl = o.baseUrl.replace(/\/+$/, '');
  const dynamicBase = o.dynamicBase.replace(/\/+$/, '');
  const old = manifest.meta(FORMAT);
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
  // Hashes recorded by an older format are not trusted: every file is written again.
  const writer = new SiteWriter(dir, old ? (rel) => manifest.fileHash(rel) : () => undefined);
  const unitFp = new Map<string, string>();
  for (const [id, cat] of cats) unitFp.set(id, sha(JSON.stringify([guides.get(id), cat.columns])));
  const stateOf = (h: { updatedAt: string; status: string; columnId: string; unitId: string }) => `${h.updatedAt}|${h.status}|${h.columnId}|${cats.get(h.unitId)!.unit.slug}`;
  const columnOfState = (state: string) => state.split('|')[2] as string;

  const dirtyUnits = new Set<string>();
  const dirtyColumns = new Set<string>();
  const dirtyItems = new Set<string>();
  const scopes = new Set<string>(); // scopes (see scopeOf) whose stale files are deleted
  /** Item states changed by this run (null: no longer public); on a full run, every item's state. */
  const itemChanges = new Map<string, string | null>();
  const stateNow = (id: string): string | undefined => {
    const c = itemChanges.get(id);
    if (c !== undefined || full) return c ?? undefined;
    return manifest.itemState(id);
  };
  let itemCount = 0;
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
    for (const h of heads) {
      if (h.updatedAt > maxUpdatedAt) maxUpdatedAt = h.updatedAt;
      if (cats.has(h.unitId)) itemChanges.set(h.id, stateOf(h));
    }
    itemCount = itemChanges.size;
    for (const id of cats.keys()) dirtyUnits.add(id);
    for (const c of columns) if (cats.has(c.unitId)) dirtyColumns.add(c.id);
    for (const id of itemChanges.keys()) dirtyItems.add(id);
  } else {
    // Only rows changed since the last run (with a margin for transactions that committed late), not all items.
    itemCount = manifest.itemCount();
    const since = new Date(Date.parse(old!.maxUpdatedAt || '1970-01-01T00:00:00.000Z') - SINCE_MARGIN_MS).toISOString();
    for (const h of await read((r) => r.portal.changedSince(since))) {
      if (h.updatedAt > maxUpdatedAt) maxUpdatedAt = h.updatedAt;
      const before = stateNow(h.id);
      const visible = cats.has(h.unitId) && (h.status === 'published' || h.status === 'withdrawn');
      const now = visible ? stateOf(h) : undefined;
      if (before === now) continue;
      if (before) {
        dirtyColumns.add(columnOfState(before));
        scopes.add(itemScope(h.id, before));
      }
      itemCount += (now ? 1 : 0) - (before ? 1 : 0);
      itemChanges.set(h.id, now ?? null);
      if (now) {
        dirtyItems.add(h.id);
        dirtyColumns.add(h.columnId);
      }
      if (cats.has(h.unitId)) dirtyUnits.add(h.unitId);
    }
    for (const [id, fp] of unitFp) {
      if (old!.units[id] === fp) continue;
      // The unit's column tree or guide changed: every page of the unit shows them.
      dirtyUnits.add(id);
      for (const c of cats.get(id)!.columns) dirtyColumns.add(c.id);
      for (const item of manifest.itemsOfSlug(cats.get(id)!.unit.slug)) if (stateNow(item)) dirtyItems.add(item);
    }
    if (dirtyItems.size) {
      // Pages that show a changed item's title in their related links.
      const linked = await read((r) => r.portal.linksOf([...dirtyItems]));
      for (const l of linked) for (const id of [l.fromId, l.toId]) if (stateNow(id)) dirtyItems.add(id);
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
  for (const id of itemIds) scopes.add(itemScope(id, stateNow(id)!));
  const workers = Math.max(1, Math.min(o.workers ?? 1, 8));
  if (workers > 1 && o.spawnWorker && itemIds.length >= (o.parallelMin ?? PARALLEL_MIN)) {
    // Shares of the items to helper processes (they read the manifest's hashes themselves), the last share here;
    // what they wrote is merged into this run's record.
    const per = Math.ceil(itemIds.length / workers);
    const shares = Array.from({ length: workers }, (_, k) => itemIds.slice(k * per, (k + 1) * per));
    const job = (ids: string[]): ItemJob => ({ dir, siteName: o.siteName, baseUrl, dynamicBase, ids });
    const helpers = shares.slice(0, -1).map((ids) => o.spawnWorker!(job(ids)));
    renderedItems += await renderItems(x, shares[shares.length - 1]!, BATCH);
    for (const res of await Promise.all(helpers)) {
      for (const rel of res.produced) writer.produced.add(rel);
      for (const [rel, hash] of res.changed) writer.changes.set(rel, hash);
      for (const k of ['written', 'unchanged', 'deleted', 'bytes'] as const) writer.stats[k] += res.stats[k];
      renderedItems += res.rendered;
    }
  } else {
    renderedItems += await renderItems(x, itemIds, BATCH);
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
  await read(async (r) => {
    for (const [id, cat] of cats) {
      const prefix = `sitemap-${cat.unit.slug}`;
      if (!dirtyUnits.has(id)) {
        for (const rel of manifest.filesIn([`sitemap:${cat.unit.slug}`]).sort()) {
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

  writer.prune(full ? manifest.allFiles() : manifest.filesIn(scopes));

  const meta: ManifestMeta = { format: FORMAT, renderKey, maxUpdatedAt, units: Object.fromEntries(unitFp) };
  // Nothing changed: the record is left as it is (not even rewritten).
  if (writer.changes.size || itemChanges.size || JSON.stringify(meta) !== JSON.stringify(old)) {
    manifest.commit({ files: writer.changes, items: itemChanges, replaceItems: full, meta });
  }
  return {
    ...writer.stats, full, items: itemCount, renderedItems, renderedColumns: dirtyColumns.size, renderedUnits: dirtyUnits.size,
  };
}
