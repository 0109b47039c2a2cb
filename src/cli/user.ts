/**
 * `gongkai user create` and `gongkai user reset-password`: account administration for whoever operates the
 * server, e.g. to create the first 系统管理员 or to recover a locked-out one. Same use cases as the HTTP API.
 */
import type { Command } from 'commander';
import { createAccountInput } from '../domain/accounts/account-input.js';
import { createAccount, resetPassword } from '../domain/accounts/manage-accounts.js';
import { DomainError } from '../domain/errors.js';
import { ROLES, UNIT_LEVELS, UNIT_TYPES, type Role, type UnitLevel, type UnitType } from '../domain/glossary.js';
import type { Repos, Unit } from '../domain/ports.js';
import { createUnit } from '../domain/units/create-unit.js';
import { normaliseUnitCode } from '../domain/units/codes.js';
import { parseInput } from '../domain/validate.js';
import type { Runtime } from '../main.js';
import { cliActor, withRuntime } from './common.js';

/** A user-facing failure: printed in Chinese, exit code 1, nothing else said. */
class CliFailure extends Error {}

interface CreateOptions {
  username: string;
  name: string;
  unit?: string;
  email?: string;
  role: string[];
  roleUnit?: string;
  sysAdmin?: boolean;
  unitName?: string;
  unitType: string;
  unitLevel: string;
  unitCode?: string;
  unitSlug?: string;
}

const roleList = Object.entries(ROLES).map(([k, v]) => `${k}（${v}）`).join('、');

/** Finds a unit by 网址标识, unit code, full name or short name, in that order; ambiguous names are refused. */
export async function findUnit(r: Repos, ref: string): Promise<Unit> {
  const wanted = ref.trim();
  const bySlug = await r.units.getBySlug(wanted.toLowerCase());
  if (bySlug) return bySlug;
  const byCode = await r.units.getByCode(normaliseUnitCode(wanted));
  if (byCode) return byCode;
  const units = await r.units.list();
  for (const field of ['name', 'shortName'] as const) {
    const hits = units.filter((u) => u[field] === wanted);
    if (hits.length === 1) return hits[0] as Unit;
    if (hits.length > 1) throw new CliFailure(`有 ${hits.length} 个单位名为“${wanted}”，请改用网址标识：${hits.map((u) => u.slug).join('、')}`);
  }
  const sample = units.slice(0, 20).map((u) => `${u.slug}（${u.name}）`).join('、');
  throw new CliFailure(`找不到单位“${wanted}”。可用网址标识、单位代码或单位全称指定${units.length ? `，现有单位：${sample}${units.length > 20 ? ' 等' : ''}` : ''}。`);
}

function rootOf(units: Unit[], unit: Unit): Unit {
  const byId = new Map(units.map((u) => [u.id, u]));
  let cur = unit;
  const seen = new Set<string>();
  while (cur.parentId && !seen.has(cur.id)) {
    seen.add(cur.id);
    const p = byId.get(cur.parentId);
    if (!p) break;
    cur = p;
  }
  return cur;
}

function checkRoles(roles: string[]): Role[] {
  for (const x of roles) if (!(x in ROLES)) throw new CliFailure(`未知的角色“${x}”。可选角色：${roleList}`);
  return roles as Role[];
}

/** With an empty database the first administrator needs a unit to belong to: create the top-level unit too. */
async function bootstrapRootUnit(rt: Runtime, o: CreateOptions): Promise<Unit> {
  if (!o.unitName) {
    throw new CliFailure('数据库中还没有任何单位。请用 --unit-name <单位全称> 同时创建顶级单位（如“××县人民政府”），或先运行 `gongkai init --demo` 创建演示数据。');
  }
  if (!o.sysAdmin && !o.role.includes('sysAdmin')) {
    throw new CliFailure('首次创建账号时须同时指定 --sys-admin：第一个账号应是系统管理员，才能在后台继续添加单位和账号。');
  }
  if (!(o.unitType in UNIT_TYPES)) throw new CliFailure(`未知的单位类型“${o.unitType}”。可选：${Object.entries(UNIT_TYPES).map(([k, v]) => `${k}（${v}）`).join('、')}`);
  if (!(o.unitLevel in UNIT_LEVELS)) throw new CliFailure(`未知的行政层级“${o.unitLevel}”。可选：${Object.entries(UNIT_LEVELS).map(([k, v]) => `${k}（${v}）`).join('、')}`);
  return createUnit(rt.deps, cliActor('user create'), {
    parentId: null, name: o.unitName, type: o.unitType as UnitType, level: o.unitLevel as UnitLevel,
    code: o.unitCode ?? null, ...(o.unitSlug ? { slug: o.unitSlug } : {}),
  });
}

async function createUser(rt: Runtime, o: CreateOptions): Promise<void> {
  const roles = checkRoles(o.role);
  // Check the account fields before anything is written, so a typo never leaves a bootstrap unit behind.
  parseInput(createAccountInput, { unitId: '-', username: o.username, displayName: o.name, email: o.email ?? null });
  let units = await rt.deps.store.read((r) => r.units.list());
  let home: Unit;
  let bootstrapped = false;
  if (units.length === 0) {
    home = await bootstrapRootUnit(rt, o);
    units = [home];
    bootstrapped = true;
  } else {
    if (o.unitName) throw new CliFailure('数据库中已有单位，--unit-name 只用于创建第一个单位。请用 --unit 指定所属单位（新单位请在管理后台添加）。');
    if (!o.unit) throw new CliFailure('请用 --unit <网址标识|单位代码|单位全称> 指定账号所属单位。');
    const ref = o.unit;
    home = await rt.deps.store.read((r) => findUnit(r, ref));
  }
  const roleUnit = o.roleUnit ? await rt.deps.store.read((r) => findUnit(r, o.roleUnit as string)) : null;
  const assignments = roles.map((role) => ({ unitId: (roleUnit ?? home).id, role }));
  // 系统管理员 manages the whole tree, so by default it is granted at the root of the home unit's tree.
  if (o.sysAdmin) assignments.push({ unitId: (roleUnit ?? rootOf(units, home)).id, role: 'sysAdmin' });

  const { account, roles: granted, initialPassword } = await createAccount(rt.deps, cliActor('user create'), {
    unitId: home.id, username: o.username, displayName: o.name, email: o.email ?? null, roles: assignments,
  });
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  if (bootstrapped) console.log(`已创建顶级单位：${home.name}（网址标识 ${home.slug}）`);
  console.log(`已创建账号：${account.username}（${account.displayName}，所属单位：${home.name}）`);
  console.log(`角色：${granted.length ? granted.map((g) => `${ROLES[g.role]}＠${unitName(g.unitId)}`).join('；') : '无（可在管理后台分配）'}`);
  console.log(`一次性密码：${initialPassword}`);
  console.log('首次登录后须修改密码。此密码只显示这一次。');
}

async function resetUserPassword(rt: Runtime, username: string): Promise<void> {
  const account = await rt.deps.store.read((r) => r.accounts.getByUsername(username.trim().toLowerCase()));
  if (!account) throw new CliFailure(`找不到用户名为“${username}”的账号。`);
  const { temporaryPassword } = await resetPassword(rt.deps, cliActor('user reset-password'), account.id);
  console.log(`已重置 ${account.username}（${account.displayName}）的密码：账号已解锁，原有登录会话已失效。`);
  console.log(`一次性密码：${temporaryPassword}`);
  console.log('首次登录后须修改密码。此密码只显示这一次。');
}

/** Prints domain and CLI errors in Chinese, with each field problem, and sets exit code 1. */
async function reporting(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof CliFailure) console.error(`错误：${e.message}`);
    else if (e instanceof DomainError) {
      const fields = e.fields.filter((f) => f.message !== e.message);
      console.error(`错误：${e.message}${fields.length ? '\n' + fields.map((f) => `  - ${f.message}`).join('\n') : ''}`);
    } else throw e;
    process.exitCode = 1;
  }
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('账号管理 (accounts)');
  user
    .command('create')
    .description('新建账号并显示一次性密码 (create an account)')
    .requiredOption('--username <用户名>', '登录用户名：字母开头，3–32位小写字母、数字、点、下划线或连字符')
    .requiredOption('--name <姓名>', '姓名')
    .option('--unit <单位>', '所属单位：网址标识、单位代码或单位全称')
    .option('--email <邮箱>', '电子邮箱')
    .option('--role <角色>', `角色，可重复：${roleList}`, collect, [])
    .option('--role-unit <单位>', '角色所在单位（默认：所属单位；--sys-admin 默认为顶级单位）')
    .option('--sys-admin', '授予系统管理员角色（在顶级单位）')
    .option('--unit-name <单位全称>', '数据库中还没有单位时：同时创建这个顶级单位，账号属于它（须与 --sys-admin 一起用）')
    .option('--unit-type <类型>', `与 --unit-name 一起用：单位类型 ${Object.keys(UNIT_TYPES).join('|')}`, 'government')
    .option('--unit-level <层级>', `与 --unit-name 一起用：行政层级 ${Object.keys(UNIT_LEVELS).join('|')}`, 'county')
    .option('--unit-code <代码>', '与 --unit-name 一起用：统一社会信用代码（可选）')
    .option('--unit-slug <标识>', '与 --unit-name 一起用：门户网址标识（可选，默认取拼音）')
    .action(async (o: CreateOptions, cmd: Command) => {
      await withRuntime(cmd, (rt) => reporting(() => createUser(rt, o)));
    });
  user
    .command('reset-password')
    .description('重置密码并显示新的一次性密码，同时解锁账号 (reset a password)')
    .argument('<username>', '用户名')
    .action(async (username: string, _o: unknown, cmd: Command) => {
      await withRuntime(cmd, (rt) => reporting(() => resetUserPassword(rt, username)));
    });
}
