/**
 * "Check this draft" for the editor, and the personal-data rule settings. The draft's attachments are the stored
 * extracted texts of an item's attachments (Repos.publications.attachmentTexts, written at upload), or texts
 * given in the request for a draft that is not saved yet.
 */
import { z } from 'zod';
import { forbidden, notFound } from '../../errors.js';
import { can } from '../../policy/policy.js';
import type { Actor, Deps } from '../../ports.js';
import { loadTreeOnly } from '../../units/unit-context.js';
import { parseInput } from '../../validate.js';
import { canEditScope } from './manage-dictionary.js';
import { htmlToText } from './html-text.js';
import { personalDataPolicy, runContentChecks, unitScope, type CheckFinding } from './index.js';
import type { PersonalDataSetting } from './model.js';
import { PERSONAL_DATA_LABELS, type PersonalDataRule } from './personal-data.js';

const MAX_BODY = 2_000_000;

export const draftInput = z.object({
  unitId: z.string({ error: '请指定单位' }).min(1, '请指定单位'),
  title: z.string().max(500, '标题不能超过500字').default(''),
  summary: z.string().max(5000, '摘要不能超过5000字').default(''),
  bodyHtml: z.string().max(MAX_BODY, '正文过长，请拆分后再检查').default(''),
  /** Check the stored attachment texts of this item. */
  itemId: z.string().min(1).optional(),
  /** Only these of the item's attachments (all when absent). */
  attachmentIds: z.array(z.string().min(1)).max(200).optional(),
  /** Texts of attachments not stored yet. */
  attachments: z.array(z.object({
    id: z.string().min(1).max(100),
    filename: z.string().max(200).default(''),
    text: z.string().max(2_000_000, '附件文字过长'),
  })).max(50, '一次最多检查50个附件').default([]),
});

export async function checkDraft(deps: Deps, actor: Actor, input: unknown): Promise<{ findings: CheckFinding[]; bodyText: string; blocking: number; warnings: number }> {
  const v = parseInput(draftInput, input);
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    if (!can(actor, 'publication.read', v.unitId, tree)) throw notFound('单位');
    const attachments = [...v.attachments];
    if (v.itemId) {
      const item = await r.publications.get(v.itemId);
      if (!item || item.unitId !== v.unitId) throw notFound('信息');
      for (const t of await r.publications.attachmentTexts(v.itemId)) {
        if (v.attachmentIds && !v.attachmentIds.includes(t.attachmentId)) continue;
        const a = await r.attachments.get(t.attachmentId);
        attachments.push({ id: t.attachmentId, filename: a?.filename ?? '附件', text: t.text });
      }
    }
    const findings = await runContentChecks({ unitId: v.unitId, title: v.title, summary: v.summary, bodyHtml: v.bodyHtml, attachments, publicUrl: deps.publicUrl }, r);
    return {
      findings,
      bodyText: htmlToText(v.bodyHtml).text,
      blocking: findings.filter((f) => f.severity === 'block').length,
      warnings: findings.filter((f) => f.severity === 'warn').length,
    };
  });
}

const rules = Object.keys(PERSONAL_DATA_LABELS) as [PersonalDataRule, ...PersonalDataRule[]];
const settingInput = z.object({
  unitId: z.string().min(1).nullable().default(null),
  rule: z.enum(rules, { error: '请选择检查项：居民身份证号码、手机号码或银行卡号' }),
  severity: z.enum(['block', 'warn'], { error: '请选择处理方式：阻止发布或提示' }),
  active: z.boolean({ error: '请说明是否启用该检查' }),
});

/** The rules in force for a unit and the settings of its scope chain. */
export async function personalDataSettings(deps: Deps, actor: Actor, unitId: string): Promise<{ effective: Record<PersonalDataRule, 'block' | 'warn' | 'off'>; settings: PersonalDataSetting[]; labels: typeof PERSONAL_DATA_LABELS }> {
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    if (!can(actor, 'publication.read', unitId, tree)) throw notFound('单位');
    const scope = await unitScope(r, unitId);
    const all = await r.publicationChecks.personalDataSettings();
    const settings = all.filter((s) => s.unitId === null || scope.includes(s.unitId));
    return { effective: personalDataPolicy(settings, scope), settings, labels: PERSONAL_DATA_LABELS };
  });
}

export async function putPersonalDataSetting(deps: Deps, actor: Actor, input: unknown): Promise<PersonalDataSetting> {
  const v = parseInput(settingInput, input);
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    if (v.unitId !== null && !tree.has(v.unitId)) throw notFound('单位');
    if (!canEditScope(actor, v.unitId, tree)) throw forbidden(v.unitId === null ? '只有系统管理员可以修改全平台的个人信息检查规则' : '您没有修改该单位检查规则的权限');
    const now = deps.clock.now();
    const existing = (await r.publicationChecks.personalDataSettings()).find((s) => s.unitId === v.unitId && s.rule === v.rule);
    const s: PersonalDataSetting = { id: existing?.id ?? deps.newId(), ...v, updatedAt: now, updatedBy: actor.accountId };
    if (existing && existing.severity === s.severity && existing.active === s.active) return existing;
    await r.publicationChecks.putPersonalDataSetting(s);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: v.unitId, action: 'wording.personalDataRule', entityType: 'wordingEntry', entityId: s.id, before: existing ? { severity: existing.severity, active: existing.active } : undefined, after: { rule: s.rule, severity: s.severity, active: s.active }, ip: actor.ip ?? null }, now);
    return s;
  }, { publicContent: false });
}

