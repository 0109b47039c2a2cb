import { z } from 'zod';
import { UNIT_LEVELS, UNIT_TYPES } from '../glossary.js';
import { normaliseUnitCode, unitCodeProblem } from './codes.js';

/** Empty strings from forms and spreadsheets mean "not given". */
const optionalText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z.string().max(max, `${label}不能超过${max}个字`).nullable().optional(),
  );

const phoneLike = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z.string().regex(/^[0-9+\-()（）\s转,，、;；]{5,60}$/, `${label}格式不正确，例如 0851-12345678`).nullable().optional(),
  );

export const leaderSchema = z.object({
  name: z.string().trim().min(1, '请填写领导姓名').max(30),
  title: z.string().trim().min(1, '请填写职务').max(60),
  duties: z.string().trim().max(500).optional(),
});
export const internalBodySchema = z.object({
  name: z.string().trim().min(1, '请填写内设机构名称').max(60),
  duties: z.string().trim().max(1000).optional(),
  phone: z.string().trim().max(60).optional(),
});

export const unitFields = {
  name: z.string({ error: '请填写单位名称' }).trim().min(2, '单位名称至少2个字').max(100, '单位名称不能超过100个字'),
  shortName: optionalText(30, '简称'),
  code: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : normaliseUnitCode(v)) : v),
    z.string().nullable().optional().superRefine((v, ctx) => {
      if (v) {
        const p = unitCodeProblem(v);
        if (p) ctx.addIssue({ code: 'custom', message: p });
      }
    }),
  ),
  slug: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, '网址标识只能由小写字母、数字和连字符组成，例如 fgw 或 aga-zhen').optional(),
  ),
  type: z.enum(Object.keys(UNIT_TYPES) as [keyof typeof UNIT_TYPES], { error: '请选择单位类型' }),
  level: z.enum(Object.keys(UNIT_LEVELS) as [keyof typeof UNIT_LEVELS], { error: '请选择行政层级' }),
  sortOrder: z.coerce.number({ error: '排序号应为整数' }).int('排序号应为整数').min(0).max(100000).optional(),
  officeName: optionalText(100, '政府信息公开工作机构名称'),
  address: optionalText(200, '办公地址'),
  officeHours: optionalText(200, '办公时间'),
  phone: phoneLike('联系电话'),
  fax: phoneLike('传真'),
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z.email('电子邮箱格式不正确').nullable().optional(),
  ),
  website: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z.string().regex(/^https?:\/\/[^\s]+$/i, '网址应以 http:// 或 https:// 开头').max(200).nullable().optional(),
  ),
  postcode: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z.string().regex(/^\d{6}$/, '邮政编码应为6位数字').nullable().optional(),
  ),
  functions: optionalText(5000, '主要职能'),
  leaders: z.array(leaderSchema).max(30).optional(),
  internalBodies: z.array(internalBodySchema).max(100).optional(),
};

export const createUnitInput = z.object({
  parentId: z.string().min(1).nullable().optional(),
  ...unitFields,
});
export type CreateUnitInput = z.input<typeof createUnitInput>;

export const updateUnitInput = z.object({
  name: unitFields.name.optional(),
  shortName: unitFields.shortName,
  code: unitFields.code,
  slug: unitFields.slug,
  type: unitFields.type.optional(),
  level: unitFields.level.optional(),
  sortOrder: unitFields.sortOrder,
  officeName: unitFields.officeName,
  address: unitFields.address,
  officeHours: unitFields.officeHours,
  phone: unitFields.phone,
  fax: unitFields.fax,
  email: unitFields.email,
  website: unitFields.website,
  postcode: unitFields.postcode,
  functions: unitFields.functions,
  leaders: unitFields.leaders,
  internalBodies: unitFields.internalBodies,
});
export type UpdateUnitInput = z.input<typeof updateUnitInput>;
