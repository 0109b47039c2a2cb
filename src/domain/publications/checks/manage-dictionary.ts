/**
 * Editing the wording dictionary: a unit's disclosure office (publication.manage) keeps entries for its unit
 * and the units below; platform-wide entries (unitId null) are kept by system administrators
 * (publication.wordingPlatform). Every change is audited in its transaction; the automaton is rebuilt on the
 * next check because the dictionary version changes.
 */
import { z } from 'zod';
import { DomainError, forbidden, notFound } from '../../errors.js';
import { can } from '../../policy/policy.js';
import type { Actor, Deps, Repos } from '../../ports.js';
import { loadTreeOnly } from '../../units/unit-context.js';
import type { UnitTree } from '../../units/tree.js';
import { parseInput } from '../../validate.js';
import { WORDING_KIND_LABELS, type WordingEntry, type WordingKind } from './wording.js';

const kinds = Object.keys(WORDING_KIND_LABELS) as [WordingKind, ...WordingKind[]];

export const entryInput = z.object({
  unitId: z.string().min(1).nullable().default(null),
  phrase: z.string({ error: '请填写词语' }).trim().min(1, '请填写词语').max(100, '词语不能超过100字'),
  kind: z.enum(kinds, { error: '请选择类别：敏感或涉密表述、错误表述、过时的机构名称或职务、常见错别字' }),
  suggestion: z.string().trim().max(200, '建议写法不能超过200字').nullable().optional().transform((s) => (s ? s : null)),
  severity: z.enum(['block', 'warn'], { error: '请选择处理方式：阻止发布或提示' }),
  note: z.string().trim().max(500, '说明不能超过500字').nullable().optional().transform((s) => (s ? s : null)),
  active: z.boolean().default(true),
});
export type EntryInput = z.input<typeof entryInput>;

/** May the actor edit entries of this scope (null = platform-wide)? */
export function canEditScope(actor: Actor, unitId: string | null, tree: UnitTree): boolean {
  if (actor.system) return true;
  if (unitId === null) return actor.roles.some((a) => tree.has(a.unitId) && can(actor, 'publication.wordingPlatform', a.unitId, tree));
  return can(actor, 'publication.manage', unitId, tree);
}

const snapshot = (e: WordingEntry) => ({ unitId: e.unitId, phrase: e.phrase, kind: e.kind, suggestion: e.suggestion, severity: e.severity, note: e.note, active: e.active });

async function write<T>(deps: Deps, actor: Actor, unitId: string | null, fn: (r: Repos, now: string) => Promise<T>): Promise<T> {
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    if (unitId !== null && !tree.has(unitId)) throw notFound('单位');
    if (!canEditScope(actor, unitId, tree)) throw forbidden(unitId === null ? '只有系统管理员可以维护全平台通用的词条' : '您没有维护该单位词库的权限');
    return fn(r, deps.clock.now());
  }, { publicContent: false });
}

async function assertUnique(r: Repos, unitId: string | null, phrase: string, exceptId?: string): Promise<void> {
  const same = await r.publicationChecks.findEntry(unitId, phrase);
  if (same && same.id !== exceptId) {
    throw new DomainError('CONFLICT', `词库中已有“${phrase}”，请直接修改已有词条`, { fields: [{ path: 'phrase', message: '该词语已在词库中' }] });
  }
}

export async function createEntry(deps: Deps, actor: Actor, input: unknown): Promise<WordingEntry> {
  const v = parseInput(entryInput, input);
  return write(deps, actor, v.unitId, async (r, now) => {
    await assertUnique(r, v.unitId, v.phrase);
    const e: WordingEntry = { id: deps.newId(), ...v, createdAt: now, createdBy: actor.accountId, updatedAt: now };
    await r.publicationChecks.insertEntry(e);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: e.unitId, action: 'wording.create', entityType: 'wordingEntry', entityId: e.id, after: snapshot(e), ip: actor.ip ?? null }, now);
    return e;
  });
}

export async function updateEntry(deps: Deps, actor: Actor, id: string, input: unknown): Promise<WordingEntry> {
  const v = parseInput(entryInput.omit({ unitId: true }), input);
  const existing = await deps.store.read((r) => r.publicationChecks.getEntry(id));
  if (!existing) throw notFound('词条');
  return write(deps, actor, existing.unitId, async (r, now) => {
    const before = await r.publicationChecks.getEntry(id);
    if (!before) throw notFound('词条');
    await assertUnique(r, before.unitId, v.phrase, id);
    const e: WordingEntry = { ...before, ...v, updatedAt: now };
    await r.publicationChecks.updateEntry(e);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: e.unitId, action: 'wording.update', entityType: 'wordingEntry', entityId: id, before: snapshot(before), after: snapshot(e), ip: actor.ip ?? null }, now);
    return e;
  });
}

export async function deleteEntry(deps: Deps, actor: Actor, id: string): Promise<void> {
  const existing = await deps.store.read((r) => r.publicationChecks.getEntry(id));
  if (!existing) throw notFound('词条');
  await write(deps, actor, existing.unitId, async (r, now) => {
    await r.publicationChecks.deleteEntry(id);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: existing.unitId, action: 'wording.delete', entityType: 'wordingEntry', entityId: id, before: snapshot(existing), ip: actor.ip ?? null }, now);
  });
}

/**
 * The entries that apply to a unit (its own, its ancestors', platform-wide), or only one scope's entries when
 * `scope` is given. Readable by anyone who may read the unit's publications.
 */
export async function listEntries(deps: Deps, actor: Actor, q: { unitId: string; scope?: 'all' | 'unit' | 'platform'; kind?: string; q?: string }): Promise<{ entries: (WordingEntry & { editable: boolean })[]; canEditUnit: boolean; canEditPlatform: boolean }> {
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    if (!can(actor, 'publication.read', q.unitId, tree)) throw notFound('单位');
    const chain = [q.unitId, ...tree.ancestors(q.unitId)];
    const scopes = q.scope === 'unit' ? [q.unitId] : q.scope === 'platform' ? [null] : [...chain, null];
    const entries = await r.publicationChecks.listEntries({ scopes, kind: q.kind, q: q.q });
    return {
      entries: entries.map((e) => ({ ...e, editable: canEditScope(actor, e.unitId, tree) })),
      canEditUnit: canEditScope(actor, q.unitId, tree),
      canEditPlatform: canEditScope(actor, null, tree),
    };
  });
}
