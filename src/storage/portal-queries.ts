/**
 * Batch reads for the public portal, the sitemap and the static export, on top of pub-core's tables: many
 * items at once instead of one query per item (the static export renders 100,000 item pages).
 * Only published and withdrawn items are ever returned: drafts and items in review are not public.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Attachment, PortalQueries } from '../domain/ports.js';
import type { ItemLink, ItemStatus } from '../domain/publications/model.js';
import { columnFromRow } from './publication-catalogue-repository.js';
import { itemFromRow } from './publication-repository.js';
import type { Database } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Attachments of information items: owner_type in the shared attachments table (pub-core's uploads). */
export const ITEM_ATTACHMENT_OWNER = 'publication';
/**
 * The status is checked here, not in SQL: with "status in (…)" SQLite's planner walks a status index over every
 * public item instead of looking the ids up by primary key (275 ms instead of 1 ms for 500 ids at 5,000 items).
 */
const isPublic = (status: string) => status === 'published' || status === 'withdrawn';
const CHUNK = 500;

async function chunked<T>(ids: string[], fn: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await fn(ids.slice(i, i + CHUNK))));
  return out;
}

export function portalQueries(q: Q, engine: 'sqlite' | 'postgres'): PortalQueries {
  return {
    async publicItems(ids) {
      const rows = await chunked(ids, (part) => q.selectFrom('publication_items').selectAll().where('id', 'in', part).execute());
      return rows.filter((r) => isPublic(r.status)).map(itemFromRow);
    },
    async attachmentsOf(itemIds) {
      const rows = await chunked(itemIds, (part) =>
        q.selectFrom('attachments').selectAll().where('owner_type', '=', ITEM_ATTACHMENT_OWNER).where('owner_id', 'in', part).orderBy('created_at').orderBy('id').execute());
      const out = new Map<string, Attachment[]>();
      for (const r of rows) {
        const a: Attachment = {
          id: r.id, sha256: r.sha256, filename: r.filename, mime: r.mime, size: Number(r.size), unitId: r.unit_id, ownerType: r.owner_type,
          ownerId: r.owner_id, createdBy: r.created_by, createdAt: r.created_at,
        };
        const list = out.get(a.ownerId ?? '');
        if (list) list.push(a);
        else out.set(a.ownerId ?? '', [a]);
      }
      return out;
    },
    async linksOf(itemIds) {
      const rows = await chunked(itemIds, async (part) => [
        ...(await q.selectFrom('publication_links').selectAll().where('from_id', 'in', part).execute()),
        ...(await q.selectFrom('publication_links').selectAll().where('to_id', 'in', part).execute()),
      ]);
      const seen = new Set<string>();
      const out: ItemLink[] = [];
      for (const r of rows) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        out.push({ id: r.id, fromId: r.from_id, toId: r.to_id, kind: r.kind as ItemLink['kind'], createdAt: r.created_at });
      }
      return out;
    },
    async itemHeads(ids) {
      const rows = await chunked(ids, (part) =>
        q.selectFrom('publication_items').select(['id', 'unit_id', 'title', 'doc_number', 'status', 'published_on']).where('id', 'in', part).execute());
      return rows.filter((r) => isPublic(r.status)).map((r) => ({ id: r.id, unitId: r.unit_id, title: r.title, docNumber: r.doc_number, status: r.status as ItemStatus, publishedOn: r.published_on }));
    },
    async allColumns() {
      const rows = await q.selectFrom('publication_columns').selectAll().orderBy('unit_id').orderBy('sort_order').orderBy('id').execute();
      return rows.map(columnFromRow);
    },
    async publishedCounts() {
      const rows = await q.selectFrom('publication_items').select(['column_id', sql<number>`count(*)`.as('n'), sql<string | null>`max(updated_at)`.as('last')])
        .where('status', '=', 'published').groupBy('column_id').execute();
      return rows.map((r) => ({ columnId: r.column_id, count: Number(r.n), lastUpdatedAt: r.last ?? null }));
    },
    async publishedOfColumn(columnId) {
      const rows = await q.selectFrom('publication_items').select(['id', 'title', 'doc_number', 'published_on', 'published_at', 'updated_at'])
        .where('column_id', '=', columnId).where('status', '=', 'published').orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map((r) => ({ id: r.id, title: r.title, docNumber: r.doc_number, publishedOn: r.published_on ?? '', publishedAt: r.published_at ?? '', updatedAt: r.updated_at }));
    },
    async changedSince(since) {
      // Spelled so that the (unit_id, status, updated_at) index answers it: every unit and every status, which
      // changes nothing in the result, lets SQLite range-scan the index (0.1 ms) instead of reading every item
      // (150–230 ms at 100,000 items; the static export's incremental run starts with this query).
      const statuses: ItemStatus[] = ['draft', 'inReview', 'scheduled', 'published', 'withdrawn'];
      const rows = await q.selectFrom('publication_items').select(['id', 'unit_id', 'column_id', 'status', 'updated_at'])
        .where('unit_id', 'in', q.selectFrom('units').select('id')).where('status', 'in', statuses).where('updated_at', '>=', since).execute();
      return rows.map((r) => ({ id: r.id, unitId: r.unit_id, columnId: r.column_id, status: r.status as ItemStatus, updatedAt: r.updated_at }));
    },
    async publishedHeadsOfUnit(unitId) {
      const rows = await q.selectFrom('publication_items').select(['id', 'updated_at']).where('unit_id', '=', unitId).where('status', '=', 'published').execute();
      return rows.map((r) => ({ id: r.id, unitId, status: 'published' as const, updatedAt: r.updated_at }));
    },
    async scanPublicHeads(afterId, limit) {
      // By primary key over all items (drafts filtered out here), so each page is a range scan of the key.
      let qb = q.selectFrom('publication_items').select(['id', 'unit_id', 'column_id', 'status', 'updated_at', 'published_on']);
      if (afterId) qb = qb.where(engine === 'postgres' ? sql`id collate "C"` : sql`id`, '>', afterId);
      const key = engine === 'postgres' ? sql`id collate "C"` : sql`id`;
      const rows = await qb.orderBy(key).limit(limit).execute();
      return {
        rows: rows.filter((r) => isPublic(r.status)).map((r) => ({ id: r.id, unitId: r.unit_id, columnId: r.column_id, status: r.status as ItemStatus, updatedAt: r.updated_at, publishedOn: r.published_on })),
        last: rows.length === limit ? (rows[rows.length - 1]!.id) : null,
      };
    },
  };
}
