/**
 * The register of information published through other channels (Art. 23–25). Information officers
 * (publication.draft) and the disclosure office (publication.manage) of a unit keep its records; readers of the
 * unit's publications see them. Every change is audited in its transaction.
 */
import { z } from 'zod';
import { isCivilDate } from '../../calendar/civil-date.js';
import { DomainError, forbidden, notFound } from '../../errors.js';
import { can } from '../../policy/policy.js';
import type { Actor, Deps, Repos } from '../../ports.js';
import { loadTreeOnly } from '../../units/unit-context.js';
import type { UnitTree } from '../../units/tree.js';
import { parseInput } from '../../validate.js';
import { OFFLINE_CHANNEL_KEYS, OFFLINE_CHANNELS, type OfflineChannel, type OfflineChannelCount, type OfflinePublication } from './model.js';

const channelEnum = z.enum(OFFLINE_CHANNEL_KEYS as [OfflineChannel, ...OfflineChannel[]], { error: `请选择公开渠道：${Object.values(OFFLINE_CHANNELS).join('、')}` });
const civilDate = z.string({ error: '请填写发布日期' }).refine(isCivilDate, '日期格式应为 YYYY-MM-DD，例如 2024-03-15');
const optText = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}字`).nullable().optional().transform((s) => (s ? s : null));

export const offlineInput = z.object({
  unitId: z.string({ error: '请选择单位' }).min(1, '请选择单位'),
  channel: channelEnum,
  publishedOn: civilDate,
  title: z.string({ error: '请填写标题或内容' }).trim().min(1, '请填写标题或内容').max(300, '标题不能超过300字'),
  count: z.number({ error: '条数应为正整数' }).int('条数应为正整数').min(1, '条数至少为1').max(100_000, '条数过大，请核对').default(1),
  itemId: z.string().min(1).nullable().optional().transform((s) => s ?? null),
  reference: optText(500, '期号或链接'),
  note: optText(1000, '备注'),
});

const canEdit = (actor: Actor, unitId: string, tree: UnitTree) => can(actor, 'publication.draft', unitId, tree) || can(actor, 'publication.manage', unitId, tree);
const snapshot = (p: OfflinePublication) => ({ channel: p.channel, publishedOn: p.publishedOn, title: p.title, count: p.count, itemId: p.itemId, reference: p.reference, note: p.note });

async function checkItem(r: Repos, itemId: string | null, unitId: string): Promise<void> {
  if (!itemId) return;
  const item = await r.publications.get(itemId);
  if (!item || item.unitId !== unitId) throw new DomainError('VALIDATION', '关联的网站信息不存在或不属于本单位', { fields: [{ path: 'itemId', message: '请选择本单位的信息' }] });
}

export async function createOffline(deps: Deps, actor: Actor, input: unknown): Promise<OfflinePublication> {
  const v = parseInput(offlineInput, input);
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    if (!can(actor, 'publication.read', v.unitId, tree)) throw notFound('单位');
    if (!canEdit(actor, v.unitId, tree)) throw forbidden('您没有登记该单位其他渠道公开信息的权限');
    await checkItem(r, v.itemId, v.unitId);
    const now = deps.clock.now();
    const p: OfflinePublication = { id: deps.newId(), ...v, createdAt: now, createdBy: actor.accountId, updatedAt: now };
    await r.offlinePublications.insert(p);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: p.unitId, action: 'offline.create', entityType: 'offlinePublication', entityId: p.id, after: snapshot(p), ip: actor.ip ?? null }, now);
    return p;
  }, { publicContent: false });
}

async function editExisting<T>(deps: Deps, actor: Actor, id: string, fn: (r: Repos, p: OfflinePublication, now: string) => Promise<T>): Promise<T> {
  return deps.store.write(async (r) => {
    const p = await r.offlinePublications.get(id);
    const tree = await loadTreeOnly(r);
    if (!p || !can(actor, 'publication.read', p.unitId, tree)) throw notFound('登记记录');
    if (!canEdit(actor, p.unitId, tree)) throw forbidden('您没有修改该单位其他渠道公开信息的权限');
    return fn(r, p, deps.clock.now());
  }, { publicContent: false });
}

export async function updateOffline(deps: Deps, actor: Actor, id: string, input: unknown): Promise<OfflinePublication> {
  const v = parseInput(offlineInput.omit({ unitId: true }), input);
  return editExisting(deps, actor, id, async (r, before, now) => {
    await checkItem(r, v.itemId, before.unitId);
    const p: OfflinePublication = { ...before, ...v, updatedAt: now };
    await r.offlinePublications.update(p);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: p.unitId, action: 'offline.update', entityType: 'offlinePublication', entityId: id, before: snapshot(before), after: snapshot(p), ip: actor.ip ?? null }, now);
    return p;
  });
}

export async function deleteOffline(deps: Deps, actor: Actor, id: string): Promise<void> {
  await editExisting(deps, actor, id, async (r, p, now) => {
    await r.offlinePublications.delete(id);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: p.unitId, action: 'offline.delete', entityType: 'offlinePublication', entityId: id, before: snapshot(p), ip: actor.ip ?? null }, now);
  });
}

export const offlineListQuery = z.object({
  unitId: z.string({ error: '请选择单位' }).min(1, '请选择单位'),
  channel: channelEnum.optional(),
  year: z.coerce.number().int().min(1990, '年份不正确').max(2200, '年份不正确').optional(),
  q: z.string().trim().max(100).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export async function listOffline(deps: Deps, actor: Actor, query: unknown): Promise<{ total: number; items: OfflinePublication[]; canEdit: boolean }> {
  const v = parseInput(offlineListQuery, query);
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    if (!can(actor, 'publication.read', v.unitId, tree)) throw notFound('单位');
    const page = await r.offlinePublications.list({
      unitIds: [v.unitId], channel: v.channel, q: v.q || undefined, offset: v.offset, limit: v.limit,
      ...(v.year ? { from: `${v.year}-01-01`, to: `${v.year}-12-31` } : {}),
    });
    return { ...page, canEdit: canEdit(actor, v.unitId, tree) };
  });
}

/**
 * For the annual report: pieces of information a unit published on each other channel in a calendar year
 * (every channel present, 0 when none). Runs inside the caller's read or write.
 */
export async function countOfflineByChannel(r: Repos, unitId: string, year: number): Promise<Record<OfflineChannel, { records: number; items: number }>> {
  const rows = await r.offlinePublications.countByChannel([unitId], `${year}-01-01`, `${year}-12-31`);
  const out = Object.fromEntries(OFFLINE_CHANNEL_KEYS.map((c) => [c, { records: 0, items: 0 }])) as Record<OfflineChannel, { records: number; items: number }>;
  for (const row of rows) out[row.channel] = { records: row.records, items: row.items };
  return out;
}

/** Yearly counts per channel for a unit (the register page's summary). */
export async function offlineYearCounts(deps: Deps, actor: Actor, unitId: string, year: number): Promise<{ year: number; channels: { channel: OfflineChannel; label: string; records: number; items: number }[]; total: { records: number; items: number } }> {
  if (!Number.isInteger(year) || year < 1990 || year > 2200) throw new DomainError('VALIDATION', '年份不正确', { fields: [{ path: 'year', message: '请填写四位年份' }] });
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    if (!can(actor, 'publication.read', unitId, tree)) throw notFound('单位');
    const counts = await countOfflineByChannel(r, unitId, year);
    const channels = OFFLINE_CHANNEL_KEYS.map((c) => ({ channel: c, label: OFFLINE_CHANNELS[c], ...counts[c] }));
    const total = channels.reduce((s, c) => ({ records: s.records + c.records, items: s.items + c.items }), { records: 0, items: 0 });
    return { year, channels, total };
  });
}

export type { OfflineChannelCount };
