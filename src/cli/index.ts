/** `gongkai <command>`: one file per command, each calling the same use cases as the HTTP API. */
import { Command } from 'commander';
import { ConfigError } from '../config.js';
import { registerAuditCommands } from './audit.js';
import { registerBackupCommands } from './backup.js';
import { registerDeadlineCommands } from './deadline.js';
import { registerExportSiteCommand } from './export-site.js';
import { registerCalendarCommands } from './calendar.js';
import { registerInitCommand } from './init.js';
import { registerMigrateCommand } from './migrate.js';
import { registerReportCommands } from './report.js';
import { registerServeCommands } from './serve.js';
import { registerUserCommands } from './user.js';

const program = new Command();
program
  .name('gongkai')
  .description('Gongkai 政府信息公开平台 (government information disclosure platform)')
  .option('--data <dir>', '数据目录 (data directory)', process.env.GONGKAI_DATA_DIR ?? './data')
  .showHelpAfterError();

registerServeCommands(program);
registerMigrateCommand(program);
registerInitCommand(program);
registerUserCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerDeadlineCommands(program);
registerExportSiteCommand(program);
registerCalendarCommands(program);
registerReportCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else if (e instanceof Error && e.name === 'DomainError') console.error(`错误：${e.message}`);
  else console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
