/**
 * What a unit may set for its notices: its 文号 prefix (机关代字), the reconsideration body and court named in
 * the remedies, the correction period, how fees are paid, and its own wording of any template. Units below
 * inherit the wording, court, periods and payment text of the units above them (a county's office sets them
 * once for its departments and townships); the 文号 prefix and the reconsideration body are each unit's own.
 */
import { z } from 'zod';
import type { Unit } from '../../ports.js';
import { DEFAULT_TEMPLATES, PLACEHOLDERS, TEMPLATE_KEYS, allowedPlaceholders, type NoticeTemplate, type TemplateBlock, type TemplateKey } from './templates.js';

/** {{名称}} occurrences in a text. */
export const PLACEHOLDER_RE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export const DEFAULTS = {
  // The brief's neutral wording; since the 2023 revision of 行政复议法 most units should name 本级人民政府 here.
  reconsiderationBody: '上一级行政机关或者本级人民政府',
  court: '有管辖权的人民法院',
  /** Art. 30 asks for "a reasonable period"; 15 working days is a common choice, not law (configurable). */
  correctionPeriodDays: 15,
  paymentMethod: '请持本通知书到本机关政府信息公开工作机构办理缴费手续，或者按照本机关告知的非税收入缴款方式缴纳。',
  sealPlaceholder: '（印章）',
} as const;

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`);
const block = z.union([
  text(2000, '段落').min(1, '段落不能为空'),
  z.object({ table: z.array(z.tuple([text(20, '表格项目').min(1, '表格项目不能为空'), text(2000, '表格内容')])).min(1).max(20) }),
]);
const templateOverride = z.object({
  title: z.array(text(40, '标题').min(1, '标题不能为空')).min(1, '请填写标题').max(3, '标题最多3行').optional(),
  body: z.array(block).min(1, '正文不能为空').max(30, '正文最多30段').optional(),
  notes: z.array(text(200, '附注')).max(5, '附注最多5行').optional(),
});
export type TemplateOverride = z.infer<typeof templateOverride>;

export const noticeSettingsInput = z
  .object({
    docNoPrefix: text(30, '发文机关代字').optional(),
    reconsiderationBody: text(100, '行政复议机关').optional(),
    court: text(100, '人民法院').optional(),
    correctionPeriodDays: z.number().int().min(5, '补正期限不宜少于5个工作日').max(60, '补正期限不宜超过60个工作日').optional(),
    paymentMethod: text(500, '缴费方式').optional(),
    sealPlaceholder: text(20, '印章占位文字').optional(),
    templates: z.partialRecord(z.enum(TEMPLATE_KEYS), templateOverride).optional(),
  })
  .superRefine((s, ctx) => {
    for (const [key, t] of Object.entries(s.templates ?? {}) as [TemplateKey, TemplateOverride][]) {
      const allowed = new Set(allowedPlaceholders(DEFAULT_TEMPLATES[key].kind));
      const check = (value: string, path: (string | number)[]) => {
        for (const m of value.matchAll(PLACEHOLDER_RE)) {
          const name = m[1] as string;
          if (allowed.has(name)) continue;
          const why = name in PLACEHOLDERS ? `占位符{{${name}}}不适用于此类告知书` : `未知的占位符{{${name}}}`;
          ctx.addIssue({ code: 'custom', path: ['templates', key, ...path], message: `${why}；可用的占位符：${[...allowed].map((a) => `{{${a}}}`).join('、')}` });
        }
      };
      t.title?.forEach((l, i) => check(l, ['title', i]));
      t.notes?.forEach((l, i) => check(l, ['notes', i]));
      t.body?.forEach((b, i) => (typeof b === 'string' ? check(b, ['body', i]) : b.table.forEach(([l, v], j) => { check(l, ['body', i, 'table', j, 0]); check(v, ['body', i, 'table', j, 1]); })));
    }
  });
export type NoticeSettings = z.infer<typeof noticeSettingsInput>;

export interface EffectiveNoticeSettings {
  docNoPrefix: string;
  reconsiderationBody: string;
  court: string;
  correctionPeriodDays: number;
  paymentMethod: string;
  sealPlaceholder: string;
  templates: Record<TemplateKey, NoticeTemplate>;
}

/** A prefix that reads right without configuration: 市发改局依申请〔2025〕3号. Units set their real 机关代字. */
export const defaultDocNoPrefix = (unit: Pick<Unit, 'name' | 'shortName'>) => `${unit.shortName?.trim() || unit.name}依申请`;

/**
 * @param chain the unit's own settings first, then its parent's, up to the root (missing ones as undefined)
 */
export function effectiveSettings(unit: Pick<Unit, 'name' | 'shortName'>, chain: (NoticeSettings | undefined)[]): EffectiveNoticeSettings {
  const own = chain[0] ?? {};
  const inherited = <K extends 'court' | 'correctionPeriodDays' | 'paymentMethod'>(k: K) => chain.find((s) => s?.[k] !== undefined && s[k] !== '')?.[k];
  const templates = {} as Record<TemplateKey, NoticeTemplate>;
  for (const key of TEMPLATE_KEYS) {
    const base = DEFAULT_TEMPLATES[key];
    // Each part (title, body, notes) comes from the nearest unit that reworded it.
    const part = <P extends 'title' | 'body' | 'notes'>(p: P) => (chain.find((s) => s?.templates?.[key]?.[p])?.templates?.[key]?.[p] as NoticeTemplate[P] | undefined) ?? base[p];
    templates[key] = { ...base, title: part('title'), body: part('body') as TemplateBlock[], notes: part('notes') };
  }
  return {
    docNoPrefix: own.docNoPrefix || defaultDocNoPrefix(unit),
    reconsiderationBody: own.reconsiderationBody || DEFAULTS.reconsiderationBody,
    court: inherited('court') || DEFAULTS.court,
    correctionPeriodDays: inherited('correctionPeriodDays') ?? DEFAULTS.correctionPeriodDays,
    paymentMethod: inherited('paymentMethod') || DEFAULTS.paymentMethod,
    // An explicitly empty placeholder means "none": staff stamp on a blank area.
    sealPlaceholder: own.sealPlaceholder ?? chain.find((s) => s?.sealPlaceholder !== undefined)?.sealPlaceholder ?? DEFAULTS.sealPlaceholder,
    templates,
  };
}
