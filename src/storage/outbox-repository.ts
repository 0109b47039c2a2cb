import type { Kysely, Transaction } from 'kysely';
import type { OutboxMessage, OutboxRepository } from '../domain/ports.js';
import type { Database, Row } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

const fromRow = (r: Row<'mail_outbox'>): OutboxMessage => ({
  id: r.id, applicationId: r.application_id, toSealed: r.to_sealed, subject: r.subject, bodyText: r.body_text,
  status: r.status as OutboxMessage['status'], attempts: Number(r.attempts), lastError: r.last_error, createdAt: r.created_at,
  sentAt: r.sent_at, nextAttemptAt: r.next_attempt_at,
});

export function outboxRepository(q: Q): OutboxRepository {
  return {
    async insert(m) {
      await q.insertInto('mail_outbox').values({
        id: m.id, application_id: m.applicationId, to_sealed: m.toSealed, subject: m.subject, body_text: m.bodyText, status: m.status,
        attempts: m.attempts, last_error: m.lastError, created_at: m.createdAt, sent_at: m.sentAt, next_attempt_at: m.nextAttemptAt,
      }).execute();
    },
    async due(now, limit) {
      const rows = await q.selectFrom('mail_outbox').selectAll().where('status', '=', 'queued').where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at').orderBy('id').limit(limit).execute();
      return rows.map(fromRow);
    },
    async claim(id, seen, attempts, leaseUntil) {
      let qb = q.updateTable('mail_outbox').set({ attempts: attempts + 1, next_attempt_at: leaseUntil })
        .where('id', '=', id).where('status', '=', 'queued').where('attempts', '=', attempts);
      qb = seen === null ? qb.where('next_attempt_at', 'is', null) : qb.where('next_attempt_at', '=', seen);
      const res = await qb.executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async markSent(id, at) {
      await q.updateTable('mail_outbox').set({ status: 'sent', sent_at: at, next_attempt_at: null, last_error: null }).where('id', '=', id).execute();
    },
    async markFailedAttempt(id, error, nextAttemptAt) {
      await q.updateTable('mail_outbox')
        .set({ status: nextAttemptAt ? 'queued' : 'failed', last_error: error, next_attempt_at: nextAttemptAt })
        .where('id', '=', id).execute();
    },
    async listForApplication(applicationId) {
      const rows = await q.selectFrom('mail_outbox').selectAll().where('application_id', '=', applicationId).orderBy('created_at').orderBy('id').execute();
      return rows.map(fromRow);
    },
  };
}
