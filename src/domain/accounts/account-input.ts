import { z } from 'zod';
import { ROLES } from '../glossary.js';

export const roleAssignmentInput = z.object({
  unitId: z.string().min(1, '请选择单位'),
  role: z.enum(Object.keys(ROLES) as [keyof typeof ROLES], { error: '请选择有效的角色' }),
});

const emailField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
  z.email('电子邮箱格式不正确').nullable().optional(),
);

export const createAccountInput = z.object({
  unitId: z.string({ error: '请选择所属单位' }).min(1, '请选择所属单位'),
  username: z
    .string({ error: '请填写用户名' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名须以字母开头，3–32位，可含小写字母、数字、点、下划线和连字符'),
  displayName: z.string({ error: '请填写姓名' }).trim().min(2, '姓名至少2个字').max(30, '姓名不能超过30个字'),
  email: emailField,
  roles: z.array(roleAssignmentInput).max(20).default([]),
  /** Optional: when absent a one-time password is generated and shown once. */
  password: z.string().optional(),
});
export type CreateAccountInput = z.input<typeof createAccountInput>;

export const updateAccountInput = z.object({
  displayName: z.string().trim().min(2, '姓名至少2个字').max(30, '姓名不能超过30个字').optional(),
  email: emailField,
  unitId: z.string().min(1).optional(),
});
export type UpdateAccountInput = z.input<typeof updateAccountInput>;
