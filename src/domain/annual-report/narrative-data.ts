/** Gathers the facts of the narrative drafts (narrative.ts) inside the caller's transaction. */
import type { Repos, Unit } from '../ports.js';
import { OFFLINE_CHANNELS } from '../publications/offline/model.js';
import type { NarrativeFacts } from './narrative.js';

export async function narrativeFacts(r: Repos, unit: Unit, year: number): Promise<NarrativeFacts> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [counts, columns, offline, fees] = await Promise.all([
    r.publications.countPublishedByColumn(unit.id, from, to),
    r.catalogue.columns(unit.id),
    r.offlinePublications.countByChannel([unit.id], from, to),
    r.annualReports.feesCollectedYuan(unit.id, year),
  ]);
  const names = new Map(columns.map((c) => [c.id, c.name]));
  const byColumn = counts.map((c) => ({ name: names.get(c.columnId) ?? '其他栏目', count: Number(c.count) })).sort((a, b) => b.count - a.count);
  return {
    year, unitName: unit.name, isGovernment: unit.type === 'government',
    published: { total: byColumn.reduce((s, c) => s + c.count, 0), byColumn },
    // Art. 23–25: information carried by other channels, counted per channel (pieces, not records).
    offline: offline.filter((c) => c.items > 0).map((c) => ({ label: OFFLINE_CHANNELS[c.channel], count: Number(c.items) })),
    fees,
  };
}
