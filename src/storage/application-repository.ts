import { type Kysely, sql, type Transaction } from 'kysely';
import type { ApplicationRepository, CalendarOverrideRepository } from '../domain/ports.js';
import type { Application, ApplicationEvent } from '../domain/requests/application.js';
import type { Database, Row } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export function applicationFromRow(r: Row<'applications'>): Application {
  return {
    id: r.id, unitId: r.unit_id, receiptNo: r.receipt_no, queryCodeHash: r.query_code_hash, status: r.status as Application['status'],
    outcome: r.outcome as Application['outcome'], applicantType: r.applicant_type as Application['applicantType'],
    applicantSealed: r.applicant_sealed, applicantMasked: r.applicant_masked, applicantKey: r.applicant_key, description: r.description,
    documentNo: r.document_no, provisionForm: r.provision_form as Application['provisionForm'], deliveryMethod: r.delivery_method as Application['deliveryMethod'],
    channel: r.channel as Application['channel'], receiptEvidence: r.receipt_evidence, receivedOn: r.received_on,
    correctionRequestedOn: r.correction_requested_on, correctionReceivedOn: r.correction_received_on, replyDue: r.reply_due,
    replyDueProvisional: r.reply_due_provisional === 1, calendarVersion: r.calendar_version, repliedOn: r.replied_on, servedOn: r.served_on,
    serviceMethod: r.service_method, handlerId: r.handler_id, duplicateOf: r.duplicate_of, transferredTo: r.transferred_to,
    transferredFrom: r.transferred_from, reply: r.reply_json ? JSON.parse(r.reply_json) : null, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function applicationToRow(a: Application): Row<'applications'> {
  return {
    id: a.id, unit_id: a.unitId, receipt_no: a.receiptNo, query_code_hash: a.queryCodeHash, status: a.status, outcome: a.outcome,
    applicant_type: a.applicantType, applicant_sealed: a.applicantSealed, applicant_masked: a.applicantMasked, applicant_key: a.applicantKey,
    description: a.description, document_no: a.documentNo, provision_form: a.provisionForm, delivery_method: a.deliveryMethod, channel: a.channel,
    receipt_evidence: a.receiptEvidence, received_on: a.receivedOn, correction_requested_on: a.correctionRequestedOn,
    correction_received_on: a.correctionReceivedOn, reply_due: a.replyDue, reply_due_provisional: a.replyDueProvisional ? 1 : 0,
    calendar_version: a.calendarVersion, replied_on: a.repliedOn, served_on: a.servedOn, service_method: a.serviceMethod, handler_id: a.handlerId,
    duplicate_of: a.duplicateOf, transferred_to: a.transferredTo, transferred_from: a.transferredFrom,
    reply_json: a.reply ? JSON.stringify(a.reply) : null, created_at: a.createdAt, updated_at: a.updatedAt,
  };
}

const eventFromRow = (r: Row<'application_events'>): ApplicationEvent => ({
  id: r.id, applicationId: r.application_id, seq: r.seq, action: r.action, fromStatus: r.from_status as ApplicationEvent['fromStatus'],
  toStatus: r.to_status as ApplicationEvent['toStatus'], effectiveOn: r.effective_on, at: r.at, actorId: r.actor_id, actorName: r.actor_name,
  data: r.data_json ? JSON.parse(r.data_json) : null,
});

export function applicationRepository(q: Q, engine: 'sqlite' | 'postgres'): ApplicationRepository {
  return {
    async get(id) {
      const r = await q.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
      return r && applicationFromRow(r);
    },
    async getByReceiptNo(no) {
      const r = await q.selectFrom('applications').selectAll().where('receipt_no', '=', no).executeTakeFirst();
      return r && applicationFromRow(r);
    },
    async insert(a) {
      await q.insertInto('applications').values(applicationToRow(a)).execute();
    },
    async updateIfStatus(a, expected) {
      const res = await q.updateTable('applications').set(applicationToRow(a)).where('id', '=', a.id).where('status', '=', expected).executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async updateDerived(id, replyDue, provisional, calendarVersion) {
      await q.updateTable('applications').set({ reply_due: replyDue, reply_due_provisional: provisional ? 1 : 0, calendar_version: calendarVersion }).where('id', '=', id).execute();
    },
    async appendEvent(e) {
      await q.insertInto('application_events').values({
        id: e.id, application_id: e.applicationId, seq: e.seq, action: e.action, from_status: e.fromStatus, to_status: e.toStatus,
        effective_on: e.effectiveOn, at: e.at, actor_id: e.actorId, actor_name: e.actorName, data_json: e.data ? JSON.stringify(e.data) : null,
      }).execute();
    },
    async events(applicationId) {
      const rows = await q.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
      return rows.map(eventFromRow);
    },
    async queue(f) {
      if (f.unitIds.length === 0) return [];
      let qb = q.selectFrom('applications').selectAll().where('unit_id', 'in', f.unitIds);
      if (f.statuses?.length) qb = qb.where('status', 'in', f.statuses);
      if (f.handlerId) qb = qb.where('handler_id', '=', f.handlerId);
      if (f.dueBefore) qb = qb.where('reply_due', '<=', f.dueBefore);
      if (f.receivedFrom) qb = qb.where('received_on', '>=', f.receivedFrom);
      if (f.receivedTo) qb = qb.where('received_on', '<=', f.receivedTo);
      // Applications without a due date (awaiting confirmation or correction, clock stopped) sort last.
      const dueKey = sql<string>`coalesce(reply_due, '9999-12-31')`;
      if (f.after) {
        const d = f.after.replyDue ?? '9999-12-31';
        qb = qb.where((eb) => eb.or([eb(dueKey, '>', d), eb.and([eb(dueKey, '=', d), eb('id', '>', f.after!.id)])]));
      }
      const rows = await qb.orderBy(dueKey).orderBy('id').limit(f.limit).execute();
      return rows.map(applicationFromRow);
    },
    async findByApplicantKey(unitId, key) {
      const rows = await q.selectFrom('applications').selectAll().where('unit_id', '=', unitId).where('applicant_key', '=', key).orderBy('created_at').execute();
      return rows.map(applicationFromRow);
    },
    async countForUnitYear(unitId, year) {
      // Receipt numbers are per unit and year: serialise their allocation (SQLite transactions already are).
      if (engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`receipt:${unitId}`}))`.execute(q);
      const r = await q.selectFrom('applications').select(sql<number>`count(*)`.as('n')).where('unit_id', '=', unitId).where('receipt_no', 'like', `%-${year}-%`).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async openIds(after, limit) {
      let qb = q.selectFrom('applications').select(['id', 'unit_id']).where('status', 'in', ['registered', 'received', 'correctionRequested', 'inProgress', 'consulting', 'extensionRequested', 'feeNoticeIssued']);
      if (after) qb = qb.where('id', '>', after);
      const rows = await qb.orderBy('id').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, unitId: r.unit_id }));
    },
  };
}

export function calendarOverrideRepository(q: Q): CalendarOverrideRepository {
  return {
    async list() {
      const rows = await q.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
      return rows.map((r) => ({ id: r.id, unitId: r.unit_id, date: r.date, kind: r.kind as 'off' | 'work' | 'year', name: r.name, createdAt: r.created_at, createdBy: r.created_by }));
    },
    async insert(o) {
      await q.insertInto('calendar_overrides').values({ id: o.id, unit_id: o.unitId, date: o.date, kind: o.kind, name: o.name, created_at: o.createdAt, created_by: o.createdBy }).execute();
    },
    async delete(id) {
      await q.deleteFrom('calendar_overrides').where('id', '=', id).execute();
    },
  };
}
