/** `gongkai <command>`: one file per command, each calling the same use cases as the HTTP API. */
import { Command } from 'commander';
import { ConfigError } from '../config.js';
import { registerExportSiteCommand } from './export-site.js';

const program = new Command();
program
  .name('gongkai')
  .description('Gongkai 政府信息公开平台 (government information disclosure platform)')
  .option('--data <dir>', '数据目录 (data directory)', process.env.GONGKAI_DATA_DIR ?? './data')
  .showHelpAfterError();

/** The command being run: the first argument that is not a global option (nor --data's value). */
function commandName(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data') i++;
    else if (!args[i]!.startsWith('-')) return args[i];
  }
  return undefined;
}

// `gongkai export-site` runs after every publication (a cron job or a hook) and must take well under 2 s for one
// changed item: it starts with its own modules only. The other commands' modules (the HTTP server, document
// renderers, segmenter …) are imported only when one of them runs — loading them all took ~1 s of Node's start.
if (commandName(process.argv.slice(2)) === 'export-site') registerExportSiteCommand(program);
else {
  const [serve, migrate, init, user, audit, backup, deadline, calendar, report] = await Promise.all([
    import('./serve.js'), import('./migrate.js'), import('./init.js'), import('./user.js'), import('./audit.js'), import('./backup.js'),
    import('./deadline.js'), import('./calendar.js'), import('./report.js'),
  ]);
  serve.registerServeCommands(program);
  migrate.registerMigrateCommand(program);
  init.registerInitCommand(program);
  user.registerUserCommands(program);
  audit.registerAuditCommands(program);
  backup.registerBackupCommands(program);
  deadline.registerDeadlineCommands(program);
  registerExportSiteCommand(program);
  calendar.registerCalendarCommands(program);
  report.registerReportCommands(program);
}

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else if (e instanceof Error && e.name === 'DomainError') console.error(`错误：${e.message}`);
  else console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
