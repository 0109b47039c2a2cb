import type { Kysely, Transaction } from 'kysely';
import type { AnnualReport, AnnualReportEvent, AnnualReportRepository, ReportDeadline } from '../domain/annual-report/workflow-record.js';
import type { Database, Row } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

const SUMMARY_COLUMNS = [
  'id', 'unit_id', 'year', 'template', 'status', 'origin', 'computed_at', 'submitted_at', 'submitted_by', 'decided_at', 'decided_by',
  'return_comment', 'published_at', 'version', 'created_at', 'updated_at',
] as const;

type SummaryRow = Pick<Row<'annual_reports'>, (typeof SUMMARY_COLUMNS)[number]>;

const summaryFromRow = (r: SummaryRow): Omit<AnnualReport, 'doc' | 'manualCells' | 'computedCells'> => ({
  id: r.id, unitId: r.unit_id, year: Number(r.year), template: r.template, status: r.status as AnnualReport['status'],
  origin: r.origin as AnnualReport['origin'], computedAt: r.computed_at, submittedAt: r.submitted_at, submittedBy: r.submitted_by,
  decidedAt: r.decided_at, decidedBy: r.decided_by, returnComment: r.return_comment, publishedAt: r.published_at,
  version: Number(r.version), createdAt: r.created_at, updatedAt: r.updated_at,
});

const fromRow = (r: Row<'annual_reports'>): AnnualReport => ({
  ...summaryFromRow(r),
  doc: JSON.parse(r.doc_json),
  manualCells: JSON.parse(r.manual_cells_json),
  computedCells: JSON.parse(r.computed_cells_json),
});

const toRow = (a: AnnualReport): Row<'annual_reports'> => ({
  id: a.id, unit_id: a.unitId, year: a.year, template: a.template, status: a.status, origin: a.origin, doc_json: JSON.stringify(a.doc),
  manual_cells_json: JSON.stringify(a.manualCells), computed_cells_json: JSON.stringify(a.computedCells), computed_at: a.computedAt,
  submitted_at: a.submittedAt, submitted_by: a.submittedBy, decided_at: a.decidedAt, decided_by: a.decidedBy, return_comment: a.returnComment,
  published_at: a.publishedAt, version: a.version, created_at: a.createdAt, updated_at: a.updatedAt,
});

const eventFromRow = (r: Row<'annual_report_events'>): AnnualReportEvent => ({
  id: r.id, reportId: r.report_id, seq: Number(r.seq), action: r.action, fromStatus: r.from_status as AnnualReportEvent['fromStatus'],
  toStatus: r.to_status as AnnualReportEvent['toStatus'], at: r.at, actorId: r.actor_id, actorName: r.actor_name, comment: r.comment,
});

const deadlineFromRow = (r: Row<'report_deadlines'>): ReportDeadline => ({
  id: r.id, unitId: r.unit_id, scope: r.scope as ReportDeadline['scope'], dueMonthDay: r.due_month_day, updatedAt: r.updated_at, updatedBy: r.updated_by,
});

export function annualReportRepository(q: Q): AnnualReportRepository {
  return {
    async get(id) {
      const r = await q.selectFrom('annual_reports').selectAll().where('id', '=', id).executeTakeFirst();
      return r && fromRow(r);
    },
    async getByUnitYear(unitId, year) {
      const r = await q.selectFrom('annual_reports').selectAll().where('unit_id', '=', unitId).where('year', '=', year).executeTakeFirst();
      return r && fromRow(r);
    },
    async listForYear(year, unitIds) {
      if (unitIds && unitIds.length === 0) return [];
      let qb = q.selectFrom('annual_reports').selectAll().where('year', '=', year);
      if (unitIds) qb = qb.where('unit_id', 'in', unitIds);
      return (await qb.orderBy('unit_id').execute()).map(fromRow);
    },
    async listForUnit(unitId) {
      const rows = await q.selectFrom('annual_reports').select([...SUMMARY_COLUMNS]).where('unit_id', '=', unitId).orderBy('year', 'desc').execute();
      return rows.map(summaryFromRow);
    },
    async insert(a) {
      await q.insertInto('annual_reports').values(toRow(a)).execute();
    },
    async updateIf(a, expected) {
      const { id: _id, unit_id: _u, year: _y, created_at: _c, ...set } = toRow(a);
      const res = await q.updateTable('annual_reports').set(set)
        .where('id', '=', a.id).where('status', '=', expected.status).where('version', '=', expected.version).executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async appendEvent(e) {
      await q.insertInto('annual_report_events').values({
        id: e.id, report_id: e.reportId, seq: e.seq, action: e.action, from_status: e.fromStatus, to_status: e.toStatus, at: e.at,
        actor_id: e.actorId, actor_name: e.actorName, comment: e.comment,
      }).execute();
    },
    async events(reportId) {
      const rows = await q.selectFrom('annual_report_events').selectAll().where('report_id', '=', reportId).orderBy('seq').execute();
      return rows.map(eventFromRow);
    },
    async listDeadlines() {
      return (await q.selectFrom('report_deadlines').selectAll().orderBy('unit_id').orderBy('scope').execute()).map(deadlineFromRow);
    },
    async putDeadline(d) {
      await q.insertInto('report_deadlines').values({
        id: d.id, unit_id: d.unitId, scope: d.scope, due_month_day: d.dueMonthDay, updated_at: d.updatedAt, updated_by: d.updatedBy,
      }).onConflict((oc) => oc.columns(['unit_id', 'scope']).doUpdateSet({ due_month_day: d.dueMonthDay, updated_at: d.updatedAt, updated_by: d.updatedBy }))
        .execute();
    },
    async deleteDeadline(unitId, scope) {
      await q.deleteFrom('report_deadlines').where('unit_id', '=', unitId).where('scope', '=', scope).execute();
    },
    async feesCollectedYuan(unitId, year) {
      // 国办函〔2020〕109号: what was actually paid in the year (the payment's date), not what was billed.
      const rows = await q.selectFrom('application_events as e').innerJoin('applications as a', 'a.id', 'e.application_id')
        .select(['e.data_json']).where('a.unit_id', '=', unitId).where('e.action', '=', 'recordPayment')
        .where('e.effective_on', '>=', `${year}-01-01`).where('e.effective_on', '<=', `${year}-12-31`).execute();
      let amountYuan = 0;
      for (const r of rows) {
        const n = Number((r.data_json ? JSON.parse(r.data_json) : {}).amountYuan);
        if (Number.isFinite(n) && n > 0) amountYuan += n;
      }
      return { amountYuan, payments: rows.length };
    },
  };
}
