import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/infra/totp.js';
import { buildTestApp, TEST_PASSWORD, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();

describe.each(ENGINES)('accounts, roles and unit isolation on %s', (engine) => {
  let t: TestApp;
  let handlerA: Client; // case handler of 发改局
  let fgj: string;
  let jyj: string;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    jyj = await t.unitId('jyj');
    handlerA = await t.clientWithRole('handler.a', 'caseHandler', 'fgj');
  });
  afterAll(async () => t?.close());

  it('creates an account with a one-time password that must be changed at first login', async () => {
    const res = await t.admin.post('/api/v1/accounts', { unitId: jyj, username: 'XuJing', displayName: '许静', email: 'xj@anlan.gov.cn', roles: [{ unitId: jyj, role: 'infoOfficer' }] });
    expect(res.statusCode).toBe(201);
    const { account, initialPassword } = res.json();
    expect(account.username).toBe('xujing');
    expect(account.mustChangePassword).toBe(true);
    expect(initialPassword).toMatch(/^\S{14}$/);
    expect(JSON.stringify(account)).not.toContain('argon2');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'xujing', password: initialPassword } });
    expect(login.json().mustChangePassword).toBe(true);
    const cookie = `gk_session=${login.cookies[0]?.value}`;
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie, 'x-csrf-token': login.json().csrfToken }, payload: { currentPassword: initialPassword, newPassword: 'abc' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].path).toBe('newPassword');
  });

  it('refuses duplicate usernames and bad usernames with Chinese field messages', async () => {
    const dup = await t.admin.post('/api/v1/accounts', { unitId: jyj, username: 'admin', displayName: '重复', roles: [] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0]).toEqual({ path: 'username', message: '用户名已被使用，请换一个' });
    const bad = await t.admin.post('/api/v1/accounts', { unitId: jyj, username: '张三', displayName: '张', roles: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['displayName', 'username']);
  });

  it('a case handler of unit A can neither see nor change unit B, by any route', async () => {
    const jyjAccounts = await t.admin.get(`/api/v1/accounts?unitId=${jyj}`);
    const someone = jyjAccounts.json().items[0]?.id ?? (await t.admin.post('/api/v1/accounts', { unitId: jyj, username: 'lin.ht', displayName: '林海涛', roles: [] })).json().account.id;
    const attempts = [
      handlerA.get(`/api/v1/units/${jyj}`),
      handlerA.patch(`/api/v1/units/${jyj}`, { phone: '0851-11111111' }),
      handlerA.get(`/api/v1/units/${jyj}/guide`),
      handlerA.put(`/api/v1/units/${jyj}/guide`, { sections: { intro: '篡改' } }),
      handlerA.post(`/api/v1/units/${jyj}/deactivate`),
      handlerA.post(`/api/v1/units/${jyj}/move`, { parentId: fgj }),
      handlerA.del(`/api/v1/units/${jyj}`),
      handlerA.post('/api/v1/units', { parentId: jyj, name: '越权新建单位', type: 'other', level: 'county' }),
      handlerA.get(`/api/v1/accounts/${someone}`),
      handlerA.patch(`/api/v1/accounts/${someone}`, { displayName: '篡改' }),
      handlerA.post(`/api/v1/accounts/${someone}/reset-password`),
      handlerA.post(`/api/v1/accounts/${someone}/disable`),
      handlerA.put(`/api/v1/accounts/${someone}/roles`, { roles: [] }),
      handlerA.post('/api/v1/accounts', { unitId: jyj, username: 'sneaky', displayName: '越权账号', roles: [] }),
      handlerA.get(`/api/v1/audit?unitId=${jyj}`),
    ];
    const results = await Promise.all(attempts);
    for (const r of results) {
      expect([403, 404]).toContain(r.statusCode);
      expect(r.body).not.toContain('0851-86223001'); // 教育局's phone never leaks
    }
    const jyjNow = (await t.admin.get(`/api/v1/units/${jyj}`)).json();
    expect(jyjNow.status).toBe('active');
    expect(jyjNow.phone).not.toBe('0851-11111111');
    // Listing endpoints only show the handler's own unit.
    const units = (await handlerA.get('/api/v1/units')).json().items.map((u: { id: string }) => u.id);
    expect(units).toEqual([fgj]);
    expect((await handlerA.get('/api/v1/accounts')).statusCode).toBe(200);
    expect((await handlerA.get('/api/v1/accounts')).json().items).toEqual([]);
  });

  it('an office administrator cannot create a system administrator', async () => {
    const gkb = await t.clientWithRole('gkb2', 'officeAdmin', 'anlan');
    const res = await gkb.post('/api/v1/accounts', { unitId: jyj, username: 'root2', displayName: '二号管理员', roles: [{ unitId: jyj, role: 'sysAdmin' }] });
    expect(res.statusCode).toBe(403);
    const ok = await gkb.post('/api/v1/accounts', { unitId: jyj, username: 'reviewer.j', displayName: '审核员甲', roles: [{ unitId: jyj, role: 'reviewer' }] });
    expect(ok.statusCode).toBe(201);
  });

  it('a supervisor reads the subtree and changes nothing', async () => {
    const sup = await t.clientWithRole('sup1', 'supervisor', 'anlan');
    expect((await sup.get(`/api/v1/units/${jyj}`)).statusCode).toBe(200);
    expect((await sup.get(`/api/v1/audit?unitId=${jyj}`)).statusCode).toBe(200);
    expect((await sup.patch(`/api/v1/units/${jyj}`, { phone: '0851-22222222' })).statusCode).toBe(403);
    expect((await sup.post('/api/v1/accounts', { unitId: jyj, username: 'sup.made', displayName: '不应创建', roles: [] })).statusCode).toBe(403);
  });

  it('locks an account after repeated failures; an administrator unlocks it', async () => {
    await t.clientWithRole('lockme', 'infoOfficer', 'jyj');
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lockme', password }, remoteAddress: `10.0.0.${Math.floor(Math.random() * 200)}` });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
    const locked = await attempt(TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain('锁定');
    const id = (await t.admin.get('/api/v1/accounts')).json().items.find((a: { username: string }) => a.username === 'lockme').id;
    expect((await t.admin.get(`/api/v1/accounts/${id}`)).json().locked).toBe(true);
    expect((await t.admin.post(`/api/v1/accounts/${id}/unlock`)).statusCode).toBe(200);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    const actions = (await t.admin.get(`/api/v1/audit?entityId=${id}&limit=20`)).json().items.map((e: { action: string }) => e.action);
    expect(actions).toContain('account.lock');
    expect(actions).toContain('account.unlock');
    expect(actions.filter((a: string) => a === 'auth.loginFailed')).toHaveLength(5);
  });

  it('a disabled account cannot log in and its sessions end; reset password gives a new one-time password', async () => {
    const c = await t.clientWithRole('leaver', 'reviewer', 'jyj');
    const id = (await c.get('/api/v1/auth/session')).json().account.id;
    expect((await t.admin.post(`/api/v1/accounts/${id}/disable`)).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await t.admin.post(`/api/v1/accounts/${id}/enable`)).statusCode).toBe(200);
    const reset = await t.admin.post(`/api/v1/accounts/${id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const again = await t.login('leaver', reset.json().temporaryPassword);
    expect((await again.get('/api/v1/auth/session')).json().account.username).toBe('leaver');
    const actions = (await t.admin.get(`/api/v1/audit?entityId=${id}&limit=50`)).json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['account.create', 'account.disable', 'account.enable', 'account.resetPassword', 'account.changePassword']));
  });

  it('TOTP: enrol, then login needs the code; a wrong code is refused', async () => {
    const c = await t.clientWithRole('totpuser', 'reviewer', 'jyj');
    const setup = await c.post('/api/v1/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    expect(setup.json().qrSvg).toContain('<svg');
    const secret = setup.json().secret as string;
    // Keep the whole exchange inside one 30-second step so "this step" and "the next step" are well defined.
    const into = Date.now() % 30_000;
    if (into > 24_000) await new Promise((r) => setTimeout(r, 30_000 - into + 200));
    expect((await c.post('/api/v1/auth/totp/confirm', { token: '000000' === totpCode(secret, Date.now()) ? '111111' : '000000' })).statusCode).toBe(400);
    expect((await c.post('/api/v1/auth/totp/confirm', { token: totpCode(secret, Date.now()) })).statusCode).toBe(200);
    const noCode = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'totpuser', password: TEST_PASSWORD } });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('TOTP_REQUIRED');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'totpuser', password: TEST_PASSWORD, totp: '12345x' } });
    expect(wrong.json().error.code).toBe('TOTP_INVALID');
    // The code that confirmed enrolment is spent; the next one (±1 step is accepted for clock drift) works once.
    const spent = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'totpuser', password: TEST_PASSWORD, totp: totpCode(secret, Date.now()) } });
    expect(spent.json().error?.code).toBe('TOTP_INVALID');
    const next = totpCode(secret, Date.now() + 30_000);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'totpuser', password: TEST_PASSWORD, totp: next } });
    expect(ok.statusCode).toBe(200);
    const replay = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'totpuser', password: TEST_PASSWORD, totp: next } });
    expect(replay.json().error.message).toContain('已使用过');
    // The secret is stored sealed, never in clear.
    const row = await t.rt.db.kysely.selectFrom('accounts').select('totp_secret_enc').where('username', '=', 'totpuser').executeTakeFirstOrThrow();
    expect(row.totp_secret_enc).toMatch(/^v1:/);
    expect(row.totp_secret_enc).not.toContain(secret);
  });
});
