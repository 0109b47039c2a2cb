import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReviewCase, ReviewCaseRepository } from '../domain/reviews/review-case.js';
import type { Database, Row } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export const reviewCaseFromRow = (r: Row<'review_cases'>): ReviewCase => ({
  id: r.id, unitId: r.unit_id, applicationId: r.application_id, kind: r.kind as ReviewCase['kind'], filedOn: r.filed_on, body: r.body,
  caseNo: r.case_no, challengedNotice: r.challenged_notice, outcome: r.outcome as ReviewCase['outcome'], concludedOn: r.concluded_on,
  remarks: r.remarks, createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.updated_at,
});

const toRow = (c: ReviewCase): Row<'review_cases'> => ({
  id: c.id, unit_id: c.unitId, application_id: c.applicationId, kind: c.kind, filed_on: c.filedOn, body: c.body, case_no: c.caseNo,
  challenged_notice: c.challengedNotice, outcome: c.outcome, concluded_on: c.concludedOn, remarks: c.remarks, created_at: c.createdAt,
  created_by: c.createdBy, updated_at: c.updatedAt,
});

export function reviewCaseRepository(q: Q): ReviewCaseRepository {
  return {
    async get(id) {
      const r = await q.selectFrom('review_cases').selectAll().where('id', '=', id).executeTakeFirst();
      return r && reviewCaseFromRow(r);
    },
    async insert(c) {
      await q.insertInto('review_cases').values(toRow(c)).execute();
    },
    async update(c) {
      await q.updateTable('review_cases').set(toRow(c)).where('id', '=', c.id).execute();
    },
    async delete(id) {
      await q.deleteFrom('review_cases').where('id', '=', id).execute();
    },
    async list(f) {
      if (f.unitIds.length === 0) return { total: 0, items: [] };
      let qb = q.selectFrom('review_cases').where('unit_id', 'in', f.unitIds);
      if (f.year) {
        // The year's table 四: concluded in the year, or filed by its end and still open at its end.
        const start = `${f.year}-01-01`, end = `${f.year}-12-31`;
        qb = qb.where('filed_on', '<=', end).where((eb) => eb.or([eb('concluded_on', 'is', null), eb('concluded_on', '>=', start)]));
      }
      if (f.kind) qb = qb.where('kind', '=', f.kind);
      if (f.applicationId) qb = qb.where('application_id', '=', f.applicationId);
      const [count, rows] = await Promise.all([
        qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        qb.selectAll().orderBy('filed_on', 'desc').orderBy('id').offset(f.offset).limit(f.limit).execute(),
      ]);
      return { total: Number(count.n), items: rows.map(reviewCaseFromRow) };
    },
    async countForApplication(applicationId) {
      const r = await q.selectFrom('review_cases').select(sql<number>`count(*)`.as('n')).where('application_id', '=', applicationId).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
