/** Gathers the facts of the narrative drafts (narrative.ts) inside the caller's transaction. */
import type { Repos, Unit } from '../ports.js';
import type { NarrativeFacts } from './narrative.js';

interface PublicationCounts {
  countPublishedByColumn(unitId: string, fromOn?: string, toOn?: string): Promise<{ columnId: string; count: number }[]>;
}
interface ColumnNames {
  columns(unitId: string): Promise<{ id: string; name: string }[]>;
}

/** The publication module's repositories, when it is part of this build (they land independently of reports). */
function publicationRepos(r: Repos): { publications?: PublicationCounts; catalogue?: ColumnNames } {
  return r as unknown as { publications?: PublicationCounts; catalogue?: ColumnNames };
}

export async function narrativeFacts(r: Repos, unit: Unit, year: number): Promise<NarrativeFacts> {
  const { publications, catalogue } = publicationRepos(r);
  let published: NarrativeFacts['published'] = null;
  if (publications && catalogue) {
    const [counts, columns] = await Promise.all([publications.countPublishedByColumn(unit.id, `${year}-01-01`, `${year}-12-31`), catalogue.columns(unit.id)]);
    const names = new Map(columns.map((c) => [c.id, c.name]));
    const byColumn = counts.map((c) => ({ name: names.get(c.columnId) ?? '其他栏目', count: Number(c.count) })).sort((a, b) => b.count - a.count);
    published = { total: byColumn.reduce((s, c) => s + c.count, 0), byColumn };
  }
  const fees = await r.annualReports.feesCollectedYuan(unit.id, year);
  return { year, unitName: unit.name, isGovernment: unit.type === 'government', published, offline: null, fees };
}
