/**
 * Durability of acknowledged writes: the real server (a child process) is killed with SIGKILL in the middle of a
 * burst of unit creations. After a restart on the same data, every unit whose creation was answered 2xx must be
 * there, with its audit row, and `gongkai audit verify` must find the hash chain intact.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { BIN, cliEnv, ensureBuilt, freePort, ROOT, runCli } from '../support/built-cli.js';
import { freshDatabase, testEngines, type TestDatabase } from '../support/engines.js';

const ENGINES = await testEngines();
const NEW_PASSWORD = 'Crash#Test2026pw';
const TOTAL = 200;
const IN_FLIGHT = 10;
const KILL_AFTER = 50;

interface Server {
  child: ChildProcess;
  base: string;
  stdout: () => string;
}

async function startServer(tdb: TestDatabase, command: 'start' | 'serve'): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, '--data', tdb.dataDir, command, '--port', String(port), ...(command === 'start' ? ['--demo-content', 'none'] : [])], {
    cwd: ROOT, env: cliEnv({ DATABASE_URL: tdb.databaseUrl }), stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${out}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    // `start` prints the password after creating the demo data and before listening; wait for both.
    if (ok && (command === 'serve' || /一次性密码[^:]*: (\S+)/.test(out))) break;
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, base, stdout: () => out };
}

async function stop(s: Server, signal: NodeJS.Signals): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = once(s.child, 'exit');
  s.child.kill(signal);
  await exited;
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, username: string, password: string): Promise<Session & { mustChange: boolean }> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; mustChangePassword: boolean };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('gk_session=')) as string;
  return { cookie, csrf: body.csrfToken, mustChange: body.mustChangePassword };
}

const send = (base: string, s: Session, method: string, url: string, body?: unknown) =>
  fetch(`${base}${url}`, {
    method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

describe.each(ENGINES)('kill -9 in the middle of writes on %s', (engine) => {
  let tdb: TestDatabase;
  const servers: Server[] = [];
  beforeAll(async () => {
    await ensureBuilt();
    tdb = await freshDatabase(engine);
  });
  afterAll(async () => {
    for (const s of servers) await stop(s, 'SIGKILL');
    await tdb?.drop();
  });

  it('keeps every acknowledged unit, each with its audit row, and the audit chain verifies', async () => {
    const first = await startServer(tdb, 'start');
    servers.push(first);
    const initial = /一次性密码[^:]*: (\S+)/.exec(first.stdout())?.[1] as string;
    const s1 = await login(first.base, 'admin', initial);
    expect(s1.mustChange).toBe(true);
    const changed = await send(first.base, s1, 'POST', '/api/v1/auth/password', { currentPassword: initial, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    const admin = await login(first.base, 'admin', NEW_PASSWORD);
    const units = ((await (await send(first.base, admin, 'GET', '/api/v1/units')).json()) as { items: { id: string; slug: string; parentId: string | null }[] }).items;
    const root = units.find((u) => u.parentId === null)?.id as string;

    const acked: string[] = [];
    const failures: string[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < TOTAL && !killed) {
        const slug = `crash-${next++}`;
        try {
          const res = await send(first.base, admin, 'POST', '/api/v1/units', { parentId: root, name: `崩溃测试单位${slug}`, type: 'department', level: 'county', slug });
          if (res.status === 201) acked.push(slug);
          else if (!killed) failures.push(`${slug}: ${res.status} ${await res.text()}`);
        } catch {
          // The connection dies with the server: this request's fate is unknown, so nothing is asserted about it.
        }
        if (acked.length >= KILL_AFTER && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await stop(first, 'SIGKILL');
    expect(failures).toEqual([]);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acked.length).toBeLessThan(TOTAL);

    const second = await startServer(tdb, 'serve');
    servers.push(second);
    const again = await login(second.base, 'admin', NEW_PASSWORD);
    const after = ((await (await send(second.base, again, 'GET', '/api/v1/units')).json()) as { items: { slug: string }[] }).items.map((u) => u.slug);
    const lost = acked.filter((slug) => !after.includes(slug));
    expect(lost).toEqual([]);
    // A creation may have committed without its answer reaching us, never the other way round.
    const present = after.filter((slug) => slug.startsWith('crash-'));
    expect(present.length).toBeGreaterThanOrEqual(acked.length);
    await stop(second, 'SIGTERM');

    const db = openDb({ dataDir: tdb.dataDir, databaseUrl: tdb.databaseUrl });
    try {
      const ids = (await db.kysely.selectFrom('units').select('id').where('slug', 'like', 'crash-%').execute()).map((r) => r.id).sort();
      const audited = (await db.kysely.selectFrom('audit_log').select('entity_id').where('action', '=', 'unit.create').where('entity_id', 'in', ids.length ? ids : ['-']).execute()).map((r) => r.entity_id).sort();
      expect(audited).toEqual(ids);
    } finally {
      await db.close();
    }
    const verify = await runCli(['--data', tdb.dataDir, 'audit', 'verify'], cliEnv({ DATABASE_URL: tdb.databaseUrl }));
    expect(verify.stdout).toMatch(/审计日志完整/);
    expect(verify.code).toBe(0);
  }, 180_000);
});
