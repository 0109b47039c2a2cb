/**
 * `serve --workers 2`: two processes share the port. A write answered by one process must show on the portal
 * pages cached by the other, and concurrent writes through both must all commit with an intact audit chain
 * (SQLite: BEGIN IMMEDIATE serialises writers across processes; PostgreSQL: advisory lock on the chain).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cliEnv, ensureBuilt, freePort, ROOT, runCli } from '../support/built-cli.js';
import { freshDatabase, testEngines, type TestDatabase } from '../support/engines.js';

const ENGINES = await testEngines();

describe.each(ENGINES)('two server processes on %s', (engine) => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it('invalidate each other\'s caches and serialise their writes', async () => {
    await ensureBuilt();
    const tdb = await freshDatabase(engine);
    dbs.push(tdb);
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, '--data', tdb.dataDir, 'start', '--port', String(port), '--workers', '2', '--demo-content', 'none'], {
      cwd: ROOT, env: cliEnv({ DATABASE_URL: tdb.databaseUrl }), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; !/一次性密码[^:]*: (\S+)/.test(out); i++) {
        if (i > 600 || child.exitCode !== null) throw new Error(`did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(out).toContain('2 个工作进程');
      const password = /一次性密码[^:]*: (\S+)/.exec(out)?.[1] as string;
      const post = (path: string, body: unknown, h: Record<string, string> = {}) =>
        fetch(`${base}${path}`, { method: path.includes('/guide') ? 'PUT' : 'POST', headers: { 'content-type': 'application/json', ...h }, body: JSON.stringify(body) });
      let res = await post('/api/v1/auth/login', { username: 'admin', password });
      let cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
      await post('/api/v1/auth/password', { currentPassword: password, newPassword: 'Cluster#Test2026' }, { cookie, 'x-csrf-token': (await res.json()).csrfToken });
      res = await post('/api/v1/auth/login', { username: 'admin', password: 'Cluster#Test2026' });
      cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const csrf = (await res.json()).csrfToken as string;
      const units = (await (await fetch(`${base}/api/v1/units`, { headers: { cookie } })).json()).items as { id: string; slug: string }[];
      const fgj = units.find((u) => u.slug === 'fgj')?.id as string;
      const root = units.find((u) => u.slug === 'anlan')?.id as string;
      // Warm both processes' caches (new connection per request: the kernel spreads them over the workers).
      const page = () => fetch(`${base}/u/fgj/guide`, { headers: { connection: 'close' } }).then((r) => r.text());
      for (let i = 0; i < 12; i++) await page();
      const edit = await post(`/api/v1/units/${fgj}/guide`, { sections: { intro: '集群缓存失效测试：新的前言文字。' } }, { cookie, 'x-csrf-token': csrf });
      expect(edit.status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
      const after = await Promise.all(Array.from({ length: 16 }, page));
      expect(after.every((html) => html.includes('集群缓存失效测试'))).toBe(true);
      // Concurrent writes through both processes.
      const created = await Promise.all(Array.from({ length: 30 }, (_, i) => post('/api/v1/units', { parentId: root, name: `集群并发单位${i}`, type: 'other', level: 'county' }, { cookie, 'x-csrf-token': csrf, connection: 'close' })));
      expect(created.map((r) => r.status)).toEqual(Array(30).fill(201));
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    const verify = await runCli(['--data', tdb.dataDir, 'audit', 'verify'], cliEnv({ DATABASE_URL: tdb.databaseUrl }));
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });
});
