import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdFromToken } from '../../src/domain/accounts/authenticate.js';
import { createUnit } from '../../src/domain/units/create-unit.js';
import { cliActor } from '../../src/cli/common.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();

describe.each(ENGINES)('HTTP behaviour on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('publishes an OpenAPI 3 document covering the API, and a browsable page', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/auth/login', '/api/v1/units', '/api/v1/units/{id}', '/api/v1/accounts', '/api/v1/audit', '/api/v1/units/{id}/guide']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths['/api/v1/units'].post.requestBody.content['application/json'].schema.properties.name).toBeDefined();
    const page = await t.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(page.statusCode);
  });

  it('unknown API routes are JSON 404, unknown pages are Chinese HTML 404', async () => {
    const api = await t.app.inject({ url: '/api/v1/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.message).toBe('接口不存在');
    const page = await t.app.inject({ url: '/no/such/page' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('不存在');
  });

  it('malformed bodies get a Chinese 400, never a stack trace or SQL', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: t.admin.cookie, 'x-csrf-token': t.admin.csrf, 'content-type': 'application/json' }, payload: '{"name": "安澜' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('请求内容不是有效的 JSON');
    const wrongTypes = await t.admin.post('/api/v1/units', { name: 12, type: [], level: null, leaders: 'x' });
    expect(wrongTypes.statusCode).toBe(400);
    expect(wrongTypes.body).not.toMatch(/at .*\.ts|SELECT|INSERT|stack/i);
    const huge = await t.admin.post('/api/v1/units', { name: '大'.repeat(2_000_000), type: 'other', level: 'county' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toContain('过大');
  });

  it('every state-changing request needs the CSRF token; cross-site origins are refused', async () => {
    const noToken = await t.app.inject({ method: 'PATCH', url: `/api/v1/units/${await t.unitId('fgj')}`, headers: { cookie: t.admin.cookie }, payload: { phone: '0851-99999999' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF');
    const crossSite = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, payload: { username: 'admin', password: 'x' } });
    expect(crossSite.statusCode).toBe(403);
    const fgj = (await t.admin.get(`/api/v1/units/${await t.unitId('fgj')}`)).json();
    expect(fgj.phone).toBe('0851-86222001');
  });

  it('session cookie is HttpOnly and SameSite=Strict, and Secure behind TLS', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Gongkai#2026test' } });
    const c = res.cookies.find((x) => x.name === 'gk_session');
    expect(c?.httpOnly).toBe(true);
    expect(c?.sameSite).toBe('Strict');
    expect(c?.secure).toBeFalsy();
  });

  it('sets security headers on API, admin and portal responses', async () => {
    for (const url of ['/api/v1/meta', '/admin', '/']) {
      const res = await t.app.inject({ url });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
  });

  it('a failing change leaves no audit row (audit is in the same transaction)', async () => {
    const count = async () => Number((await t.rt.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    // Make the unit insert itself fail after validation by a constraint the database enforces: a parent that vanishes.
    const store = t.rt.deps.store;
    await expect(store.write(async (r) => {
      await r.audit.append({ actorId: null, actorName: 'test', unitId: null, action: 'unit.create', entityType: 'unit', entityId: 'x' }, new Date().toISOString());
      await r.units.insert({ ...(await r.units.getBySlug('fgj'))!, id: 'dup-slug', code: null }); // duplicate slug → unique violation
    })).rejects.toThrow();
    expect(await count()).toBe(before);
    // And through a use case: a code conflict detected by the database under a race still leaves nothing.
    const gov = await t.unitId('anlan');
    const results = await Promise.allSettled([1, 2].map(() => createUnit(t.rt.deps, cliActor('test'), { parentId: gov, name: '并发单位', slug: 'race-slug', type: 'other', level: 'county' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await count()).toBe(before + 1);
  });

  it('idle sessions expire', async () => {
    const c = await t.clientWithRole('idler', 'reviewer', 'fgj');
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(200);
    const account = await t.rt.db.kysely.selectFrom('accounts').select('id').where('username', '=', 'idler').executeTakeFirstOrThrow();
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString(); // default idle limit: 30 minutes
    await t.rt.db.kysely.updateTable('sessions').set({ last_seen_at: longAgo }).where('account_id', '=', account.id).execute();
    const res = await c.get('/api/v1/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('登录已超时，请重新登录');
    // The expired session is gone for good, not merely refused.
    const id = sessionIdFromToken(c.cookie.replace('gk_session=', ''));
    expect(await t.rt.db.kysely.selectFrom('sessions').select('id').where('id', '=', id).execute()).toEqual([]);
  });
});

describe('behind a TLS-terminating proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { GONGKAI_TRUST_PROXY: 'true' });
  });
  afterAll(async () => t?.close());

  it('marks the session cookie Secure and sends HSTS when the request came over https', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'admin', password: 'Gongkai#2026test' } });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'gk_session')?.secure).toBe(true);
    expect(res.headers['strict-transport-security']).toContain('max-age=');
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { GONGKAI_RATE_LOGIN_PER_MINUTE: '3' });
  });
  afterAll(async () => t?.close());

  it('limits login attempts per client address with a Chinese 429', async () => {
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' }, remoteAddress: '192.0.2.7' });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toMatch(/操作过于频繁/);
    // Another address is not affected.
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' }, remoteAddress: '192.0.2.8' });
    expect(other.statusCode).toBe(401);
  });
});

describe('admin app assets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('a missing script is a 404, never index.html; client-side routes get index.html', async () => {
    expect((await t.app.inject({ url: '/admin/assets/index-deadbeef.js' })).statusCode).toBe(404);
    const page = await t.app.inject({ url: '/admin/units' });
    expect([200, 503]).toContain(page.statusCode);
  });

  it('the session says what the user may do, from the policy module', async () => {
    const officer = await t.clientWithRole('cap.officer', 'infoOfficer', 'fgj');
    expect((await officer.get('/api/v1/auth/session')).json().can).toMatchObject({ readAccounts: false, readAudit: false, handleRequests: false, sysAdmin: false });
    expect((await t.admin.get('/api/v1/auth/session')).json().can).toMatchObject({ readAccounts: true, readAudit: true, manageUnits: true, sysAdmin: true });
  });
});
