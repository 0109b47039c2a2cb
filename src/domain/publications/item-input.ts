import { z } from 'zod';
import { isCivilDate } from '../calendar/civil-date.js';
import { cleanText, sanitizeBody } from './sanitize.js';

const text = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).max(max, `${label}不能超过${max}个字`).transform(cleanText);
const required = (label: string, max: number) => text(label, max).refine((s) => s.length > 0, `请填写${label}`);
const optionalText = (label: string, max: number) =>
  z.string({ error: `${label}应为文字` }).max(max, `${label}不能超过${max}个字`).transform(cleanText).transform((s) => s || null).nullable().optional();
const date = (label: string) => z.string({ error: `请填写${label}` }).refine(isCivilDate, `${label}应为有效日期（YYYY-MM-DD）`);
const optionalDate = (label: string) => date(label).nullable().optional();

/** An information item as the drafter submits it. Rich text is sanitised here, on save. */
export const itemContentInput = z.object({
  columnId: z.string({ error: '请选择栏目' }).min(1, '请选择栏目'),
  title: required('标题', 200),
  summary: text('内容概述', 2000).default(''),
  bodyHtml: z.string({ error: '正文应为文字' }).max(2_000_000, '正文过长（超过 200 万字符），请把长文件作为附件上传').transform(sanitizeBody).default(''),
  publisher: required('发布机构', 100),
  docNumber: optionalText('文号', 100),
  createdOn: date('生成日期（成文日期）'),
  subject: optionalText('主题分类', 100),
  genre: optionalText('体裁分类', 50),
  keywords: z.array(required('关键词', 30), { error: '关键词应为列表' }).max(20, '关键词最多20个').default([]),
  disclosureMethod: required('公开方式', 20).default('主动公开'),
  disclosurePeriod: required('公开时限', 20).default('常年公开'),
  disclosureScope: required('公开范围', 20).default('面向全社会'),
  validity: z.enum(['inForce', 'amended', 'repealed'], { error: '有效性应为现行有效、已修改或已废止' }).nullable().optional(),
  effectiveOn: optionalDate('施行日期'),
  validityChangedOn: optionalDate('修改或废止日期'),
  /** 政策解读: the policy item this interprets. */
  interpretsId: z.string().min(1).nullable().optional(),
  /** Earlier version of this item. */
  previousVersionId: z.string().min(1).nullable().optional(),
  /** Items this (new rule) amends or repeals. */
  amendsIds: z.array(z.string().min(1)).max(50).optional(),
  repealsIds: z.array(z.string().min(1)).max(50).optional(),
}, { error: '请求内容应为对象' });

export type ItemContentInput = z.input<typeof itemContentInput>;
export type ParsedItemContent = z.output<typeof itemContentInput>;
