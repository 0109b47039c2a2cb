import type { Command } from 'commander';
import { createAccount } from '../domain/accounts/manage-accounts.js';
import { createUnit } from '../domain/units/create-unit.js';
import type { Runtime } from '../main.js';
import { cliActor, withRuntime } from './common.js';
import { DEMO_ACCOUNTS, DEMO_UNITS } from './demo-data.js';
import { seedDemoContent, type DemoContent, type DemoContentResult } from './demo-content/index.js';

export async function isEmpty(rt: Runtime): Promise<boolean> {
  return (await rt.deps.store.read((r) => r.units.list())).length === 0;
}

/**
 * Creates the demo city and one account per role; returns the administrator's one-time password. `content`
 * adds published items and a report year (demo-content/): the CLI asks for 'full', tests default to 'none'.
 */
export async function initDemo(rt: Runtime, opts: { content?: DemoContent } = {}): Promise<{ adminPassword: string; passwords: Record<string, string>; content: DemoContentResult | null }> {
  const actor = cliActor('init --demo');
  const ids = new Map<string, string>();
  for (const { key, parentKey, ...input } of DEMO_UNITS) {
    const unit = await createUnit(rt.deps, actor, { ...input, parentId: parentKey ? ids.get(parentKey) ?? null : null });
    ids.set(key, unit.id);
  }
  const passwords: Record<string, string> = {};
  const accountIds = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const { initialPassword, account } = await createAccount(rt.deps, actor, {
      unitId: ids.get(a.unitKey) as string,
      username: a.username,
      displayName: a.displayName,
      email: `${a.username}@anlan.gov.cn`,
      roles: [{ unitId: ids.get(a.roleUnitKey) as string, role: a.role }],
    });
    passwords[a.username] = initialPassword as string;
    accountIds.set(a.username, account.id);
  }
  const content = opts.content && opts.content !== 'none' ? await seedDemoContent(rt.deps, ids, accountIds, opts.content) : null;
  return { adminPassword: passwords.admin as string, passwords, content };
}

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('初始化平台 (initialise the platform)')
    .option('--demo', '创建演示数据：安澜市政府、办公室、3个部门、3个乡镇和各角色账号')
    .option('--show-all-passwords', '同时显示所有演示账号的一次性密码')
    .option('--content <amount>', '演示内容：full（每个单位200条以上公开信息和上一年度年报数据）、minimal（每个栏目1条）或 none', 'full')
    .action(async (o: { demo?: boolean; showAllPasswords?: boolean; content: string }, cmd: Command) => {
      if (!['full', 'minimal', 'none'].includes(o.content)) {
        console.error(`--content 只能是 full、minimal 或 none（收到“${o.content}”）。`);
        process.exitCode = 2;
        return;
      }
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
        const started = Date.now();
        const { adminPassword, passwords, content } = await initDemo(rt, { content: o.content as DemoContent });
        console.log(`已创建演示数据：${DEMO_UNITS.length} 个单位，${DEMO_ACCOUNTS.length} 个账号（${rt.db.describe}）。`);
        if (content) {
          console.log(`演示内容：已发布 ${content.published - content.withdrawn} 条公开信息（更正 ${content.corrected} 条，撤稿 ${content.withdrawn} 条），依申请公开 ${content.applications} 件，复议诉讼 ${content.reviewCases} 件，其他渠道登记 ${content.offline} 条，年报统计数据 ${content.manualEntries} 条；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
        }
        console.log(`系统管理员  用户名: admin  一次性密码: ${adminPassword}`);
        if (o.showAllPasswords) for (const a of DEMO_ACCOUNTS.slice(1)) console.log(`${a.displayName.padEnd(4, '　')}  用户名: ${a.username}  一次性密码: ${passwords[a.username]}`);
        console.log('首次登录后须修改密码。');
      });
    });
}
