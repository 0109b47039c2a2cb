import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  beginTotpEnrolment, changeOwnPassword, confirmTotpEnrolment, disableOwnTotp, login, logout,
} from '../../domain/accounts/authenticate.js';
import { accountSnapshot } from '../../domain/accounts/account-context.js';
import { ROLES } from '../../domain/glossary.js';
import { unitsWhere } from '../../domain/policy/policy.js';
import { UnitTree } from '../../domain/units/tree.js';
import type { HttpContext } from '../context.js';
import { clearSessionCookie, requireAuth, setSessionCookie } from '../plugins/auth.js';

export const authRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps, config } = ctx;

  app.post('/auth/login', {
    config: { rateLimit: { max: config.rateLimit.loginPerMinute, timeWindow: 60_000 } },
    schema: {
      tags: ['认证'],
      summary: '登录（用户名、密码，启用时还需动态码）',
      body: z.object({
        username: z.string({ error: '请填写用户名' }).min(1, '请填写用户名').max(64),
        password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(256),
        totp: z.string().max(10).optional(),
      }),
    },
  }, async (req, reply) => {
    const result = await login(deps, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    setSessionCookie(config, req, reply, result.token);
    return { account: accountSnapshot(result.account), csrfToken: result.session.csrfToken, mustChangePassword: result.account.mustChangePassword };
  });

  app.post('/auth/logout', { schema: { tags: ['认证'], summary: '退出登录' } }, async (req, reply) => {
    if (req.auth) await logout(deps, req.auth);
    clearSessionCookie(config, req, reply);
    return { ok: true };
  });

  app.get('/auth/session', { schema: { tags: ['认证'], summary: '当前登录信息（含 CSRF 令牌）' } }, async (req) => {
    const auth = requireAuth(req);
    const units = await deps.store.read((r) => r.units.list());
    const name = (id: string) => units.find((u) => u.id === id)?.name ?? '';
    // What the user may do somewhere: the admin app shows only the sections that lead to something.
    const tree = new UnitTree(units);
    const ids = units.map((u) => u.id);
    const anywhere = (action: Parameters<typeof unitsWhere>[1]) => unitsWhere(auth.actor, action, tree, ids).length > 0;
    return {
      account: { ...accountSnapshot(auth.account), unitName: name(auth.account.unitId) },
      roles: auth.actor.roles.map((x) => ({ ...x, roleLabel: ROLES[x.role], unitName: name(x.unitId) })),
      csrfToken: auth.session.csrfToken,
      mustChangePassword: auth.account.mustChangePassword,
      idleMinutes: deps.settings.sessionIdleMinutes,
      can: {
        manageUnits: anywhere('unit.update'),
        readAccounts: anywhere('account.read'),
        manageAccounts: anywhere('account.manage'),
        readAudit: anywhere('audit.read'),
        exportAudit: anywhere('audit.export'),
        editGuide: anywhere('guide.edit'),
        readRequests: anywhere('request.read'),
        handleRequests: anywhere('request.handle'),
        readReports: anywhere('report.read'),
        sysAdmin: auth.actor.roles.some((x) => x.role === 'sysAdmin'),
      },
    };
  });

  app.post('/auth/password', {
    schema: {
      tags: ['认证'],
      summary: '修改本人密码',
      body: z.object({ currentPassword: z.string().min(1, '请填写当前密码'), newPassword: z.string().min(1, '请填写新密码') }),
    },
  }, async (req) => {
    await changeOwnPassword(deps, requireAuth(req), req.body.currentPassword, req.body.newPassword);
    return { ok: true };
  });

  app.post('/auth/totp/setup', { schema: { tags: ['认证'], summary: '开始绑定身份验证器（返回二维码）' } }, async (req) => {
    const { uri, secret } = await beginTotpEnrolment(deps, requireAuth(req));
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    return { uri, secret, qrSvg };
  });

  app.post('/auth/totp/confirm', {
    schema: { tags: ['认证'], summary: '输入动态码确认绑定', body: z.object({ token: z.string().regex(/^\d{6}$/, '动态码为6位数字') }) },
  }, async (req) => {
    await confirmTotpEnrolment(deps, requireAuth(req), req.body.token);
    return { ok: true };
  });

  app.post('/auth/totp/disable', {
    schema: { tags: ['认证'], summary: '停用本人动态码验证', body: z.object({ password: z.string().min(1, '请填写密码') }) },
  }, async (req) => {
    await disableOwnTotp(deps, requireAuth(req), req.body.password);
    return { ok: true };
  });
};
