/**
 * The `gongkai` command as an operator runs it (the built bin/gongkai.js on a temporary SQLite data directory):
 * init, user administration, audit verification against a tampered database file, migrate, backup/restore and
 * configuration errors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verify } from '@node-rs/argon2';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashAuditRow } from '../../src/domain/audit/hash-chain.js';
import type { Row } from '../../src/storage/schema.js';
import { auditFromRow } from '../../src/storage/store.js';
import { cliEnv, ensureBuilt, runCli } from '../support/built-cli.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-test-'));
const data = path.join(root, 'data');
const gk = (...args: string[]) => runCli(['--data', data, ...args]);
const dbFile = (dir: string) => path.join(dir, 'gongkai.sqlite');

function query<T>(dir: string, fn: (db: SQLite.Database) => T): T {
  const db = new SQLite(dbFile(dir));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const counts = (dir: string) => query(dir, (db) => ({
  units: (db.prepare('select count(*) as n from units').get() as { n: number }).n,
  accounts: (db.prepare('select count(*) as n from accounts').get() as { n: number }).n,
  head: db.prepare('select seq, hash from audit_log order by seq desc limit 1').get(),
}));

/** A copy of the data directory to damage, so each tampering case starts from the same good log. */
function copyData(name: string): string {
  const dir = path.join(root, name);
  fs.cpSync(data, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  await ensureBuilt();
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// Each step starts a Node process (~1 s, several on a busy 2-core machine): generous per-test time.
describe('gongkai command line', { timeout: 180_000 }, () => {
  it('init --demo prints the administrator one-time password, and refuses a second time without changing anything', async () => {
    const first = await gk('init', '--demo', '--content', 'none'); // the demo's 1,800 items: demo-content.test.ts
    expect(first.code).toBe(0);
    const password = /用户名: admin\s+一次性密码: (\S+)/.exec(first.stdout)?.[1] as string;
    expect(password).toMatch(/^\S{12,}$/);
    const hash = query(data, (db) => (db.prepare("select password_hash from accounts where username = 'admin'").get() as { password_hash: string }).password_hash);
    expect(await verify(hash, password)).toBe(true);

    const before = counts(data);
    const second = await gk('init', '--demo', '--content', 'none');
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/已有数据，未做任何修改/);
    expect(counts(data)).toEqual(before);
  });

  it('user create prints a one-time password that logs in; duplicates and unknown units are refused in Chinese', async () => {
    const created = await gk('user', 'create', '--username', 'zhangsan', '--name', '张三', '--unit', 'fgj', '--role', 'reviewer');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/已创建账号：zhangsan（张三，所属单位：安澜市发展和改革局）/);
    expect(created.stdout).toMatch(/审核员＠安澜市发展和改革局/);
    const password = /一次性密码：(\S+)/.exec(created.stdout)?.[1] as string;
    const row = () => query(data, (db) => db.prepare("select password_hash, must_change_password from accounts where username = 'zhangsan'").get() as { password_hash: string; must_change_password: number });
    expect(await verify(row().password_hash, password)).toBe(true);
    expect(row().must_change_password).toBe(1);

    const byName = await gk('user', 'create', '--username', 'lisi', '--name', '李四', '--unit', '安澜市教育局', '--sys-admin');
    expect(byName.code).toBe(0);
    expect(byName.stdout).toMatch(/系统管理员＠安澜市人民政府/);

    const before = counts(data);
    const duplicate = await gk('user', 'create', '--username', 'zhangsan', '--name', '张三丰', '--unit', 'fgj');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/用户名“zhangsan”已被使用/);
    const unknownUnit = await gk('user', 'create', '--username', 'wangwu', '--name', '王五', '--unit', 'no-such-unit');
    expect(unknownUnit.code).toBe(1);
    expect(unknownUnit.stderr).toMatch(/找不到单位“no-such-unit”/);
    const badRole = await gk('user', 'create', '--username', 'wangwu', '--name', '王五', '--unit', 'fgj', '--role', 'boss');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/未知的角色“boss”/);
    expect(counts(data)).toEqual(before);
  });

  it('user reset-password prints a new one-time password and the old one stops working', async () => {
    const oldHash = query(data, (db) => (db.prepare("select password_hash from accounts where username = 'zhangsan'").get() as { password_hash: string }).password_hash);
    const reset = await gk('user', 'reset-password', 'zhangsan');
    expect(reset.code).toBe(0);
    const password = /一次性密码：(\S+)/.exec(reset.stdout)?.[1] as string;
    const newHash = query(data, (db) => (db.prepare("select password_hash from accounts where username = 'zhangsan'").get() as { password_hash: string }).password_hash);
    expect(newHash).not.toBe(oldHash);
    expect(await verify(newHash, password)).toBe(true);
    const unknown = await gk('user', 'reset-password', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/找不到用户名为“nobody”的账号/);
  });

  it('user create bootstraps the first administrator and top-level unit on an empty database', async () => {
    const empty = path.join(root, 'empty');
    const without = await runCli(['--data', empty, 'user', 'create', '--username', 'root', '--name', '管理员', '--sys-admin']);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/还没有任何单位.*--unit-name/);
    const boot = await runCli(['--data', empty, 'user', 'create', '--username', 'root', '--name', '管理员', '--sys-admin', '--unit-name', '示例县人民政府']);
    expect(boot.code).toBe(0);
    expect(boot.stdout).toMatch(/已创建顶级单位：示例县人民政府/);
    expect(boot.stdout).toMatch(/系统管理员＠示例县人民政府/);
    expect(boot.stdout).toMatch(/一次性密码：\S+/);
  });

  it('audit verify passes on the good log', async () => {
    const r = await gk('audit', 'verify');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/审计日志完整：共 \d+ 条/);
  });

  it('audit verify names a row edited directly in the database file', async () => {
    const dir = copyData('edited');
    query(dir, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare("update audit_log set actor_name = '某人' where seq = 5").run();
    });
    const r = await runCli(['--data', dir, 'audit', 'verify']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/第 5 条记录内容与其哈希不符/);
  });

  it('audit verify names the next row when the edited row also got a recomputed hash', async () => {
    const dir = copyData('rehashed');
    query(dir, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      const r = db.prepare('select * from audit_log where seq = 5').get() as Row<'audit_log'>;
      const e = { ...auditFromRow(r), actorName: '某人' };
      db.prepare('update audit_log set actor_name = ?, hash = ? where seq = 5').run(e.actorName, hashAuditRow(e));
    });
    const r = await runCli(['--data', dir, 'audit', 'verify']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).not.toMatch(/第 5 条/);
    expect(r.stdout).toMatch(/第 6 条记录与上一条的哈希链接不符/);
  });

  it('audit verify names a row deleted from the middle of the log', async () => {
    const dir = copyData('deleted');
    query(dir, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('delete from audit_log where seq = 7').run();
    });
    const r = await runCli(['--data', dir, 'audit', 'verify']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/第 7–7 条记录缺失/);
  });

  it('migrate says the database is up to date', async () => {
    const r = await gk('migrate');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/数据库已是最新版本/);
  });

  it('backup and restore round-trip through the command line, and a foreign file is refused', async () => {
    const file = path.join(root, 'backup.tar.gz');
    const b = await gk('backup', file);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/已备份到/);
    expect(b.stdout).toMatch(/备份不含加密密钥/);
    const again = await gk('backup', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/已存在/);

    const target = path.join(root, 'restored');
    const r = await runCli(['--data', target, 'restore', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/行数与校验值均与备份清单一致/);
    expect(r.stdout).toMatch(/gongkai audit verify/);
    expect(counts(target)).toEqual(counts(data));
    expect((await runCli(['--data', target, 'audit', 'verify'])).code).toBe(0);

    const refused = await runCli(['--data', target, 'restore', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/目标数据库不是空的/);
    const notes = path.join(root, 'notes.txt');
    fs.writeFileSync(notes, 'hello');
    const foreign = await runCli(['--data', path.join(root, 'empty2'), 'restore', notes]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/不是 Gongkai 备份文件/);
  });

  it('a bad configuration gives one message listing every problem', async () => {
    const r = await runCli(['--data', data, 'migrate'], cliEnv({ PORT: 'abc', LOG_LEVEL: 'loud' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/配置有误/);
    expect(r.stderr).toMatch(/PORT=abc/);
    expect(r.stderr).toMatch(/LOG_LEVEL=loud/);
    expect(r.stderr.match(/配置有误/g)).toHaveLength(1);
  });
});
