/**
 * Item pages in several processes: rendering and writing 100,000 pages is CPU work that one Node process does on
 * one core. The exporter hands a share of the items to helper processes (the same `gongkai` command with a hidden
 * --worker flag, each with its own database connection and a read-only view of the manifest) and merges back which
 * files they produced and which they wrote with which hashes, so that the exporter alone writes the manifest.
 * Items are independent files, so no two processes write the same path.
 */
import type { Deps } from '../../domain/ports.js';
import { loadSite } from '../../http/portal/site.js';
import { catalogues, exportItems, type ExportContext } from './export-pages.js';
import { ExportManifest } from './manifest.js';
import { SiteWriter, type WriteStats } from './site-writer.js';

export interface ItemJob {
  dir: string;
  siteName: string;
  baseUrl: string;
  dynamicBase: string;
  ids: string[];
}

export interface ItemJobResult {
  produced: string[];
  /** Files written, with their new hashes. */
  changed: [string, string][];
  stats: WriteStats;
  rendered: number;
}

/** Runs one share of the items in a helper process (the exporter renders its own share with its own writer). */
export async function runItemJob(deps: Deps, job: ItemJob, batch = 500): Promise<ItemJobResult> {
  const site = await loadSite(deps);
  const columns = await deps.store.read((r) => r.portal.allColumns());
  const manifest = ExportManifest.open(job.dir, { readonly: true });
  try {
    const writer = new SiteWriter(job.dir, (rel) => manifest.fileHash(rel));
    const x: ExportContext = {
      deps, site, siteName: job.siteName, baseUrl: job.baseUrl, dynamicBase: job.dynamicBase, writer, counts: new Map(), catalogues: catalogues(site, columns),
    };
    const rendered = await renderItems(x, job.ids, batch);
    return { produced: [...writer.produced], changed: [...writer.changes].filter((e): e is [string, string] => e[1] !== null), stats: writer.stats, rendered };
  } finally {
    manifest.close();
  }
}

/** Item pages in batches, each batch in one read. */
export async function renderItems(x: ExportContext, ids: string[], batch = 500): Promise<number> {
  let rendered = 0;
  for (let i = 0; i < ids.length; i += batch) {
    const part = ids.slice(i, i + batch);
    rendered += await x.deps.store.read((r) => exportItems(x, r, part));
  }
  return rendered;
}

/** Starts a helper process for a job and resolves with its result (the CLI provides it: src/cli/export-site.ts). */
export type SpawnItemWorker = (job: ItemJob) => Promise<ItemJobResult>;
