import type { Command } from 'commander';
import { buildApp } from '../http/app.js';
import { openRuntime } from '../main.js';
import { startOutboxSender } from '../infra/outbox-sender.js';
import { startPublicationScheduler } from '../infra/publication-scheduler.js';
import { configFrom } from './common.js';
import { initDemo, isEmpty } from './init.js';
import type { DemoContent } from './demo-content/index.js';
import { isWorker, parseWorkers, runPrimary, wireWorkerInvalidation } from './cluster.js';

async function serve(cmd: Command, port: number | undefined, opts: { demoIfEmpty: boolean; workers?: string | undefined; demoContent?: DemoContent }): Promise<void> {
  const config = configFrom(cmd, port !== undefined ? { port } : {});
  const workers = parseWorkers(opts.workers ?? config.workers);
  if (workers > 1 && !isWorker()) {
    // Primary: migrate and seed once, then fork; the workers do the serving.
    const rt = await openRuntime(config);
    const demoPassword = opts.demoIfEmpty && (await isEmpty(rt)) ? (await initDemo(rt, { content: opts.demoContent ?? 'full' })).adminPassword : null;
    const describe = rt.db.describe;
    await rt.close();
    await runPrimary(workers);
    printBanner(config.host, config.port, describe, demoPassword, workers);
    return;
  }
  const rt = await openRuntime(config, { migrate: !isWorker() });
  let demoPassword: string | null = null;
  if (!isWorker() && opts.demoIfEmpty && (await isEmpty(rt))) demoPassword = (await initDemo(rt, { content: opts.demoContent ?? 'full' })).adminPassword;
  const onWrite = isWorker() ? wireWorkerInvalidation(rt.onWrite) : rt.onWrite;
  const app = await buildApp({ deps: rt.deps, config, onWrite, engine: rt.db.engine });
  // One mail sender per installation: in cluster mode, the worker in slot 0 (replacements keep the slot).
  const outbox = !isWorker() || process.env.GONGKAI_WORKER_SLOT === '0' ? startOutboxSender(rt, app.log) : { stop: async () => {} };
  // Every process may run the scheduler (each item is published by one conditional update); one is enough.
  const scheduler = !isWorker() || process.env.GONGKAI_WORKER_SLOT === '0' ? startPublicationScheduler(rt.deps, app.log) : { stop: async () => {} };
  const close = async () => {
    await app.close();
    await outbox.stop();
    await scheduler.stop();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ host: config.host, port: config.port });
  if (isWorker()) return;
  const addr = app.server.address();
  printBanner(config.host, typeof addr === 'object' && addr ? addr.port : config.port, rt.db.describe, demoPassword, 1);
}

function printBanner(host: string, port: number, describe: string, demoPassword: string | null, workers: number): void {
  const base = `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${port}`;
  console.log(`Gongkai 已启动（${describe}${workers > 1 ? `，${workers} 个工作进程` : ''}）`);
  console.log(`  公开门户 portal:      ${base}/`);
  console.log(`  管理后台 admin:       ${base}/admin`);
  console.log(`  接口文档 API docs:    ${base}/api/docs`);
  if (demoPassword) {
    console.log('');
    console.log('已创建演示数据（示例市）。系统管理员首次登录：');
    console.log(`  用户名 username: admin`);
    console.log(`  一次性密码 one-time password: ${demoPassword}`);
    console.log('  登录后须修改密码。其他演示账号的密码请用 `npx gongkai user reset-password <用户名>` 重置。');
  }
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('启动服务：公开门户、管理后台和接口 (start the server)')
    .option('--port <n>', '端口', (v) => Number.parseInt(v, 10))
    .option('--workers <n>', '工作进程数：数字或 auto（每个CPU核一个）')
    .action(async (o: { port?: number; workers?: string }, cmd: Command) => serve(cmd, o.port, { demoIfEmpty: false, workers: o.workers }));
  program
    .command('start')
    .description('首次运行时创建演示数据，然后启动服务 (npm start)')
    .option('--port <n>', '端口', (v) => Number.parseInt(v, 10))
    .option('--workers <n>', '工作进程数：数字或 auto（每个CPU核一个）')
    // The first run publishes the demo content too, so the portal and search can be tried at once (issue 4).
    .option('--demo-content <amount>', '首次运行时的演示内容：full、minimal 或 none', 'full')
    .action(async (o: { port?: number; workers?: string; demoContent: string }, cmd: Command) => {
      if (!['full', 'minimal', 'none'].includes(o.demoContent)) {
        console.error(`--demo-content 只能是 full、minimal 或 none（收到“${o.demoContent}”）。`);
        process.exit(2);
      }
      await serve(cmd, o.port, { demoIfEmpty: true, workers: o.workers, demoContent: o.demoContent as DemoContent });
    });
}
