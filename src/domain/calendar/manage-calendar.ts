/**
 * Changing the calendar: one override, or a whole year's arrangement imported from the State Council's notice.
 * A change recomputes the due date of every open application it can affect, and each application whose date
 * moved gets an event saying from what to what and why (rules.md §3.1: a calendar change recomputes open cases).
 */
import { DomainError, forbidden } from '../errors.js';
import { assertCan } from '../policy/policy.js';
import type { Actor, CalendarOverride, Deps, Repos } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { isCivilDate } from './civil-date.js';
import type { SpecialDay } from './working-calendar.js';
import { recomputeDue } from '../requests/transition-application.js';

export interface CalendarChange {
  unitId: string | null;
  days: SpecialDay[];
  /** Years whose arrangement this change completes (an imported notice): they stop being provisional. */
  years: number[];
  reason: string;
}

export interface CalendarChangeResult {
  inserted: number;
  recomputed: { receiptNo: string; from: string | null; to: string | null }[];
}

async function assertMayChange(r: Repos, actor: Actor, unitId: string | null): Promise<void> {
  if (unitId === null) {
    // Deployment-wide: the official calendar of every unit. Only a system administrator.
    if (!actor.system && !actor.roles.some((x) => x.role === 'sysAdmin')) throw forbidden('只有系统管理员可以修改全平台的节假日安排');
    return;
  }
  const { tree } = await loadTree(r);
  if (!tree.has(unitId)) throw new DomainError('NOT_FOUND', '单位不存在');
  assertCan(actor, 'unit.update', unitId, tree);
}

export async function changeCalendar(deps: Deps, actor: Actor, change: CalendarChange): Promise<CalendarChangeResult> {
  for (const d of change.days) {
    if (!isCivilDate(d.date)) throw new DomainError('VALIDATION', `“${d.date}”不是有效日期`);
  }
  if (change.days.length === 0 && change.years.length === 0) throw new DomainError('VALIDATION', '没有需要调整的日期');
  return deps.store.write(async (r) => {
    await assertMayChange(r, actor, change.unitId);
    const now = deps.clock.now();
    const existing = (await r.calendarOverrides.list()).filter((o) => o.unitId === change.unitId);
    const rows: CalendarOverride[] = [];
    for (const d of change.days) {
      for (const old of existing.filter((o) => o.date === d.date && o.kind !== 'year')) await r.calendarOverrides.delete(old.id);
      rows.push({ id: deps.newId(), unitId: change.unitId, date: d.date, kind: d.kind, name: d.name, createdAt: now, createdBy: actor.accountId });
    }
    for (const y of change.years) {
      if (existing.some((o) => o.kind === 'year' && o.date === `${y}-01-01`)) continue;
      rows.push({ id: deps.newId(), unitId: change.unitId, date: `${y}-01-01`, kind: 'year', name: `${y}年节假日安排`, createdAt: now, createdBy: actor.accountId });
    }
    for (const row of rows) await r.calendarOverrides.insert(row);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: change.unitId, action: 'calendar.change', entityType: 'calendar', entityId: change.unitId, after: { reason: change.reason, years: change.years, days: change.days }, ip: actor.ip ?? null }, now);
    const recomputed = await recomputeOpen(deps, r, actor, change.unitId, change.reason);
    return { inserted: rows.length, recomputed };
  });
}

export async function removeOverride(deps: Deps, actor: Actor, id: string): Promise<CalendarChangeResult> {
  return deps.store.write(async (r) => {
    const o = (await r.calendarOverrides.list()).find((x) => x.id === id);
    if (!o) throw new DomainError('NOT_FOUND', '该节假日调整不存在');
    await assertMayChange(r, actor, o.unitId);
    await r.calendarOverrides.delete(id);
    const reason = `撤销节假日调整：${o.date} ${o.name}`;
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: o.unitId, action: 'calendar.change', entityType: 'calendar', entityId: o.unitId, before: o, ip: actor.ip ?? null }, deps.clock.now());
    return { inserted: 0, recomputed: await recomputeOpen(deps, r, actor, o.unitId, reason) };
  });
}

async function recomputeOpen(deps: Deps, r: Repos, actor: Actor, unitId: string | null, reason: string): Promise<CalendarChangeResult['recomputed']> {
  const { tree } = await loadTree(r);
  const affected = unitId === null ? null : new Set(tree.subtree(unitId));
  const out: CalendarChangeResult['recomputed'] = [];
  let after: string | null = null;
  for (;;) {
    const page = await r.applications.openIds(after, 500);
    for (const { id, unitId: u } of page) {
      if (affected && !affected.has(u)) continue;
      const app = await r.applications.get(id);
      if (!app) continue;
      const events = await r.applications.events(id);
      const from = app.replyDue;
      await recomputeDue(deps, r, app, events);
      if (app.replyDue === from) {
        await r.applications.updateDerived(id, app.replyDue, app.replyDueProvisional, app.calendarVersion ?? '');
        continue;
      }
      await r.applications.updateDerived(id, app.replyDue, app.replyDueProvisional, app.calendarVersion ?? '');
      await r.applications.appendEvent({
        id: deps.newId(), applicationId: id, seq: (events.at(-1)?.seq ?? 0) + 1, action: 'recomputeDeadline', fromStatus: app.status, toStatus: app.status,
        effectiveOn: null, at: deps.clock.now(), actorId: actor.accountId, actorName: actor.name, data: { from, to: app.replyDue, reason },
      });
      out.push({ receiptNo: app.receiptNo, from, to: app.replyDue });
    }
    if (page.length < 500) break;
    after = page[page.length - 1]?.id ?? null;
  }
  return out;
}
