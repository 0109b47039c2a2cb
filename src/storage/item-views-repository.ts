/** Daily page views of published items (migration 0007-item-views), written in batches by the view counter. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ItemViewsRepository } from '../domain/ports.js';
import type { Database } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Rows per INSERT: well under SQLite's 32,766 bound parameters (4 per row). */
const CHUNK = 500;

export function itemViewsRepository(q: Q): ItemViewsRepository {
  return {
    async add(batch) {
      const rows = batch.filter((b) => b.count > 0).map((b) => ({ id: `${b.itemId}:${b.day}`, item_id: b.itemId, day: b.day, count: b.count }));
      for (let i = 0; i < rows.length; i += CHUNK) {
        await q.insertInto('item_views').values(rows.slice(i, i + CHUNK))
          .onConflict((oc) => oc.column('id').doUpdateSet({ count: sql<number>`item_views.count + excluded.count` }))
          .execute();
      }
    },
    async total(itemId, beforeDay) {
      let qb = q.selectFrom('item_views').select((eb) => eb.fn.sum<number | string | null>('count').as('n')).where('item_id', '=', itemId);
      if (beforeDay) qb = qb.where('day', '<', beforeDay);
      const r = await qb.executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async totals(itemIds, beforeDay) {
      const out = new Map<string, number>();
      if (!itemIds.length) return out;
      for (let i = 0; i < itemIds.length; i += CHUNK) {
        let qb = q.selectFrom('item_views').select(['item_id', (eb) => eb.fn.sum<number | string>('count').as('n')])
          .where('item_id', 'in', itemIds.slice(i, i + CHUNK)).groupBy('item_id');
        if (beforeDay) qb = qb.where('day', '<', beforeDay);
        for (const r of await qb.execute()) out.set(r.item_id, Number(r.n));
      }
      return out;
    },
  };
}
