import { type Kysely, sql, type Transaction } from 'kysely';
import { hashAuditRow, GENESIS_HASH } from '../domain/audit/hash-chain.js';
import type {
  Account, Attachment, AuditEntry, AuditEntryInput, AuditQuery, Repos, RoleAssignment, Session, Store, Unit,
} from '../domain/ports.js';
import type { Db } from './db.js';
import type { Database, Row } from './schema.js';
import { applicationRepository, calendarOverrideRepository } from './application-repository.js';
import { outboxRepository } from './outbox-repository.js';
import { publicationChecksRepository } from './publication-checks-repository.js';
import { offlinePublicationRepository } from './offline-publication-repository.js';
import { publicationRepository } from './publication-repository.js';
import { catalogueRepository } from './publication-catalogue-repository.js';
import { itemViewsRepository } from './item-views-repository.js';
import { portalQueries } from './portal-queries.js';
import { searchIndexRepository } from './search-repository.js';
import { annualReportRepository } from './annual-report-repository.js';
import { reportImportRepository } from './report-import-repository.js';
import { reviewCaseRepository } from './review-case-repository.js';
import { manualEntryRepository, reportDataRepository } from './report-data-repository.js';

type Q = Kysely<Database> | Transaction<Database>;

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

export function unitFromRow(r: Row<'units'>): Unit {
  return {
    id: r.id, parentId: r.parent_id, name: r.name, shortName: r.short_name, code: r.code, slug: r.slug,
    type: r.type as Unit['type'], level: r.level as Unit['level'], sortOrder: r.sort_order,
    status: r.status as Unit['status'], officeName: r.office_name, address: r.address, officeHours: r.office_hours,
    phone: r.phone, fax: r.fax, email: r.email, website: r.website, postcode: r.postcode, functions: r.functions,
    leaders: JSON.parse(r.leaders_json), internalBodies: JSON.parse(r.internal_bodies_json),
    createdAt: r.created_at, updatedAt: r.updated_at, deactivatedAt: r.deactivated_at,
  };
}

function unitToRow(u: Unit): Row<'units'> {
  return {
    id: u.id, parent_id: u.parentId, name: u.name, short_name: u.shortName, code: u.code, slug: u.slug, type: u.type,
    level: u.level, sort_order: u.sortOrder, status: u.status, office_name: u.officeName, address: u.address,
    office_hours: u.officeHours, phone: u.phone, fax: u.fax, email: u.email, website: u.website, postcode: u.postcode,
    functions: u.functions, leaders_json: JSON.stringify(u.leaders), internal_bodies_json: JSON.stringify(u.internalBodies),
    created_at: u.createdAt, updated_at: u.updatedAt, deactivated_at: u.deactivatedAt,
  };
}

function accountFromRow(r: Row<'accounts'>): Account {
  return {
    id: r.id, unitId: r.unit_id, username: r.username, displayName: r.display_name, email: r.email,
    status: r.status as Account['status'], passwordHash: r.password_hash, mustChangePassword: r.must_change_password === 1,
    failedAttempts: r.failed_attempts, lockedUntil: r.locked_until, totpSecretEnc: r.totp_secret_enc,
    totpEnabled: r.totp_enabled === 1, lastLoginAt: r.last_login_at, passwordChangedAt: r.password_changed_at,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function accountToRow(a: Account): Row<'accounts'> {
  return {
    id: a.id, unit_id: a.unitId, username: a.username, display_name: a.displayName, email: a.email, status: a.status,
    password_hash: a.passwordHash, must_change_password: a.mustChangePassword ? 1 : 0, failed_attempts: a.failedAttempts,
    locked_until: a.lockedUntil, totp_secret_enc: a.totpSecretEnc, totp_enabled: a.totpEnabled ? 1 : 0,
    last_login_at: a.lastLoginAt, password_changed_at: a.passwordChangedAt, created_at: a.createdAt, updated_at: a.updatedAt,
  };
}

const roleFromRow = (r: Row<'role_assignments'>): RoleAssignment => ({
  id: r.id, accountId: r.account_id, unitId: r.unit_id, role: r.role as RoleAssignment['role'], createdAt: r.created_at,
});

const sessionFromRow = (r: Row<'sessions'>): Session => ({
  id: r.id, accountId: r.account_id, csrfToken: r.csrf_token, createdAt: r.created_at, lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at, ip: r.ip, userAgent: r.user_agent,
});

export const auditFromRow = (r: Row<'audit_log'>): AuditEntry => ({
  seq: Number(r.seq), at: r.at, actorId: r.actor_id, actorName: r.actor_name, unitId: r.unit_id, action: r.action,
  entityType: r.entity_type, entityId: r.entity_id, beforeJson: r.before_json, afterJson: r.after_json, ip: r.ip,
  prevHash: r.prev_hash, hash: r.hash,
});

const attachmentFromRow = (r: Row<'attachments'>): Attachment => ({
  id: r.id, sha256: r.sha256, filename: r.filename, mime: r.mime, size: r.size, unitId: r.unit_id,
  ownerType: r.owner_type, ownerId: r.owner_id, createdBy: r.created_by, createdAt: r.created_at,
});

function repos(q: Q, engine: Db['engine']): Repos {
  return {
    units: {
      async get(id) {
        const r = await q.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
        return r && unitFromRow(r);
      },
      async getBySlug(slug) {
        const r = await q.selectFrom('units').selectAll().where('slug', '=', slug).executeTakeFirst();
        return r && unitFromRow(r);
      },
      async getByCode(code) {
        const r = await q.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
        return r && unitFromRow(r);
      },
      async list() {
        const rows = await q.selectFrom('units').selectAll().orderBy('sort_order').orderBy('name').execute();
        return rows.map(unitFromRow);
      },
      async listTree() {
        const rows = await q.selectFrom('units').select(['id', 'parent_id']).execute();
        return rows.map((r) => ({ id: r.id, parentId: r.parent_id }));
      },
      async insert(u) {
        await q.insertInto('units').values(unitToRow(u)).execute();
      },
      async update(u) {
        await q.updateTable('units').set(unitToRow(u)).where('id', '=', u.id).execute();
      },
      async countRecords(id) {
        // Records that tie a unit down: accounts, attachments, child units, applications. Later modules add theirs.
        const counts = await Promise.all([
          q.selectFrom('accounts').select(sql<number>`count(*)`.as('n')).where('unit_id', '=', id).executeTakeFirstOrThrow(),
          q.selectFrom('attachments').select(sql<number>`count(*)`.as('n')).where('unit_id', '=', id).executeTakeFirstOrThrow(),
          q.selectFrom('units').select(sql<number>`count(*)`.as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow(),
          q.selectFrom('applications').select(sql<number>`count(*)`.as('n')).where('unit_id', '=', id).executeTakeFirstOrThrow(),
          q.selectFrom('publication_items').select(sql<number>`count(*)`.as('n')).where('unit_id', '=', id).executeTakeFirstOrThrow(),
          q.selectFrom('wording_entries').select(sql<number>`count(*)`.as('n')).where('unit_id', '=', id).executeTakeFirstOrThrow(),
          q.selectFrom('personal_data_settings').select(sql<number>`count(*)`.as('n')).where('unit_id', '=', id).executeTakeFirstOrThrow(),
          q.selectFrom('offline_publications').select(sql<number>`count(*)`.as('n')).where('unit_id', '=', id).executeTakeFirstOrThrow(),
          q.selectFrom('report_imports').select(sql<number>`count(*)`.as('n')).where((eb) => eb.or([eb('unit_id', '=', id), eb('owner_unit_id', '=', id)])).executeTakeFirstOrThrow(),
        ]);
        return counts.reduce((s, c) => s + Number(c.n), 0);
      },
      async delete(id) {
        await q.deleteFrom('units').where('id', '=', id).execute();
      },
    },
    accounts: {
      async get(id) {
        const r = await q.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
        return r && accountFromRow(r);
      },
      async getByUsername(username) {
        const r = await q.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
        return r && accountFromRow(r);
      },
      async listByUnits(unitIds) {
        if (unitIds.length === 0) return [];
        const rows = await q.selectFrom('accounts').selectAll().where('unit_id', 'in', unitIds).orderBy('username').execute();
        return rows.map(accountFromRow);
      },
      async insert(a) {
        await q.insertInto('accounts').values(accountToRow(a)).execute();
      },
      async update(a) {
        await q.updateTable('accounts').set(accountToRow(a)).where('id', '=', a.id).execute();
      },
    },
    roles: {
      async listForAccount(accountId) {
        const rows = await q.selectFrom('role_assignments').selectAll().where('account_id', '=', accountId).execute();
        return rows.map(roleFromRow);
      },
      async listForAccounts(ids) {
        if (ids.length === 0) return [];
        const rows = await q.selectFrom('role_assignments').selectAll().where('account_id', 'in', ids).execute();
        return rows.map(roleFromRow);
      },
      async replaceForAccount(accountId, roles) {
        await q.deleteFrom('role_assignments').where('account_id', '=', accountId).execute();
        if (roles.length) {
          await q.insertInto('role_assignments').values(roles.map((r) => ({
            id: r.id, account_id: r.accountId, unit_id: r.unitId, role: r.role, created_at: r.createdAt,
          }))).execute();
        }
      },
    },
    sessions: {
      async get(id) {
        const r = await q.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
        return r && sessionFromRow(r);
      },
      async insert(s) {
        await q.insertInto('sessions').values({
          id: s.id, account_id: s.accountId, csrf_token: s.csrfToken, created_at: s.createdAt,
          last_seen_at: s.lastSeenAt, expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent,
        }).execute();
      },
      async touch(id, at) {
        await q.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
      },
      async delete(id) {
        await q.deleteFrom('sessions').where('id', '=', id).execute();
      },
      async deleteForAccount(accountId) {
        await q.deleteFrom('sessions').where('account_id', '=', accountId).execute();
      },
      async purgeExpired(now, idleCutoff) {
        await q.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleCutoff)])).execute();
      },
      async deleteForAccountExcept(accountId, keepId) {
        await q.deleteFrom('sessions').where('account_id', '=', accountId).where('id', '!=', keepId).execute();
      },
    },
    audit: {
      async append(e: AuditEntryInput, at: string) {
        // Serialise appenders so the chain has one head. SQLite transactions are already serialised by the
        // single connection; PostgreSQL takes a transaction-scoped advisory lock.
        if (engine === 'postgres') await sql`select pg_advisory_xact_lock(7263001)`.execute(q);
        const last = await q.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
        const base = {
          seq: last ? Number(last.seq) + 1 : 1,
          at,
          actorId: e.actorId,
          actorName: e.actorName,
          unitId: e.unitId,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          beforeJson: json(e.before),
          afterJson: json(e.after),
          ip: e.ip ?? null,
          prevHash: last ? last.hash : GENESIS_HASH,
        };
        const entry: AuditEntry = { ...base, hash: hashAuditRow(base) };
        await q.insertInto('audit_log').values({
          seq: entry.seq, at: entry.at, actor_id: entry.actorId, actor_name: entry.actorName, unit_id: entry.unitId,
          action: entry.action, entity_type: entry.entityType, entity_id: entry.entityId, before_json: entry.beforeJson,
          after_json: entry.afterJson, ip: entry.ip, prev_hash: entry.prevHash, hash: entry.hash,
        }).execute();
        return entry;
      },
      async list(f: AuditQuery) {
        let qb = q.selectFrom('audit_log').selectAll();
        if (f.unitIds) {
          if (f.unitIds.length === 0) return [];
          qb = qb.where('unit_id', 'in', f.unitIds);
        }
        if (f.actorId) qb = qb.where('actor_id', '=', f.actorId);
        if (f.action) qb = qb.where('action', '=', f.action);
        if (f.entityType) qb = qb.where('entity_type', '=', f.entityType);
        if (f.entityId) qb = qb.where('entity_id', '=', f.entityId);
        if (f.from) qb = qb.where('at', '>=', f.from);
        if (f.to) qb = qb.where('at', '<', f.to);
        if (f.beforeSeq) qb = qb.where('seq', '<', f.beforeSeq);
        const rows = await qb.orderBy('seq', 'desc').limit(f.limit).execute();
        return rows.map(auditFromRow);
      },
      async scan(fromSeq, limit) {
        const rows = await q.selectFrom('audit_log').selectAll().where('seq', '>=', fromSeq).orderBy('seq').limit(limit).execute();
        return rows.map(auditFromRow);
      },
    },
    guides: {
      async get(unitId) {
        const r = await q.selectFrom('unit_guides').selectAll().where('unit_id', '=', unitId).executeTakeFirst();
        return r && { sections: JSON.parse(r.sections_json), updatedAt: r.updated_at, updatedBy: r.updated_by };
      },
      async put(unitId, sections, updatedAt, updatedBy) {
        const values = { unit_id: unitId, sections_json: JSON.stringify(sections), updated_at: updatedAt, updated_by: updatedBy };
        await q.insertInto('unit_guides').values(values)
          .onConflict((oc) => oc.column('unit_id').doUpdateSet({ sections_json: values.sections_json, updated_at: updatedAt, updated_by: updatedBy }))
          .execute();
      },
      async delete(unitId) {
        await q.deleteFrom('unit_guides').where('unit_id', '=', unitId).execute();
      },
    },
    applications: applicationRepository(q, engine),
    calendarOverrides: calendarOverrideRepository(q),
    outbox: outboxRepository(q),
    publicationChecks: publicationChecksRepository(q),
    offlinePublications: offlinePublicationRepository(q),
    publications: publicationRepository(q, engine),
    catalogue: catalogueRepository(q),
    annualReports: annualReportRepository(q),
    reportImports: reportImportRepository(q),
    reviewCases: reviewCaseRepository(q),
    manualEntries: manualEntryRepository(q),
    reportData: reportDataRepository(q, engine),
    itemViews: itemViewsRepository(q),
    searchIndex: searchIndexRepository(q, engine),
    portal: portalQueries(q, engine),
    attachments: {
      async get(id) {
        const r = await q.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
        return r && attachmentFromRow(r);
      },
      async insert(a) {
        await q.insertInto('attachments').values({
          id: a.id, sha256: a.sha256, filename: a.filename, mime: a.mime, size: a.size, unit_id: a.unitId,
          owner_type: a.ownerType, owner_id: a.ownerId, created_by: a.createdBy, created_at: a.createdAt,
        }).execute();
      },
      async listForOwner(ownerType, ownerId) {
        const rows = await q.selectFrom('attachments').selectAll().where('owner_type', '=', ownerType).where('owner_id', '=', ownerId).orderBy('created_at').execute();
        return rows.map(attachmentFromRow);
      },
      async delete(id) {
        await q.deleteFrom('attachments').where('id', '=', id).execute();
      },
    },
  };
}

/**
 * SQLite write transactions start with BEGIN IMMEDIATE: the write lock is taken up front, so a second server
 * process (serve --workers) waits for it (busy_timeout) instead of failing when a read lock cannot be upgraded.
 * Within one process Kysely's single connection already serialises transactions.
 */
async function sqliteImmediate<T>(db: Db, fn: (r: Repos) => Promise<T>): Promise<T> {
  return db.kysely.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(repos(conn, db.engine));
      await sql`commit`.execute(conn);
      return result;
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw e;
    }
  });
}

export function createStore(db: Db): Store & { onWrite(fn: () => void): void } {
  const listeners: (() => void)[] = [];
  return {
    read: (fn) => fn(repos(db.kysely, db.engine)),
    async write(fn, opts) {
      const result = db.engine === 'sqlite' ? await sqliteImmediate(db, fn) : await db.kysely.transaction().execute((trx) => fn(repos(trx, db.engine)));
      if (opts?.publicContent !== false) for (const l of listeners) l();
      return result;
    },
    onWrite(fn) {
      listeners.push(fn);
    },
  };
}
