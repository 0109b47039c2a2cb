/**
 * Reading and saving a unit's notice settings (notice-settings.ts). Each save is stored as a JSON document in
 * the content-addressed attachment store (ownerType 'noticeSettings', ownerId = the unit), so every version
 * stays on record and needs no schema change; the newest one is in force.
 */
import { notFound } from '../../errors.js';
import { assertCan, can } from '../../policy/policy.js';
import type { Actor, Attachment, Deps, Repos } from '../../ports.js';
import { getUnitOrThrow, loadTree } from '../../units/unit-context.js';
import type { UnitTree } from '../../units/tree.js';
import { parseInput } from '../../validate.js';
import { DEFAULTS, defaultDocNoPrefix, effectiveSettings, noticeSettingsInput, type EffectiveNoticeSettings, type NoticeSettings } from './notice-settings.js';
import { DEFAULT_TEMPLATES, PLACEHOLDERS, allowedPlaceholders } from './templates.js';

export const SETTINGS_OWNER = 'noticeSettings';

async function latest(deps: Deps, r: Repos, unitId: string): Promise<NoticeSettings | undefined> {
  const versions = await r.attachments.listForOwner(SETTINGS_OWNER, unitId);
  const newest = versions.reduce<Attachment | undefined>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), undefined);
  if (!newest) return undefined;
  const data = await deps.blobs.get(newest.sha256);
  if (!data) return undefined;
  // Stored documents were validated when saved; parsing again keeps an older format from breaking a notice.
  const parsed = noticeSettingsInput.safeParse(JSON.parse(data.toString('utf8')));
  return parsed.success ? parsed.data : undefined;
}

/** The settings in force for a unit: its own, then inherited from the units above it, then the defaults. */
export async function settingsForUnit(deps: Deps, r: Repos, unitId: string, tree: UnitTree): Promise<EffectiveNoticeSettings> {
  const unit = await getUnitOrThrow(r, unitId);
  const chain = await Promise.all([unitId, ...tree.ancestors(unitId)].map((id) => latest(deps, r, id)));
  return effectiveSettings(unit, chain);
}

/** For the editor: the unit's own settings, what is in force, and the placeholders each template may use. */
export async function getNoticeSettings(deps: Deps, actor: Actor, unitId: string) {
  return deps.store.read(async (r) => {
    const { tree } = await loadTree(r);
    if (!can(actor, 'unit.read', unitId, tree)) throw notFound('单位');
    const unit = await getUnitOrThrow(r, unitId);
    return {
      own: (await latest(deps, r, unitId)) ?? {},
      effective: await settingsForUnit(deps, r, unitId, tree),
      defaults: { ...DEFAULTS, docNoPrefix: defaultDocNoPrefix(unit), templates: DEFAULT_TEMPLATES },
      placeholders: Object.fromEntries(
        (Object.keys(DEFAULT_TEMPLATES) as (keyof typeof DEFAULT_TEMPLATES)[]).map((k) => [k, allowedPlaceholders(DEFAULT_TEMPLATES[k].kind).map((name) => ({ name, description: PLACEHOLDERS[name] ?? '' }))]),
      ),
      canEdit: can(actor, 'unit.update', unitId, tree),
    };
  });
}

/** Saves a new version of the unit's own settings (replacing the previous one as a whole). */
export async function saveNoticeSettings(deps: Deps, actor: Actor, unitId: string, input: unknown): Promise<NoticeSettings> {
  const settings = parseInput(noticeSettingsInput, input);
  await deps.store.read(async (r) => {
    const { tree } = await loadTree(r);
    if (!can(actor, 'unit.read', unitId, tree)) throw notFound('单位');
    assertCan(actor, 'unit.update', unitId, tree);
  });
  const json = Buffer.from(JSON.stringify(settings, null, 2), 'utf8');
  const { sha256, size } = await deps.blobs.put(json);
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    assertCan(actor, 'unit.update', unitId, tree);
    const before = await latest(deps, r, unitId);
    const now = deps.clock.now();
    const a: Attachment = { id: deps.newId(), sha256, filename: '告知书设置.json', mime: 'application/json', size, unitId, ownerType: SETTINGS_OWNER, ownerId: unitId, createdBy: actor.accountId, createdAt: now };
    await r.attachments.insert(a);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId, action: 'unit.noticeSettings', entityType: 'unit', entityId: unitId, before: before ?? null, after: settings, ip: actor.ip ?? null }, now);
    return settings;
  });
}
