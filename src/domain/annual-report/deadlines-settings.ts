/**
 * Deadline settings (Art. 49: townships' deadline is set locally): the supervising office sets a unit's own date,
 * a government sets the default for the townships and streets below it. Clearing a setting returns to the default.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { can } from '../policy/policy.js';
import type { Actor, Deps, Unit } from '../ports.js';
import { parseInput } from '../validate.js';
import { isMonthDay, reportDueDate } from './deadlines.js';
import { unitScope } from './workflow-context.js';

const input = z.object({
  unitId: z.string({ error: '请选择单位' }).min(1, '请选择单位').max(64),
  scope: z.enum(['own', 'townships'], { error: '请选择设定对象：本单位或所属乡镇（街道）' }),
  dueMonthDay: z.string().refine(isMonthDay, '报送期限应为“月-日”，例如 01-31').nullable(),
});

export async function getDeadlineSettings(deps: Deps, actor: Actor, unitId: string, year: number) {
  return deps.store.read(async (r) => {
    const scope = await unitScope(r, actor, unitId);
    const settings = await r.annualReports.listDeadlines();
    const byId = new Map(scope.units.map((u) => [u.id, u]));
    const ancestors = scope.tree.ancestors(unitId).map((id) => byId.get(id)).filter((u): u is Unit => !!u);
    const own = settings.find((s) => s.unitId === unitId && s.scope === 'own') ?? null;
    const townships = settings.find((s) => s.unitId === unitId && s.scope === 'townships') ?? null;
    return {
      unitId, year,
      own: own?.dueMonthDay ?? null,
      townships: scope.unit.type === 'government' ? townships?.dueMonthDay ?? null : undefined,
      effective: reportDueDate(scope.unit, ancestors, year, settings),
      mayEdit: can(actor, 'report.edit', scope.supervisor.id, scope.tree),
    };
  });
}

export async function setDeadline(deps: Deps, actor: Actor, raw: unknown): Promise<void> {
  const data = parseInput(input, raw);
  await deps.store.write(async (r) => {
    const scope = await unitScope(r, actor, data.unitId);
    // The office that decides a unit's report sets its date; a government sets its townships' default itself.
    const decider = data.scope === 'own' ? scope.supervisor : scope.unit;
    if (!can(actor, 'report.edit', decider.id, scope.tree)) throw new DomainError('FORBIDDEN', `只有${decider.name}的政府信息公开工作机构可以设定该报送期限`);
    if (data.scope === 'townships' && scope.unit.type !== 'government') {
      throw new DomainError('VALIDATION', '只有人民政府可以设定所属乡镇（街道）的默认报送期限', { fields: [{ path: 'scope', message: '该单位不是人民政府' }] });
    }
    const now = deps.clock.now();
    const before = (await r.annualReports.listDeadlines()).find((s) => s.unitId === data.unitId && s.scope === data.scope);
    if (data.dueMonthDay === null) await r.annualReports.deleteDeadline(data.unitId, data.scope);
    else await r.annualReports.putDeadline({ id: before?.id ?? deps.newId(), unitId: data.unitId, scope: data.scope, dueMonthDay: data.dueMonthDay, updatedAt: now, updatedBy: actor.name });
    await r.audit.append({
      actorId: actor.accountId, actorName: actor.name, unitId: data.unitId, action: 'annualReport.deadline', entityType: 'unit', entityId: data.unitId,
      before: before ? { scope: before.scope, dueMonthDay: before.dueMonthDay } : undefined, after: { scope: data.scope, dueMonthDay: data.dueMonthDay }, ip: actor.ip ?? null,
    }, now);
  });
}
