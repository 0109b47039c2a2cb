/** Internal notes and assignment: recorded in the application's history, status unchanged. */
import { z } from 'zod';
import { DomainError, notFound } from '../errors.js';
import { assertCan, can } from '../policy/policy.js';
import type { Actor, Deps, Repos } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import type { ApplicationEvent } from './application.js';

const noteInput = z.object({ text: z.string({ error: '请填写备注内容' }).trim().min(1, '请填写备注内容').max(4000, '备注不能超过4000字') });
const assignInput = z.object({ handlerId: z.string({ error: '请选择经办人' }).min(1, '请选择经办人') });

async function appendSideEvent(deps: Deps, actor: Actor, id: string, action: 'note' | 'assign', data: Record<string, unknown>, check?: (unitId: string, r: Repos) => Promise<void>): Promise<ApplicationEvent> {
  return deps.store.write(async (r) => {
    const app = await r.applications.get(id);
    const { tree } = await loadTree(r);
    if (!app || !can(actor, 'request.read', app.unitId, tree)) throw notFound('申请');
    assertCan(actor, 'request.handle', app.unitId, tree);
    if (check) await check(app.unitId, r);
    const events = await r.applications.events(id);
    const now = deps.clock.now();
    const event: ApplicationEvent = { id: deps.newId(), applicationId: id, seq: (events.at(-1)?.seq ?? 0) + 1, action, fromStatus: app.status, toStatus: app.status, effectiveOn: null, at: now, actorId: actor.accountId, actorName: actor.name, data };
    if (action === 'assign') {
      const updated = { ...app, handlerId: data.handlerId as string, updatedAt: now };
      if (!(await r.applications.updateIfStatus(updated, app.status))) throw new DomainError('CONFLICT', '该申请刚刚被他人办理，请刷新后重试');
    }
    await r.applications.appendEvent(event);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: app.unitId, action: `application.${action}`, entityType: 'application', entityId: id, after: action === 'assign' ? { handlerId: data.handlerId } : { note: true }, ip: actor.ip ?? null }, now);
    return event;
  });
}

/** Notes are internal: the applicant's progress page never shows them. */
export async function addNote(deps: Deps, actor: Actor, id: string, input: unknown): Promise<ApplicationEvent> {
  const { text } = parseInput(noteInput, input);
  return appendSideEvent(deps, actor, id, 'note', { text });
}

export async function assignHandler(deps: Deps, actor: Actor, id: string, input: unknown): Promise<ApplicationEvent> {
  const { handlerId } = parseInput(assignInput, input);
  // The check runs inside the same transaction (a nested read would wait for the connection it holds).
  return appendSideEvent(deps, actor, id, 'assign', { handlerId }, async (unitId, r) => {
    const account = await r.accounts.get(handlerId);
    let ok = false;
    if (account && account.status === 'active') {
      const roles = await r.roles.listForAccount(handlerId);
      const { tree } = await loadTree(r);
      ok = can({ accountId: account.id, name: account.displayName, unitId: account.unitId, roles: roles.map((x) => ({ unitId: x.unitId, role: x.role })) }, 'request.handle', unitId, tree);
    }
    if (!ok) throw new DomainError('VALIDATION', '所选人员不是本单位的依申请经办人', { fields: [{ path: 'handlerId', message: '请选择本单位的经办人' }] });
  });
}

/** Who can be assigned an application of a unit: active accounts that may handle its applications. */
export async function listHandlers(deps: Deps, actor: Actor, unitId: string): Promise<{ id: string; displayName: string; username: string }[]> {
  return deps.store.read(async (r) => {
    const { tree, units } = await loadTree(r);
    if (!can(actor, 'request.read', unitId, tree)) throw notFound('单位');
    // Handlers hold their role at the unit itself (caseHandler acts on its own unit only).
    const candidates = await r.accounts.listByUnits(units.map((u) => u.id));
    const roles = await r.roles.listForAccounts(candidates.map((a) => a.id));
    return candidates
      .filter((a) => a.status === 'active')
      .filter((a) => can({ accountId: a.id, name: a.displayName, unitId: a.unitId, roles: roles.filter((x) => x.accountId === a.id).map((x) => ({ unitId: x.unitId, role: x.role })) }, 'request.handle', unitId, tree))
      .map((a) => ({ id: a.id, displayName: a.displayName, username: a.username }));
  });
}
