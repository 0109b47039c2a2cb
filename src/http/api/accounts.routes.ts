import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAccountInput, roleAssignmentInput, updateAccountInput } from '../../domain/accounts/account-input.js';
import { getAccountFor, listAccountsFor } from '../../domain/accounts/account-queries.js';
import { accountSnapshot } from '../../domain/accounts/account-context.js';
import {
  createAccount, resetPassword, resetTotp, setAccountRoles, setAccountStatus, unlockAccount, updateAccount,
} from '../../domain/accounts/manage-accounts.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const idParams = z.object({ id: z.string().min(1).max(64) });

export const accountRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/accounts', {
    schema: { tags: ['账号'], summary: '账号列表（按权限范围）', querystring: z.object({ unitId: z.string().optional() }) },
  }, async (req) => ({ items: await listAccountsFor(deps, requireAuth(req).actor, { unitId: req.query.unitId }) }));

  app.post('/accounts', {
    schema: { tags: ['账号'], summary: '新建账号（未设密码时生成一次性密码，仅显示一次）', body: createAccountInput },
  }, async (req, reply) => {
    const { account, roles, initialPassword } = await createAccount(deps, requireAuth(req).actor, req.body);
    return reply.status(201).send({ account: accountSnapshot(account, roles), initialPassword });
  });

  app.get('/accounts/:id', { schema: { tags: ['账号'], summary: '账号详情', params: idParams } }, async (req) =>
    getAccountFor(deps, requireAuth(req).actor, req.params.id));

  app.patch('/accounts/:id', { schema: { tags: ['账号'], summary: '修改账号信息', params: idParams, body: updateAccountInput } }, async (req) =>
    accountSnapshot(await updateAccount(deps, requireAuth(req).actor, req.params.id, req.body)));

  app.put('/accounts/:id/roles', {
    schema: { tags: ['账号'], summary: '设置账号的角色（按单位）', params: idParams, body: z.object({ roles: z.array(roleAssignmentInput) }) },
  }, async (req) => ({ roles: await setAccountRoles(deps, requireAuth(req).actor, req.params.id, req.body.roles) }));

  app.post('/accounts/:id/disable', { schema: { tags: ['账号'], summary: '停用账号', params: idParams } }, async (req) =>
    accountSnapshot(await setAccountStatus(deps, requireAuth(req).actor, req.params.id, 'disabled')));

  app.post('/accounts/:id/enable', { schema: { tags: ['账号'], summary: '启用账号', params: idParams } }, async (req) =>
    accountSnapshot(await setAccountStatus(deps, requireAuth(req).actor, req.params.id, 'active')));

  app.post('/accounts/:id/reset-password', { schema: { tags: ['账号'], summary: '重置密码（返回一次性密码）', params: idParams } }, async (req) => {
    const { account, temporaryPassword } = await resetPassword(deps, requireAuth(req).actor, req.params.id);
    return { account: accountSnapshot(account), temporaryPassword };
  });

  app.post('/accounts/:id/unlock', { schema: { tags: ['账号'], summary: '解除登录锁定', params: idParams } }, async (req) =>
    accountSnapshot(await unlockAccount(deps, requireAuth(req).actor, req.params.id)));

  app.post('/accounts/:id/reset-totp', { schema: { tags: ['账号'], summary: '清除动态码绑定（手机丢失时）', params: idParams } }, async (req) =>
    accountSnapshot(await resetTotp(deps, requireAuth(req).actor, req.params.id)));
};
