import { type Kysely, sql, type Transaction } from 'kysely';
import type { CatalogueColumn, CatalogueRepository, CodeEntry, PublicationSettings } from '../domain/publications/model.js';
import type { Database, Row } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export const columnFromRow = (r: Row<'publication_columns'>): CatalogueColumn => ({
  id: r.id, unitId: r.unit_id, parentId: r.parent_id, code: r.code, name: r.name, description: r.description, sortOrder: r.sort_order,
  timeLimitDays: r.time_limit_days, freshnessDays: r.freshness_days, templateKey: r.template_key, acceptsItems: r.accepts_items === 1,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

const columnToRow = (c: CatalogueColumn): Row<'publication_columns'> => ({
  id: c.id, unit_id: c.unitId, parent_id: c.parentId, code: c.code, name: c.name, description: c.description, sort_order: c.sortOrder,
  time_limit_days: c.timeLimitDays, freshness_days: c.freshnessDays, template_key: c.templateKey, accepts_items: c.acceptsItems ? 1 : 0,
  created_at: c.createdAt, updated_at: c.updatedAt,
});

const codeFromRow = (r: Row<'publication_codes'>): CodeEntry => ({
  id: r.id, list: r.list as CodeEntry['list'], code: r.code, name: r.name, parentCode: r.parent_code, sortOrder: r.sort_order, active: r.active === 1,
});

const codeToRow = (c: CodeEntry): Row<'publication_codes'> => ({
  id: c.id, list: c.list, code: c.code, name: c.name, parent_code: c.parentCode, sort_order: c.sortOrder, active: c.active ? 1 : 0,
});

export function catalogueRepository(q: Q): CatalogueRepository {
  return {
    async columns(unitId) {
      const rows = await q.selectFrom('publication_columns').selectAll().where('unit_id', '=', unitId).orderBy('sort_order').orderBy('code').execute();
      return rows.map(columnFromRow);
    },
    async column(id) {
      const r = await q.selectFrom('publication_columns').selectAll().where('id', '=', id).executeTakeFirst();
      return r && columnFromRow(r);
    },
    async columnByCode(unitId, code) {
      const r = await q.selectFrom('publication_columns').selectAll().where('unit_id', '=', unitId).where('code', '=', code).executeTakeFirst();
      return r && columnFromRow(r);
    },
    async columnsByTemplate(key) {
      const rows = await q.selectFrom('publication_columns').selectAll().where('template_key', '=', key).execute();
      return rows.map(columnFromRow);
    },
    async insertColumn(c) {
      await q.insertInto('publication_columns').values(columnToRow(c)).execute();
    },
    async updateColumn(c) {
      await q.updateTable('publication_columns').set(columnToRow(c)).where('id', '=', c.id).execute();
    },
    async deleteColumn(id) {
      await q.deleteFrom('publication_columns').where('id', '=', id).execute();
    },
    async countItems(columnId) {
      const r = await q.selectFrom('publication_items').select(sql<number>`count(*)`.as('n')).where('column_id', '=', columnId).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async deleteForUnit(unitId) {
      await q.deleteFrom('publication_columns').where('unit_id', '=', unitId).execute();
      await q.deleteFrom('publication_settings').where('unit_id', '=', unitId).execute();
    },
    async settings(unitId) {
      const r = await q.selectFrom('publication_settings').selectAll().where('unit_id', '=', unitId).executeTakeFirst();
      return r && {
        unitId: r.unit_id, stages: JSON.parse(r.stages_json), fourEyes: r.four_eyes === 1,
        indexPrefixSource: r.index_prefix_source as PublicationSettings['indexPrefixSource'], indexSerialWidth: r.index_serial_width, updatedAt: r.updated_at,
      };
    },
    async putSettings(s) {
      const v = {
        unit_id: s.unitId, stages_json: JSON.stringify(s.stages), four_eyes: s.fourEyes ? 1 : 0, index_prefix_source: s.indexPrefixSource,
        index_serial_width: s.indexSerialWidth, updated_at: s.updatedAt,
      };
      await q.insertInto('publication_settings').values(v).onConflict((oc) => oc.column('unit_id').doUpdateSet({
        stages_json: v.stages_json, four_eyes: v.four_eyes, index_prefix_source: v.index_prefix_source, index_serial_width: v.index_serial_width, updated_at: v.updated_at,
      })).execute();
    },
    async codes(list) {
      let qb = q.selectFrom('publication_codes').selectAll();
      if (list) qb = qb.where('list', '=', list);
      const rows = await qb.orderBy('list').orderBy('sort_order').execute();
      return rows.map(codeFromRow);
    },
    async code(id) {
      const r = await q.selectFrom('publication_codes').selectAll().where('id', '=', id).executeTakeFirst();
      return r && codeFromRow(r);
    },
    async insertCode(c) {
      await q.insertInto('publication_codes').values(codeToRow(c)).execute();
    },
    async updateCode(c) {
      await q.updateTable('publication_codes').set(codeToRow(c)).where('id', '=', c.id).execute();
    },
    async deleteCode(id) {
      await q.deleteFrom('publication_codes').where('id', '=', id).execute();
    },
  };
}
