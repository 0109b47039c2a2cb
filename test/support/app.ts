/**
 * Builds the real app on a fresh database of the given engine, with the demo data, and a tiny client
 * that logs in (and changes the one-time password) like the admin app does, carrying cookie and CSRF token.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createAccount } from '../../src/domain/accounts/manage-accounts.js';
import type { Role } from '../../src/domain/glossary.js';
import { buildApp } from '../../src/http/app.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { cliActor } from '../../src/cli/common.js';
import { initDemo } from '../../src/cli/init.js';
import type { DemoContent } from '../../src/cli/demo-content/index.js';
import { freshDatabase, type EngineName, type TestDatabase } from './engines.js';

export const TEST_PASSWORD = 'Gongkai#2026test';
const INITIAL_PASSWORD = 'Initial#Pass2026';

export interface TestApp {
  app: FastifyInstance;
  rt: Runtime;
  db: TestDatabase;
  unitId(slug: string): Promise<string>;
  /** Creates an account with one role and returns a logged-in client for it. */
  clientWithRole(username: string, role: Role, roleUnitSlug: string, homeUnitSlug?: string): Promise<Client>;
  login(username: string, password: string): Promise<Client>;
  admin: Client;
  close(): Promise<void>;
}

export interface Client {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
  raw(opts: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

/** `demoContent`: the demo's published items and report year (src/cli/demo-content); most tests need none. */
export async function buildTestApp(engine: EngineName, env: Record<string, string> = {}, opts: { demoContent?: DemoContent } = {}): Promise<TestApp> {
  const db = await freshDatabase(engine);
  // Tests log in many times from one address: the login rate limit is tested on its own (http.test.ts).
  const config = db.config({ GONGKAI_RATE_LOGIN_PER_MINUTE: '10000', ...env });
  const rt = await openRuntime(config);
  const { passwords } = await initDemo(rt, { content: opts.demoContent ?? 'none' });
  const app = await buildApp({ deps: rt.deps, config, onWrite: rt.onWrite, engine: rt.db.engine }, { logger: false });
  await app.ready();

  const clientFrom = (cookie: string, csrf: string): Client => {
    const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method, url, payload: payload as never, headers: { cookie, 'x-csrf-token': csrf, ...headers } });
    return {
      cookie, csrf,
      get: (u) => send('GET', u),
      post: (u, b) => send('POST', u, b ?? {}),
      patch: (u, b) => send('PATCH', u, b ?? {}),
      put: (u, b) => send('PUT', u, b ?? {}),
      del: (u) => send('DELETE', u),
      raw: (o) => send(o.method, o.url, o.payload, o.headers),
    };
  };

  const login = async (username: string, password: string): Promise<Client> => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = `gk_session=${res.cookies.find((c) => c.name === 'gk_session')?.value}`;
    let client = clientFrom(cookie, res.json().csrfToken);
    if (res.json().mustChangePassword && password !== TEST_PASSWORD) {
      const ch = await client.post('/api/v1/auth/password', { currentPassword: password, newPassword: TEST_PASSWORD });
      if (ch.statusCode !== 200) throw new Error(`password change failed: ${ch.body}`);
      client = await login(username, TEST_PASSWORD);
    }
    return client;
  };

  const unitId = async (slug: string) => {
    const u = await rt.deps.store.read((r) => r.units.getBySlug(slug));
    if (!u) throw new Error(`no unit ${slug}`);
    return u.id;
  };

  const admin = await login('admin', passwords.admin as string);
  return {
    app, rt, db, admin, login, unitId,
    async clientWithRole(username, role, roleUnitSlug, homeUnitSlug) {
      await createAccount(rt.deps, cliActor('test'), {
        unitId: await unitId(homeUnitSlug ?? roleUnitSlug), username, displayName: `测试${username}`,
        roles: [{ unitId: await unitId(roleUnitSlug), role }], password: INITIAL_PASSWORD,
      });
      return login(username, INITIAL_PASSWORD);
    },
    async close() {
      await app.close();
      await rt.close();
      await db.drop();
    },
  };
}
