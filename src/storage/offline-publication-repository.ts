import { sql, type Kysely, type Transaction } from 'kysely';
import type { OfflinePublication, OfflinePublicationRepository } from '../domain/publications/offline/model.js';
import type { Database, Row } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

const fromRow = (r: Row<'offline_publications'>): OfflinePublication => ({
  id: r.id, unitId: r.unit_id, channel: r.channel as OfflinePublication['channel'], publishedOn: r.published_on, title: r.title,
  count: Number(r.item_count), itemId: r.item_id, reference: r.reference, note: r.note, createdAt: r.created_at, createdBy: r.created_by,
  updatedAt: r.updated_at,
});

const toRow = (p: OfflinePublication): Row<'offline_publications'> => ({
  id: p.id, unit_id: p.unitId, channel: p.channel, published_on: p.publishedOn, title: p.title, item_count: p.count, item_id: p.itemId,
  reference: p.reference, note: p.note, created_at: p.createdAt, created_by: p.createdBy, updated_at: p.updatedAt,
});

export function offlinePublicationRepository(q: Q): OfflinePublicationRepository {
  return {
    async get(id) {
      const r = await q.selectFrom('offline_publications').selectAll().where('id', '=', id).executeTakeFirst();
      return r && fromRow(r);
    },
    async insert(p) {
      await q.insertInto('offline_publications').values(toRow(p)).execute();
    },
    async update(p) {
      await q.updateTable('offline_publications').set(toRow(p)).where('id', '=', p.id).execute();
    },
    async delete(id) {
      await q.deleteFrom('offline_publications').where('id', '=', id).execute();
    },
    async list(f) {
      if (f.unitIds.length === 0) return { total: 0, items: [] };
      let qb = q.selectFrom('offline_publications').where('unit_id', 'in', f.unitIds);
      if (f.channel) qb = qb.where('channel', '=', f.channel);
      if (f.from) qb = qb.where('published_on', '>=', f.from);
      if (f.to) qb = qb.where('published_on', '<=', f.to);
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        qb = qb.where((eb) => eb.or([sql<boolean>`${eb.ref('title')} like ${like} escape '\\'`, sql<boolean>`${eb.ref('reference')} like ${like} escape '\\'`]));
      }
      const [count, rows] = await Promise.all([
        qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        qb.selectAll().orderBy('published_on', 'desc').orderBy('id').offset(f.offset).limit(f.limit).execute(),
      ]);
      return { total: Number(count.n), items: rows.map(fromRow) };
    },
    async countByChannel(unitIds, fromOn, toOn) {
      if (unitIds.length === 0) return [];
      const rows = await q.selectFrom('offline_publications')
        .select(['unit_id', 'channel', sql<number>`count(*)`.as('records'), sql<number>`sum(item_count)`.as('items')])
        .where('unit_id', 'in', unitIds).where('published_on', '>=', fromOn).where('published_on', '<=', toOn)
        .groupBy(['unit_id', 'channel']).orderBy('unit_id').orderBy('channel').execute();
      return rows.map((r) => ({ unitId: r.unit_id, channel: r.channel as OfflinePublication['channel'], records: Number(r.records), items: Number(r.items) }));
    },
  };
}
