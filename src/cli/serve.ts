import type { Command } from 'commander';
import { buildApp } from '../http/app.js';
import { openRuntime } from '../main.js';
import { startOutboxSender } from '../infra/outbox-sender.js';
import { configFrom } from './common.js';
import { initDemo, isEmpty } from './init.js';

async function serve(cmd: Command, port: number | undefined, opts: { demoIfEmpty: boolean }): Promise<void> {
  const config = configFrom(cmd, port !== undefined ? { port } : {});
  const rt = await openRuntime(config);
  let demoPassword: string | null = null;
  if (opts.demoIfEmpty && (await isEmpty(rt))) demoPassword = (await initDemo(rt)).adminPassword;
  const app = await buildApp({ deps: rt.deps, config, onWrite: rt.onWrite, engine: rt.db.engine });
  const outbox = startOutboxSender(rt, app.log);
  const close = async () => {
    await app.close();
    await outbox.stop();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ host: config.host, port: config.port });
  const addr = app.server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : config.port;
  const base = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${actualPort}`;
  console.log(`Gongkai 已启动（${rt.db.describe}）`);
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
    .action(async (o: { port?: number }, cmd: Command) => serve(cmd, o.port, { demoIfEmpty: false }));
  program
    .command('start')
    .description('首次运行时创建演示数据，然后启动服务 (npm start)')
    .option('--port <n>', '端口', (v) => Number.parseInt(v, 10))
    .action(async (o: { port?: number }, cmd: Command) => serve(cmd, o.port, { demoIfEmpty: true }));
}
