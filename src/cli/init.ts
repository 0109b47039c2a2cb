import type { Command } from 'commander';
import { createAccount } from '../domain/accounts/manage-accounts.js';
import { createUnit } from '../domain/units/create-unit.js';
import type { Runtime } from '../main.js';
import { cliActor, withRuntime } from './common.js';
import { DEMO_ACCOUNTS, DEMO_UNITS } from './demo-data.js';

export async function isEmpty(rt: Runtime): Promise<boolean> {
  return (await rt.deps.store.read((r) => r.units.list())).length === 0;
}

/** Creates the demo city and one account per role; returns the administrator's one-time password. */
export async function initDemo(rt: Runtime): Promise<{ adminPassword: string; passwords: Record<string, string> }> {
  const actor = cliActor('init --demo');
  const ids = new Map<string, string>();
  for (const { key, parentKey, ...input } of DEMO_UNITS) {
    const unit = await createUnit(rt.deps, actor, { ...input, parentId: parentKey ? ids.get(parentKey) ?? null : null });
    ids.set(key, unit.id);
  }
  const passwords: Record<string, string> = {};
  for (const a of DEMO_ACCOUNTS) {
    const { initialPassword } = await createAccount(rt.deps, actor, {
      unitId: ids.get(a.unitKey) as string,
      username: a.username,
      displayName: a.displayName,
      email: `${a.username}@anlan.gov.cn`,
      roles: [{ unitId: ids.get(a.roleUnitKey) as string, role: a.role }],
    });
    passwords[a.username] = initialPassword as string;
  }
  return { adminPassword: passwords.admin as string, passwords };
}

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('初始化平台 (initialise the platform)')
    .option('--demo', '创建演示数据：安澜市政府、办公室、3个部门、3个乡镇和各角色账号')
    .option('--show-all-passwords', '同时显示所有演示账号的一次性密码')
    .action(async (o: { demo?: boolean; showAllPasswords?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        if (!(await isEmpty(rt))) {
          console.error('数据目录中已有数据，未做任何修改。如需重新演示，请换一个空的 --data 目录。');
          process.exitCode = 1;
          return;
        }
        if (!o.demo) {
          console.log('数据库已就绪。请用 `gongkai user create --sys-admin --unit-name 某某市人民政府 --username admin --name 姓名` 创建顶级单位和第一个系统管理员，或用 `gongkai init --demo` 创建演示数据。');
          return;
        }
        const { adminPassword, passwords } = await initDemo(rt);
        console.log(`已创建演示数据：${DEMO_UNITS.length} 个单位，${DEMO_ACCOUNTS.length} 个账号（${rt.db.describe}）。`);
        console.log(`系统管理员  用户名: admin  一次性密码: ${adminPassword}`);
        if (o.showAllPasswords) for (const a of DEMO_ACCOUNTS.slice(1)) console.log(`${a.displayName.padEnd(4, '　')}  用户名: ${a.username}  一次性密码: ${passwords[a.username]}`);
        console.log('首次登录后须修改密码。');
      });
    });
}
