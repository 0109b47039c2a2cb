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
import { sitemapFiles } from '../../http/portal/sitemap.js';
import { catalogues, exportColumn, exportHome, exportItems, exportUnit, type ExportContext } from './export-pages.js';
import { staticHref } from './paths.js';
import { runItemJob, type ItemJob, type SpawnItemWorker } from './parallel.js';
import { SiteWriter, type WriteStats } from './site-writer.js';

/** Bump when the static rendering changes, so that the next run re-renders everything. */
const FORMAT = 1;
export const MANIFEST = '.gongkai-export.json';
const BATCH = 500;

interface Manifest {
  format: number;
  renderKey: string;
  /** relative path → content hash */
  files: Record<string, string>;
  /** item id → "updatedAt|status|columnId|slug" */
  items: Record<string, string>;
  /** unit id → fingerprint */
  units: Record<string, string>;
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
  return rel.startsWith('sitemap') ? 'sitemap' : rel;
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

  const { columns, heads, guides } = await read(async (r) => {
    const columns = await r.portal.allColumns();
    const heads = [];
    for (let after: string | null = null; ;) {
      const page = await r.portal.scanPublicHeads(after, 10_000);
      heads.push(...page.rows);
      if (!page.last) break;
      after = page.last;
    }
    const guides = new Map<string, string>();
    for (const u of site.units) guides.set(u.id, (await r.guides.get(u.id))?.updatedAt ?? '');
    return { columns, heads, guides };
  });
  const cats = catalogues(site, columns);
  const renderKey = sha(JSON.stringify([FORMAT, PORTAL_CSS_PATH, o.siteName, baseUrl, dynamicBase, site.units]));
  const full = !!o.full || !old || old.renderKey !== renderKey;
  const files = new Map(Object.entries(old?.files ?? {}));
  const writer = new SiteWriter(dir, files);

  const unitFp = new Map<string, string>();
  for (const [id, cat] of cats) unitFp.set(id, sha(JSON.stringify([guides.get(id), cat.columns])));
  const counts = new Map<string, number>();
  const publicHeads = heads.filter((h) => cats.has(h.unitId));
  for (const h of publicHeads) if (h.status === 'published') counts.set(h.columnId, (counts.get(h.columnId) ?? 0) + 1);

  const itemState = new Map<string, string>();
  for (const h of publicHeads) itemState.set(h.id, `${h.updatedAt}|${h.status}|${h.columnId}|${cats.get(h.unitId)!.unit.slug}`);

  const dirtyUnits = new Set<string>();
  const dirtyColumns = new Set<string>();
  const dirtyItems = new Set<string>();
  const scopes = new Set<string>(); // scopes (see scopeOf) whose stale files are deleted
  if (full) {
    for (const id of cats.keys()) dirtyUnits.add(id);
    for (const c of columns) if (cats.has(c.unitId)) dirtyColumns.add(c.id);
    for (const h of publicHeads) dirtyItems.add(h.id);
  } else {
    const oldItems = old!.items;
    for (const [id, fp] of unitFp) {
      if (old!.units[id] === fp) continue;
      dirtyUnits.add(id);
      for (const c of cats.get(id)!.columns) dirtyColumns.add(c.id);
      for (const h of publicHeads) if (h.unitId === id) dirtyItems.add(h.id);
    }
    for (const h of publicHeads) {
      const before = oldItems[h.id];
      if (before === itemState.get(h.id)) continue;
      dirtyItems.add(h.id);
      dirtyColumns.add(h.columnId);
      dirtyUnits.add(h.unitId);
      if (before) dirtyColumns.add(before.split('|')[2] as string);
    }
    for (const [id, state] of Object.entries(oldItems)) {
      if (itemState.has(id)) continue;
      const [, , columnId, slug] = state.split('|');
      dirtyColumns.add(columnId as string);
      scopes.add(`u/${slug}/i/${id}/`);
    }
    if (dirtyItems.size) {
      // Pages that show a changed item's title in their related links.
      const linked = await read((r) => r.portal.linksOf([...dirtyItems]));
      for (const l of linked) for (const id of [l.fromId, l.toId]) if (itemState.has(id)) dirtyItems.add(id);
    }
  }

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
  // The sitemap lists every published item: rebuilt from the scan on every run (no extra query).
  const lastByColumn = new Map<string, string | null>();
  for (const h of publicHeads) if (h.status === 'published' && (lastByColumn.get(h.columnId) ?? '') < h.updatedAt) lastByColumn.set(h.columnId, h.updatedAt);
  if (full || dirtyItems.size || dirtyColumns.size || dirtyUnits.size) {
    const maps = sitemapFiles({ units: site.units, columns, lastByColumn, items: publicHeads }, baseUrl, (p) => staticHref(p, { dynamicBase, fileExt: () => undefined }));
    maps.forEach((text, n) => writer.write(n === 0 ? 'sitemap.xml' : `sitemap-${n}.xml`, text));
    scopes.add('sitemap');
  }

  if (full) writer.prune(() => true);
  else writer.prune((rel) => scopes.has(scopeOf(rel)));

  const manifest: Manifest = { format: FORMAT, renderKey, files: Object.fromEntries(files), items: Object.fromEntries(itemState), units: Object.fromEntries(unitFp) };
  const tmp = path.join(dir, `${MANIFEST}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(manifest));
  fs.renameSync(tmp, path.join(dir, MANIFEST));
  return {
    ...writer.stats, full, items: publicHeads.length, renderedItems, renderedColumns: dirtyColumns.size, renderedUnits: dirtyUnits.size,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(cpu)),
  };
}
