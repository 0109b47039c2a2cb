/**
 * `gongkai export-site <dir>`: writes the published portal as static files that nginx or a CDN can serve (issue 4,
 * item 9), incrementally: a re-run rewrites only changed pages (src/infra/static-export/exporter.ts). Large runs
 * render item pages in helper processes (the same command with the hidden --worker flag, fed over IPC).
 * The runtime and the exporter are imported when the command runs: registering it costs nothing to other commands,
 * and src/cli/index.ts starts `export-site` with only this command's modules (no HTTP server, no document libraries).
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { Option, type Command } from 'commander';
import { DomainError } from '../domain/errors.js';
import type { ItemJob, ItemJobResult } from '../infra/static-export/parallel.js';

const url = (name: string) => (v: string) => {
  if (!/^https?:\/\/[^\s"'<>]+$/i.test(v)) throw new DomainError('VALIDATION', `${name} 应为 http:// 或 https:// 开头的网址，例如 https://www.example.gov.cn`);
  return v.replace(/\/+$/, '');
};
const workerCount = (v: string) => {
  if (v === 'auto') return os.availableParallelism();
  if (!/^[1-8]$/.test(v)) throw new DomainError('VALIDATION', '--workers 应为 1 到 8 的整数，或 auto（每个CPU核一个）');
  return Number(v);
};

/** The helper side: one job from the parent over IPC, its result back, then exit. */
async function runAsWorker(cmd: Command): Promise<void> {
  const job = await new Promise<ItemJob>((resolve) => process.once('message', (m) => resolve(m as ItemJob)));
  const [{ withRuntime }, { runItemJob }] = await Promise.all([import('./common.js'), import('../infra/static-export/parallel.js')]);
  await withRuntime(cmd, async (rt) => {
    const result = await runItemJob(rt.deps, job);
    await new Promise<void>((resolve, reject) => process.send!(result, (e: Error | null) => (e ? reject(e) : resolve())));
  }, { migrate: false });
  process.disconnect?.();
}

function spawnWorker(dataDir: string) {
  return (job: ItemJob): Promise<ItemJobResult> => new Promise((resolve, reject) => {
    const child = fork(process.argv[1] as string, ['--data', dataDir, 'export-site', job.dir, '--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: ItemJobResult | null = null;
    child.once('message', (m) => {
      result = m as ItemJobResult;
    });
    child.once('error', reject);
    child.once('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`导出子进程异常退出（代码 ${code}）`))));
    child.send(job);
  });
}

export function registerExportSiteCommand(program: Command): void {
  program
    .command('export-site')
    .description('导出静态网站：已发布的门户页面、附件、订阅源和站点地图 (export the portal as static files, incrementally)')
    .argument('<dir>', '输出目录（可重复导出到同一目录，只改写有变化的文件）')
    .option('--base-url <url>', '静态网站的访问地址，用于二维码、订阅源和站点地图（默认 GONGKAI_PUBLIC_URL）', url('--base-url'))
    .option('--dynamic-url <url>', '动态门户地址，在线申请、检索等页面链接到这里（默认 GONGKAI_PUBLIC_URL）', url('--dynamic-url'))
    .option('--full', '全部重新生成（内容未变的文件仍不改写）')
    .option('--workers <n>', '生成信息页的进程数：1–8 或 auto（默认 auto，每个CPU核一个；页面少时只用一个）', workerCount)
    .addOption(new Option('--worker').hideHelp())
    .addOption(new Option('--parallel-min <n>').hideHelp().argParser((v) => Number(v)))
    .action(async (dir: string, o: { baseUrl?: string; dynamicUrl?: string; full?: boolean; workers?: number; worker?: boolean; parallelMin?: number }, cmd: Command) => {
      if (o.worker) return runAsWorker(cmd);
      const { data } = cmd.optsWithGlobals<{ data: string }>();
      const [{ withRuntime }, { exportSite }] = await Promise.all([import('./common.js'), import('../infra/static-export/exporter.js')]);
      await withRuntime(cmd, async (rt) => {
        const r = await exportSite(rt.deps, {
          dir, siteName: rt.config.siteName, baseUrl: o.baseUrl ?? rt.config.publicUrl, dynamicBase: o.dynamicUrl ?? rt.config.publicUrl, full: !!o.full,
          workers: o.workers ?? os.availableParallelism(), spawnWorker: spawnWorker(data), parallelMin: o.parallelMin,
        });
        console.log(`静态网站已导出到 ${dir}（${r.full ? '全量' : '增量'}，用时 ${r.seconds.toFixed(2)} 秒，CPU ${r.cpuSeconds.toFixed(2)} 秒）`);
        console.log(`  公开信息 ${r.items} 条；本次生成：信息页 ${r.renderedItems}，栏目 ${r.renderedColumns}，单位 ${r.renderedUnits}`);
        console.log(`  文件：写入 ${r.written}，未变 ${r.unchanged}，删除 ${r.deleted}`);
      });
    });
}
