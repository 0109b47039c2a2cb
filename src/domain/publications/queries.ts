/** Reads for the back office: item detail, lists and inboxes, the review ledger, timeliness and monitoring. */
import { addDays, beijingDate } from '../calendar/civil-date.js';
import { DomainError, notFound } from '../errors.js';
import { can, unitsWhere } from '../policy/policy.js';
import type { Actor, Attachment, Deps, Repos } from '../ports.js';
import { loadTreeOnly } from '../units/unit-context.js';
import type { UnitTree } from '../units/tree.js';
import { canActAtStage, contentFindings, loadItem, metadataFindings, settingsFor } from './item-context.js';
import type { CheckFinding } from './checks/index.js';
import type { CatalogueColumn, ItemLink, ItemStatus, ItemSummary, PublicationEvent, PublicationItem } from './model.js';

export interface ItemDetail {
  item: PublicationItem;
  attachments: Attachment[];
  links: (ItemLink & { other: { id: string; title: string; status: ItemStatus; unitId: string; docNumber: string | null } | null })[];
  events: PublicationEvent[];
  /** What the actor may do now (for the admin app's buttons). */
  can: { edit: boolean; submit: boolean; review: boolean; decidePending: boolean; requestChange: boolean };
  stageName: string | null;
}

export async function getItemDetail(deps: Deps, actor: Actor, id: string): Promise<ItemDetail> {
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    const item = await loadItem(r, actor, id, tree);
    const [attachments, links, events, settings] = await Promise.all([
      r.attachments.listForOwner('publication', id), r.publications.links(id), r.publications.events(id), settingsFor(r, item.unitId, deps.clock.now()),
    ]);
    const withOther = await Promise.all(links.map(async (l) => {
      const o = await r.publications.get(l.fromId === id ? l.toId : l.fromId);
      const visible = o && (o.status === 'published' || can(actor, 'publication.read', o.unitId, tree));
      return { ...l, other: visible && o ? { id: o.id, title: o.title, status: o.status, unitId: o.unitId, docNumber: o.docNumber } : null };
    }));
    const stage = item.stage ? settings.stages[item.stage - 1] : undefined;
    const final = settings.stages[settings.stages.length - 1];
    const drafter = can(actor, 'publication.draft', item.unitId, tree);
    return {
      item, attachments, links: withOther, events, stageName: stage?.name ?? null,
      can: {
        edit: drafter && item.status === 'draft',
        submit: drafter && item.status === 'draft',
        review: item.status === 'inReview' && !!stage && canActAtStage(actor, stage, item.unitId, tree),
        decidePending: !!item.pending && !!final && canActAtStage(actor, final, item.unitId, tree),
        requestChange: item.status === 'published' && !item.pending && (drafter || can(actor, 'publication.review', item.unitId, tree)),
      },
    };
  });
}

/** The checks as they stand now, without changing anything (the editor shows them inline). */
export async function previewChecks(deps: Deps, actor: Actor, id: string): Promise<CheckFinding[]> {
  return deps.store.read(async (r) => {
    const item = await loadItem(r, actor, id, await loadTreeOnly(r));
    return [...(await metadataFindings(r, item)), ...(await contentFindings(deps, r, item))];
  });
}

export interface ItemListFilter {
  unitId?: string | undefined;
  status?: ItemStatus | undefined;
  columnId?: string | undefined;
  /** My inbox: items at a stage I may act at, and published items with a change awaiting my approval. */
  inbox?: boolean | undefined;
  pending?: boolean | undefined;
  mine?: boolean | undefined;
  q?: string | undefined;
  /** A calendar year and/or a civil-date range on 生成日期 (default) or 发布日期; both given: their overlap. */
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  dateBy?: 'createdOn' | 'publishedOn' | undefined;
  offset: number;
  limit: number;
}

/** The inclusive civil-date range a year and a from/to give together; a Chinese VALIDATION error when it is empty. */
export function dateRange(f: { year?: number | undefined; from?: string | undefined; to?: string | undefined }): { fromOn?: string; toOn?: string } {
  let fromOn = f.from;
  let toOn = f.to;
  if (fromOn && toOn && fromOn > toOn) throw new DomainError('VALIDATION', '开始日期不能晚于结束日期', { fields: [{ path: 'from', message: '晚于结束日期' }] });
  if (f.year !== undefined) {
    const y0 = `${f.year}-01-01`;
    const y1 = `${f.year}-12-31`;
    fromOn = !fromOn || fromOn < y0 ? y0 : fromOn;
    toOn = !toOn || toOn > y1 ? y1 : toOn;
    if (fromOn > toOn) throw new DomainError('VALIDATION', `所选日期范围不在${f.year}年内，请调整年份或日期`, { fields: [{ path: 'year', message: '与日期范围不重叠' }] });
  }
  return { ...(fromOn ? { fromOn } : {}), ...(toOn ? { toOn } : {}) };
}

export async function readableUnits(r: Repos, actor: Actor, tree: UnitTree, unitId?: string): Promise<string[]> {
  if (unitId) {
    if (!can(actor, 'publication.read', unitId, tree)) throw notFound('单位');
    return [unitId];
  }
  return unitsWhere(actor, 'publication.read', tree, (await r.units.listTree()).map((u) => u.id));
}

export async function listItems(deps: Deps, actor: Actor, f: ItemListFilter): Promise<{ total: number; items: ItemSummary[] }> {
  const range = dateRange(f);
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    const unitIds = await readableUnits(r, actor, tree, f.unitId);
    const base = {
      columnId: f.columnId, q: f.q, offset: f.offset, limit: f.limit, createdBy: f.mine ? actor.accountId ?? '-' : undefined,
      ...range, dateField: f.dateBy ?? 'createdOn',
    };
    if (f.inbox) {
      const now = deps.clock.now();
      const stages: { unitId: string; stage: number }[] = [];
      const finalUnits: string[] = [];
      for (const unitId of unitsWhere(actor, 'publication.review', tree, unitIds)) {
        const s = await settingsFor(r, unitId, now);
        s.stages.forEach((st, i) => { if (canActAtStage(actor, st, unitId, tree)) stages.push({ unitId, stage: i + 1 }); });
        const final = s.stages[s.stages.length - 1];
        if (final && canActAtStage(actor, final, unitId, tree)) finalUnits.push(unitId);
      }
      if (f.pending) return r.publications.list({ ...base, unitIds: finalUnits, statuses: ['published'], hasPending: true });
      return r.publications.list({ ...base, unitIds, stages });
    }
    return r.publications.list({ ...base, unitIds, statuses: f.status ? [f.status] : undefined, hasPending: f.pending ? true : undefined });
  });
}

export async function reviewLedger(deps: Deps, actor: Actor, f: { unitId?: string | undefined; itemId?: string | undefined; from?: string | undefined; to?: string | undefined; offset: number; limit: number }) {
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    const unitIds = await readableUnits(r, actor, tree, f.unitId);
    // Dates are Beijing civil days; the ledger stores UTC instants.
    const from = f.from ? new Date(Date.parse(`${f.from}T00:00:00+08:00`)).toISOString() : undefined;
    const to = f.to ? new Date(Date.parse(`${addDays(f.to, 1)}T00:00:00+08:00`)).toISOString() : undefined;
    return r.publications.ledger({ unitIds, itemId: f.itemId, from, to, offset: f.offset, limit: f.limit });
  });
}

/** Art. 26 timeliness: counts per unit and month with the late ones, and the late items themselves. */
export async function timelinessReport(deps: Deps, actor: Actor, f: { unitId?: string | undefined; from: string; to: string; offset: number; limit: number }) {
  if (f.from > f.to) throw new DomainError('VALIDATION', '开始日期不能晚于结束日期', { fields: [{ path: 'from', message: '晚于结束日期' }] });
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    const unitIds = await readableUnits(r, actor, tree, f.unitId);
    const [months, late] = await Promise.all([
      r.publications.countPublishedByMonth(unitIds, f.from, f.to),
      r.publications.listLate(unitIds, f.from, f.to, f.offset, f.limit),
    ]);
    return { months, late };
  });
}

export interface StaleColumn {
  column: CatalogueColumn;
  lastPublishedAt: string | null;
  /** Days since the last publication (null: never published — an empty column). */
  daysSince: number | null;
}

/** 国办秘函〔2019〕19号: columns with a freshness rule not updated within it, and empty columns. */
export async function staleColumns(deps: Deps, actor: Actor, unitId: string): Promise<StaleColumn[]> {
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    if (!can(actor, 'publication.read', unitId, tree)) throw notFound('单位');
    const [cols, counts] = await Promise.all([r.catalogue.columns(unitId), r.publications.countPublishedByColumn(unitId)]);
    const last = new Map(counts.map((c) => [c.columnId, c.lastPublishedAt]));
    const today = beijingDate(Date.parse(deps.clock.now()));
    const out: StaleColumn[] = [];
    for (const c of cols) {
      if (!c.acceptsItems || c.freshnessDays === null) continue;
      const at = last.get(c.id) ?? null;
      const days = at ? Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${beijingDate(Date.parse(at))}T00:00:00Z`)) / 86_400_000) : null;
      if (days === null || days > c.freshnessDays) out.push({ column: c, lastPublishedAt: at, daysSince: days });
    }
    return out;
  });
}
