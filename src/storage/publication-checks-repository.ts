import { sql, type Kysely, type Transaction } from 'kysely';
import type { PersonalDataSetting, PublicationChecksRepository } from '../domain/publications/checks/model.js';
import type { WordingEntry } from '../domain/publications/checks/wording.js';
import type { Database, Row } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

const entryFromRow = (r: Row<'wording_entries'>): WordingEntry => ({
  id: r.id, unitId: r.unit_id, phrase: r.phrase, kind: r.kind as WordingEntry['kind'], suggestion: r.suggestion,
  severity: r.severity as WordingEntry['severity'], note: r.note, active: Number(r.active) === 1, createdAt: r.created_at,
  createdBy: r.created_by, updatedAt: r.updated_at,
});

const entryToRow = (e: WordingEntry): Row<'wording_entries'> => ({
  id: e.id, unit_id: e.unitId, phrase: e.phrase, kind: e.kind, suggestion: e.suggestion, severity: e.severity, note: e.note,
  active: e.active ? 1 : 0, created_at: e.createdAt, created_by: e.createdBy, updated_at: e.updatedAt,
});

const settingFromRow = (r: Row<'personal_data_settings'>): PersonalDataSetting => ({
  id: r.id, unitId: r.unit_id, rule: r.rule as PersonalDataSetting['rule'], severity: r.severity as PersonalDataSetting['severity'],
  active: Number(r.active) === 1, updatedAt: r.updated_at, updatedBy: r.updated_by,
});

export function publicationChecksRepository(q: Q): PublicationChecksRepository {
  return {
    async dictionaryVersion() {
      // Count, newest change and a checksum of the ids' lengths x activity: any insert, update or delete changes it.
      const r = await q.selectFrom('wording_entries')
        .select([sql<number>`count(*)`.as('n'), sql<string | null>`max(updated_at)`.as('latest'), sql<number>`sum(active)`.as('active')])
        .executeTakeFirstOrThrow();
      return `${Number(r.n)}:${r.latest ?? ''}:${Number(r.active ?? 0)}`;
    },
    async listEntries(f = {}) {
      let qb = q.selectFrom('wording_entries').selectAll();
      if (f.scopes) {
        const ids = f.scopes.filter((s): s is string => s !== null);
        const platform = f.scopes.includes(null);
        if (!ids.length && !platform) return [];
        qb = qb.where((eb) => eb.or([
          ...(ids.length ? [eb('unit_id', 'in', ids)] : []),
          ...(platform ? [eb('unit_id', 'is', null)] : []),
        ]));
      }
      if (f.kind) qb = qb.where('kind', '=', f.kind);
      if (f.activeOnly) qb = qb.where('active', '=', 1);
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        qb = qb.where((eb) => eb.or([sql<boolean>`${eb.ref('phrase')} like ${like} escape '\\'`, sql<boolean>`${eb.ref('suggestion')} like ${like} escape '\\'`, sql<boolean>`${eb.ref('note')} like ${like} escape '\\'`]));
      }
      const rows = await qb.orderBy('kind').orderBy('phrase').orderBy('id').execute();
      return rows.map(entryFromRow);
    },
    async getEntry(id) {
      const r = await q.selectFrom('wording_entries').selectAll().where('id', '=', id).executeTakeFirst();
      return r && entryFromRow(r);
    },
    async findEntry(unitId, phrase) {
      let qb = q.selectFrom('wording_entries').selectAll().where('phrase', '=', phrase);
      qb = unitId === null ? qb.where('unit_id', 'is', null) : qb.where('unit_id', '=', unitId);
      const r = await qb.executeTakeFirst();
      return r && entryFromRow(r);
    },
    async insertEntry(e) {
      await q.insertInto('wording_entries').values(entryToRow(e)).execute();
    },
    async updateEntry(e) {
      await q.updateTable('wording_entries').set(entryToRow(e)).where('id', '=', e.id).execute();
    },
    async deleteEntry(id) {
      await q.deleteFrom('wording_entries').where('id', '=', id).execute();
    },
    async personalDataSettings() {
      const rows = await q.selectFrom('personal_data_settings').selectAll().orderBy('rule').orderBy('id').execute();
      return rows.map(settingFromRow);
    },
    async putPersonalDataSetting(s) {
      const row = {
        id: s.id, unit_id: s.unitId, rule: s.rule, severity: s.severity, active: s.active ? 1 : 0, updated_at: s.updatedAt, updated_by: s.updatedBy,
      };
      await q.insertInto('personal_data_settings').values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ severity: row.severity, active: row.active, updated_at: row.updated_at, updated_by: row.updated_by }))
        .execute();
    },
  };
}
