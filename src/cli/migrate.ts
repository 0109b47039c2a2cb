import type { Command } from 'commander';
import { migrateToLatest } from '../storage/db.js';
import { withRuntime } from './common.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('把数据库结构升级到最新版本 (run pending migrations)')
    .action(async (_o, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const done = await migrateToLatest(rt.db);
        console.log(done.length ? `已执行迁移：${done.join(', ')}（${rt.db.describe}）` : `数据库已是最新版本（${rt.db.describe}）`);
      }, { migrate: false });
    });
}
