/**
 * Item pages in several processes: rendering and writing 100,000 pages is CPU work that one Node process does on
 * one core. The exporter hands a share of the items to helper processes (the same `gongkai` command with a hidden
 * --worker flag, each with its own database connection) and merges back which files they produced with which
 * hashes, so the manifest stays the single record. Items are independent files, so no two processes write the same path.
 */
import type { Deps } from '../../domain/ports.js';
import { loadSite } from '../../http/portal/site.js';
import { catalogues, exportItems, type ExportContext } from './export-pages.js';
import { SiteWriter, type WriteStats } from './site-writer.js';

export interface ItemJob {
  dir: string;
  siteName: string;
  baseUrl: string;
  dynamicBase: string;
  ids: string[];
  /** Manifest entries of these items' files (lets the helper skip unchanged files). */
  files: Record<string, string>;
}

export interface ItemJobResult {
  produced: [string, string][];
  stats: WriteStats;
  rendered: number;
}

/** Runs one share of the items: in a helper process, or in the exporter itself for its own share. */
export async function runItemJob(deps: Deps, job: ItemJob, batch = 500): Promise<ItemJobResult> {
  const site = await loadSite(deps);
  const columns = await deps.store.read((r) => r.portal.allColumns());
  const writer = new SiteWriter(job.dir, new Map(Object.entries(job.files)));
  const x: ExportContext = {
    deps, site, siteName: job.siteName, baseUrl: job.baseUrl, dynamicBase: job.dynamicBase, writer, counts: new Map(), catalogues: catalogues(site, columns),
  };
  let rendered = 0;
  for (let i = 0; i < job.ids.length; i += batch) {
    const part = job.ids.slice(i, i + batch);
    rendered += await deps.store.read((r) => exportItems(x, r, part));
  }
  return { produced: [...writer.produced].map((rel) => [rel, writer.files.get(rel) ?? '']), stats: writer.stats, rendered };
}

/** Starts a helper process for a job and resolves with its result (the CLI provides it: src/cli/export-site.ts). */
export type SpawnItemWorker = (job: ItemJob) => Promise<ItemJobResult>;
