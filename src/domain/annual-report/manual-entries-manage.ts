/** Entering, correcting and removing annual-report figures kept in other systems; every change audited. */
import { z } from 'zod';
import { forbidden, invalid, notFound } from '../errors.js';
import { can } from '../policy/policy.js';
import type { Actor, Deps } from '../ports.js';
import type { UnitTree } from '../units/tree.js';
import { loadTree } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import { MANUAL_ENTRY_KINDS, manualEntryFields, manualEntrySnapshot, manualValueProblem, type ManualEntry, type ManualEntryKind } from './manual-entries.js';

export function assertCanEditReport(actor: Actor, unitId: string, tree: UnitTree): void {
  if (!can(actor, 'report.read', unitId, tree) && !can(actor, 'report.edit', unitId, tree)) throw notFound('单位');
  if (!can(actor, 'report.edit', unitId, tree)) throw forbidden('您没有录入年报统计数据的权限（需公开办管理员）');
}

function checkYear(year: number, today: string): void {
  if (year > Number(today.slice(0, 4))) throw invalid([{ path: 'year', message: '不能录入尚未开始的年度' }]);
}

export async function createManualEntry(deps: Deps, actor: Actor, input: unknown): Promise<ManualEntry> {
  const data = parseInput(manualEntryFields, input);
  const p = manualValueProblem(data.kind, data.value);
  if (p) throw invalid([{ path: 'value', message: p }]);
  checkYear(data.year, deps.clock.now());
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    assertCanEditReport(actor, data.unitId, tree);
    const now = deps.clock.now();
    const e: ManualEntry = { id: deps.newId(), ...data, enteredBy: actor.accountId, enteredByName: actor.name, enteredAt: now, importBatch: null };
    await r.manualEntries.insert(e);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: e.unitId, action: 'reportEntry.create', entityType: 'reportEntry', entityId: e.id, after: manualEntrySnapshot(e), ip: actor.ip ?? null }, now);
    return e;
  });
}

const updateFields = manualEntryFields.pick({ value: true, sourceNote: true }).partial();

export async function updateManualEntry(deps: Deps, actor: Actor, id: string, input: unknown): Promise<ManualEntry> {
  const data = parseInput(updateFields, input);
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const before = await r.manualEntries.get(id);
    if (!before || !can(actor, 'report.read', before.unitId, tree)) throw notFound('统计数据');
    assertCanEditReport(actor, before.unitId, tree);
    const now = deps.clock.now();
    const after: ManualEntry = { ...before, value: data.value ?? before.value, sourceNote: data.sourceNote ?? before.sourceNote, enteredBy: actor.accountId, enteredByName: actor.name, enteredAt: now };
    const p = manualValueProblem(after.kind, after.value);
    if (p) throw invalid([{ path: 'value', message: p }]);
    await r.manualEntries.update(after);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: before.unitId, action: 'reportEntry.update', entityType: 'reportEntry', entityId: id, before: manualEntrySnapshot(before), after: manualEntrySnapshot(after), ip: actor.ip ?? null }, now);
    return after;
  });
}

export async function deleteManualEntry(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    const before = await r.manualEntries.get(id);
    if (!before || !can(actor, 'report.read', before.unitId, tree)) throw notFound('统计数据');
    assertCanEditReport(actor, before.unitId, tree);
    await r.manualEntries.delete(id);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: before.unitId, action: 'reportEntry.delete', entityType: 'reportEntry', entityId: id, before: manualEntrySnapshot(before), ip: actor.ip ?? null }, deps.clock.now());
  });
}

export const listQuery = z.object({
  unitId: z.string({ error: '请选择单位' }).min(1, '请选择单位'),
  year: z.coerce.number({ error: '年度应为四位数年份' }).int('年度应为整数').min(2019, '年度不早于2019年').max(2100, '年度不正确').optional(),
});

export interface ManualEntryView extends ManualEntry {
  kindLabel: string;
  unitLabel: '件' | '万元';
}

export async function listManualEntries(deps: Deps, actor: Actor, q: { unitId: string; year?: number | undefined }): Promise<{ items: ManualEntryView[]; canEdit: boolean }> {
  return deps.store.read(async (r) => {
    const { tree } = await loadTree(r);
    if (!can(actor, 'report.read', q.unitId, tree)) throw notFound('单位');
    const rows = await r.manualEntries.list({ unitIds: [q.unitId], years: q.year ? [q.year] : undefined });
    return {
      items: rows.map((e) => ({ ...e, kindLabel: MANUAL_ENTRY_KINDS[e.kind as ManualEntryKind]?.label ?? e.kind, unitLabel: MANUAL_ENTRY_KINDS[e.kind as ManualEntryKind]?.unit === 'wan' ? '万元' : '件' })),
      canEdit: can(actor, 'report.edit', q.unitId, tree),
    };
  });
}
