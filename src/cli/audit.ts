import type { Command } from 'commander';
import { verifyAuditChain } from '../domain/audit/audit-queries.js';
import { withRuntime } from './common.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志 (audit log)');
  audit
    .command('verify')
    .description('校验审计日志哈希链，发现被修改或删除的记录 (verify the hash chain)')
    .option('--json', '以 JSON 输出')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const r = await verifyAuditChain(rt.deps);
        if (o.json) console.log(JSON.stringify(r, null, 2));
        else if (r.problems.length === 0) {
          console.log(`审计日志完整：共 ${r.rows} 条，哈希链无断裂。最新记录 #${r.headSeq}，哈希 ${r.headHash}`);
          console.log('（请将最新哈希另行留存，可据此发现末尾记录被截断。）');
        } else {
          console.log(`审计日志校验失败：共 ${r.rows} 条，发现 ${r.problems.length} 处问题：`);
          for (const p of r.problems.slice(0, 50)) console.log(`  - ${p.message}`);
          if (r.problems.length > 50) console.log(`  …… 另有 ${r.problems.length - 50} 处`);
        }
        if (r.problems.length) process.exitCode = 2;
      });
    });
}
