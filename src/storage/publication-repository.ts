import { type Kysely, sql, type Transaction } from 'kysely';
import type {
  CheckScanQuery, ItemStatus, ItemSummary, PublicationEvent, PublicationItem, PublicationRepository,
} from '../domain/publications/model.js';
import type { Database, Row } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export function itemFromRow(r: Row<'publication_items'>): PublicationItem {
  return {
    id: r.id, unitId: r.unit_id, columnId: r.column_id, status: r.status as ItemStatus, stage: r.stage, title: r.title, summary: r.summary,
    bodyHtml: r.body_html, publisher: r.publisher, docNumber: r.doc_number, createdOn: r.created_on, subject: r.subject, genre: r.genre,
    keywords: JSON.parse(r.keywords), disclosureMethod: r.disclosure_method, disclosurePeriod: r.disclosure_period,
    disclosureScope: r.disclosure_scope, validity: r.validity as PublicationItem['validity'], effectiveOn: r.effective_on,
    validityChangedOn: r.validity_changed_on, indexNumber: r.index_number, publishedAt: r.published_at, publishedOn: r.published_on,
    publishAt: r.publish_at, workingDays: r.working_days, timeLimitDays: r.time_limit_days, correctedAt: r.corrected_at,
    correctionNote: r.correction_note, withdrawnAt: r.withdrawn_at, withdrawalReason: r.withdrawal_reason,
    pending: r.pending_json ? JSON.parse(r.pending_json) : null, createdBy: r.created_by, createdByName: r.created_by_name,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function itemToRow(i: PublicationItem): Row<'publication_items'> {
  const late = i.workingDays !== null && i.timeLimitDays !== null && i.workingDays > i.timeLimitDays ? 1 : 0;
  return {
    id: i.id, unit_id: i.unitId, column_id: i.columnId, status: i.status, stage: i.stage, title: i.title, summary: i.summary,
    body_html: i.bodyHtml, publisher: i.publisher, doc_number: i.docNumber, created_on: i.createdOn, subject: i.subject, genre: i.genre,
    keywords: JSON.stringify(i.keywords), disclosure_method: i.disclosureMethod, disclosure_period: i.disclosurePeriod,
    disclosure_scope: i.disclosureScope, validity: i.validity, effective_on: i.effectiveOn, validity_changed_on: i.validityChangedOn,
    index_number: i.indexNumber, published_at: i.publishedAt, published_on: i.publishedOn, publish_at: i.publishAt,
    working_days: i.workingDays, time_limit_days: i.timeLimitDays, late, corrected_at: i.correctedAt, correction_note: i.correctionNote,
    withdrawn_at: i.withdrawnAt, withdrawal_reason: i.withdrawalReason, pending_json: i.pending ? JSON.stringify(i.pending) : null,
    created_by: i.createdBy, created_by_name: i.createdByName, created_at: i.createdAt, updated_at: i.updatedAt,
  };
}

/** Every column but the body: lists stay small. */
const SUMMARY_COLS = [
  'id', 'unit_id', 'column_id', 'status', 'stage', 'title', 'summary', 'publisher', 'doc_number', 'created_on', 'subject', 'genre', 'keywords',
  'disclosure_method', 'disclosure_period', 'disclosure_scope', 'validity', 'effective_on', 'validity_changed_on', 'index_number',
  'published_at', 'published_on', 'publish_at', 'working_days', 'time_limit_days', 'late', 'corrected_at', 'correction_note', 'withdrawn_at',
  'withdrawal_reason', 'pending_json', 'created_by', 'created_by_name', 'created_at', 'updated_at',
] as const;

function summaryFromRow(r: Omit<Row<'publication_items'>, 'body_html'>): ItemSummary {
  const { bodyHtml: _b, pending, ...rest } = itemFromRow({ ...r, body_html: '' });
  return { ...rest, hasPending: pending !== null };
}

const eventFromRow = (r: Row<'publication_events'>): PublicationEvent => ({
  id: r.id, itemId: r.item_id, unitId: r.unit_id, seq: Number(r.seq), action: r.action as PublicationEvent['action'],
  fromStatus: r.from_status as ItemStatus | null, toStatus: r.to_status as ItemStatus, stage: r.stage, stageName: r.stage_name, at: r.at,
  actorId: r.actor_id, actorName: r.actor_name, comment: r.comment, confidentialityConfirmed: r.confidentiality_confirmed === 1,
  data: r.data_json ? JSON.parse(r.data_json) : null,
});

const count = (n: unknown) => Number(n ?? 0);

/** The items a bulk content check reads: units, statuses and a civil-date range on 发布日期 or 生成日期. */
function checkScan(q: Q, f: Omit<CheckScanQuery, 'afterId' | 'limit'>) {
  const col = f.dateField === 'publishedOn' ? 'published_on' : 'created_on';
  let qb = q.selectFrom('publication_items').where('unit_id', 'in', f.unitIds.length ? f.unitIds : ['-']).where('status', 'in', f.statuses.length ? f.statuses : ['-' as ItemStatus]);
  if (f.fromOn) qb = qb.where(col, '>=', f.fromOn);
  if (f.toOn) qb = qb.where(col, '<=', f.toOn);
  return qb;
}

export function publicationRepository(q: Q, engine: 'sqlite' | 'postgres'): PublicationRepository {
  return {
    async get(id) {
      const r = await q.selectFrom('publication_items').selectAll().where('id', '=', id).executeTakeFirst();
      return r && itemFromRow(r);
    },
    async insert(i) {
      await q.insertInto('publication_items').values(itemToRow(i)).execute();
    },
    async updateIf(i, expected) {
      let qb = q.updateTable('publication_items').set(itemToRow(i)).where('id', '=', i.id).where('status', '=', expected.status);
      qb = expected.stage === null ? qb.where('stage', 'is', null) : qb.where('stage', '=', expected.stage);
      const res = await qb.executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async delete(id) {
      await q.deleteFrom('publication_attachment_texts').where('item_id', '=', id).execute();
      await q.deleteFrom('publication_links').where((eb) => eb.or([eb('from_id', '=', id), eb('to_id', '=', id)])).execute();
      await q.deleteFrom('publication_items').where('id', '=', id).execute();
    },
    async list(f) {
      let qb = q.selectFrom('publication_items');
      if (f.unitIds) {
        if (f.unitIds.length === 0) return { total: 0, items: [] };
        qb = qb.where('unit_id', 'in', f.unitIds);
      }
      if (f.columnId) qb = qb.where('column_id', '=', f.columnId);
      if (f.statuses?.length) qb = qb.where('status', 'in', f.statuses);
      if (f.createdBy) qb = qb.where('created_by', '=', f.createdBy);
      if (f.hasPending !== undefined) qb = qb.where('pending_json', f.hasPending ? 'is not' : 'is', null);
      if (f.stages) {
        const stages = f.stages;
        if (stages.length === 0) return { total: 0, items: [] };
        qb = qb.where('status', '=', 'inReview').where((eb) => eb.or(stages.map((s) => eb.and([eb('unit_id', '=', s.unitId), eb('stage', '=', s.stage)]))));
      }
      if (f.dateField && (f.fromOn || f.toOn)) {
        const col = f.dateField === 'publishedOn' ? 'published_on' : 'created_on';
        if (f.fromOn) qb = qb.where(col, '>=', f.fromOn);
        if (f.toOn) qb = qb.where(col, '<=', f.toOn);
      }
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        qb = qb.where((eb) => eb.or([eb('title', 'like', like), eb('doc_number', 'like', like), eb('index_number', 'like', like)]));
      }
      const total = await qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      const rows = await qb.select([...SUMMARY_COLS]).orderBy('updated_at', 'desc').orderBy('id').offset(f.offset).limit(f.limit).execute();
      return { total: count(total.n), items: rows.map(summaryFromRow) };
    },
    async appendEvent(e) {
      await q.insertInto('publication_events').values({
        id: e.id, item_id: e.itemId, unit_id: e.unitId, seq: e.seq, action: e.action, from_status: e.fromStatus, to_status: e.toStatus,
        stage: e.stage, stage_name: e.stageName, at: e.at, actor_id: e.actorId, actor_name: e.actorName, comment: e.comment,
        confidentiality_confirmed: e.confidentialityConfirmed ? 1 : 0, data_json: e.data ? JSON.stringify(e.data) : null,
      }).execute();
    },
    async events(itemId) {
      const rows = await q.selectFrom('publication_events').selectAll().where('item_id', '=', itemId).orderBy('seq').execute();
      return rows.map(eventFromRow);
    },
    async ledger(f) {
      if (f.unitIds.length === 0) return { total: 0, rows: [] };
      let qb = q.selectFrom('publication_events as e').leftJoin('publication_items as i', 'i.id', 'e.item_id').where('e.unit_id', 'in', f.unitIds);
      if (f.itemId) qb = qb.where('e.item_id', '=', f.itemId);
      if (f.from) qb = qb.where('e.at', '>=', f.from);
      if (f.to) qb = qb.where('e.at', '<', f.to);
      const total = await qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      const rows = await qb.selectAll('e').select(['i.title', 'i.index_number']).orderBy('e.at', 'desc').orderBy('e.seq', 'desc').offset(f.offset).limit(f.limit).execute();
      return {
        total: count(total.n),
        rows: rows.map((r) => ({ ...eventFromRow(r as Row<'publication_events'>), title: r.title ?? '（已删除）', indexNumber: r.index_number ?? null })),
      };
    },
    async nextSerial(unitId, year) {
      const id = `${unitId}/${year}`;
      // Make sure the row exists, then take the next value with one UPDATE … RETURNING: on PostgreSQL the row lock
      // serialises concurrent publishers until commit; SQLite write transactions are already exclusive (BEGIN IMMEDIATE).
      await q.insertInto('publication_index_counters').values({ id, unit_id: unitId, year, last_serial: 0 }).onConflict((oc) => oc.column('id').doNothing()).execute();
      const r = await q.updateTable('publication_index_counters').set({ last_serial: sql`last_serial + 1` }).where('id', '=', id).returning('last_serial').executeTakeFirstOrThrow();
      return Number(r.last_serial);
    },
    async addLink(l) {
      await q.insertInto('publication_links').values({ id: l.id, from_id: l.fromId, to_id: l.toId, kind: l.kind, created_at: l.createdAt })
        .onConflict((oc) => oc.columns(['from_id', 'to_id', 'kind']).doNothing()).execute();
    },
    async removeLinks(fromId, kind) {
      let qb = q.deleteFrom('publication_links').where('from_id', '=', fromId);
      if (kind) qb = qb.where('kind', '=', kind);
      await qb.execute();
    },
    async links(itemId) {
      const rows = await q.selectFrom('publication_links').selectAll().where((eb) => eb.or([eb('from_id', '=', itemId), eb('to_id', '=', itemId)])).orderBy('created_at').execute();
      return rows.map((r) => ({ id: r.id, fromId: r.from_id, toId: r.to_id, kind: r.kind as 'interprets', createdAt: r.created_at }));
    },
    async putAttachmentText(t) {
      await q.insertInto('publication_attachment_texts').values({ attachment_id: t.attachmentId, item_id: t.itemId, text: t.text })
        .onConflict((oc) => oc.column('attachment_id').doUpdateSet({ text: t.text })).execute();
    },
    async attachmentTexts(itemId) {
      const rows = await q.selectFrom('publication_attachment_texts').selectAll().where('item_id', '=', itemId).execute();
      return rows.map((r) => ({ attachmentId: r.attachment_id, itemId: r.item_id, text: r.text }));
    },
    async deleteAttachmentText(id) {
      await q.deleteFrom('publication_attachment_texts').where('attachment_id', '=', id).execute();
    },
    async dueScheduled(now, limit) {
      const rows = await q.selectFrom('publication_items').select(['id', 'unit_id']).where('status', '=', 'scheduled').where('publish_at', '<=', now).orderBy('publish_at').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, unitId: r.unit_id }));
    },
    async listPublished(f) {
      let qb = q.selectFrom('publication_items').where('status', '=', 'published');
      if (f.columnId) qb = qb.where('column_id', '=', f.columnId);
      if (f.unitId) qb = qb.where('unit_id', '=', f.unitId);
      const total = await qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      const rows = await qb.select([...SUMMARY_COLS]).orderBy('published_at', 'desc').orderBy('id', 'desc').offset(f.offset).limit(f.limit).execute();
      return { total: count(total.n), items: rows.map(summaryFromRow) };
    },
    async scanPublic(afterId, limit) {
      let qb = q.selectFrom('publication_items').select(['id', 'unit_id', 'column_id', 'status', 'updated_at', 'published_at']).where('status', 'in', ['published', 'withdrawn']);
      if (afterId) qb = qb.where('id', '>', afterId);
      const key = engine === 'postgres' ? sql`id collate "C"` : sql`id`;
      const rows = await qb.orderBy(key).limit(limit).execute();
      return rows.map((r) => ({ id: r.id, unitId: r.unit_id, columnId: r.column_id, status: r.status as ItemStatus, updatedAt: r.updated_at, publishedAt: r.published_at }));
    },
    async countPublishedByColumn(unitId, fromOn, toOn) {
      let qb = q.selectFrom('publication_items').where('unit_id', '=', unitId).where('status', '=', 'published');
      if (fromOn) qb = qb.where('published_on', '>=', fromOn);
      if (toOn) qb = qb.where('published_on', '<=', toOn);
      const rows = await qb.select(['column_id', sql<number>`count(*)`.as('n'), sql<string | null>`max(published_at)`.as('last')]).groupBy('column_id').execute();
      return rows.map((r) => ({ columnId: r.column_id, count: count(r.n), lastPublishedAt: r.last ?? null }));
    },
    async countPublishedByMonth(unitIds, fromOn, toOn) {
      if (unitIds.length === 0) return [];
      const month = sql<string>`substr(published_on, 1, 7)`;
      const rows = await q.selectFrom('publication_items')
        .select(['unit_id', month.as('month'), sql<number>`count(*)`.as('n'), sql<number>`sum(late)`.as('late')])
        .where('unit_id', 'in', unitIds).where('status', 'in', ['published', 'withdrawn'])
        .where('published_on', '>=', fromOn).where('published_on', '<=', toOn)
        .groupBy(['unit_id', month]).orderBy('unit_id').orderBy(month).execute();
      return rows.map((r) => ({ unitId: r.unit_id, month: r.month, count: count(r.n), late: count(r.late) }));
    },
    async countForChecks(f) {
      const r = await checkScan(q, f).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      return count(r.n);
    },
    async scanForChecks(f) {
      let qb = checkScan(q, f);
      if (f.afterId) qb = qb.where('id', '>', f.afterId);
      const key = engine === 'postgres' ? sql`id collate "C"` : sql`id`;
      return (await qb.selectAll().orderBy(key).limit(f.limit).execute()).map(itemFromRow);
    },
    async attachmentTextsOf(itemIds) {
      if (itemIds.length === 0) return [];
      const rows = await q.selectFrom('publication_attachment_texts as t').innerJoin('attachments as a', 'a.id', 't.attachment_id')
        .select(['t.attachment_id', 't.item_id', 't.text', 'a.filename']).where('t.item_id', 'in', itemIds).orderBy('a.created_at').orderBy('a.id').execute();
      return rows.map((r) => ({ attachmentId: r.attachment_id, itemId: r.item_id, text: r.text, filename: r.filename }));
    },
    async codeUsage() {
      const [subjects, genres] = await Promise.all([
        q.selectFrom('publication_items').select(['subject', sql<number>`count(*)`.as('n')]).where('subject', 'is not', null).groupBy('subject').execute(),
        q.selectFrom('publication_items').select(['genre', sql<number>`count(*)`.as('n')]).where('genre', 'is not', null).groupBy('genre').execute(),
      ]);
      return [
        ...subjects.map((r) => ({ list: 'subject' as const, code: r.subject as string, count: count(r.n) })),
        ...genres.map((r) => ({ list: 'genre' as const, code: r.genre as string, count: count(r.n) })),
      ];
    },
    async listLate(unitIds, fromOn, toOn, offset, limit) {
      if (unitIds.length === 0) return { total: 0, items: [] };
      const qb = q.selectFrom('publication_items').where('unit_id', 'in', unitIds).where('late', '=', 1)
        .where('published_on', '>=', fromOn).where('published_on', '<=', toOn);
      const total = await qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      const rows = await qb.select([...SUMMARY_COLS]).orderBy('published_on', 'desc').orderBy('id').offset(offset).limit(limit).execute();
      return { total: count(total.n), items: rows.map(summaryFromRow) };
    },
  };
}
