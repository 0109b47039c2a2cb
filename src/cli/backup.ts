/**
 * `gongkai backup <file>` (online: the server may keep running) and `gongkai restore <file>` (into an empty
 * database of either engine). The archive format is described in src/storage/backup.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { fsBlobStore } from '../infra/blob-store.js';
import { BackupError, createBackup } from '../storage/backup.js';
import { openDb } from '../storage/db.js';
import { restoreBackup, type RestoreResult } from '../storage/restore.js';
import { configFrom, withRuntime } from './common.js';

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
const keyFile = (c: Config) => path.join(c.dataDir, 'secret.key');
const keyPlace = (c: Config) => (c.secretKeySource === 'env' ? '环境变量 GONGKAI_SECRET_KEY' : `密钥文件 ${keyFile(c)}`);

/** The key in use, without creating one: a restore must not invent a key the restored data was not sealed with. */
function existingKey(c: Config): Buffer | null {
  if (c.secretKeySource === 'env') return c.secretKey;
  if (!fs.existsSync(keyFile(c))) return null;
  const raw = fs.readFileSync(keyFile(c), 'utf8').trim();
  return /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : null;
}

async function refusing(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    console.error(`错误：${e.message}`);
    process.exitCode = 1;
  }
}

function printRestore(c: Config, file: string, r: RestoreResult, describe: string): void {
  const m = r.manifest;
  console.log(`已从 ${file} 恢复到 ${describe}。`);
  console.log(`  备份时间 ${m.createdAt}，来源 ${m.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}，数据库版本 ${m.migrations[m.migrations.length - 1]}`);
  console.log(`  ${Object.entries(r.rows).map(([t, n]) => `${t} ${n} 行`).join('，')}；附件文件 ${r.blobs} 个`);
  if (r.migrated.length) console.log(`  已升级数据库结构：${r.migrated.join(', ')}`);
  console.log('  行数与校验值均与备份清单一致。');
  if (r.audit.problems.length === 0) console.log(`  审计日志哈希链完整：共 ${r.audit.rows} 条，最新记录 #${r.audit.headSeq}，哈希 ${r.audit.headHash}`);
  else console.log(`  警告：审计日志哈希链有 ${r.audit.problems.length} 处问题（备份前已存在），如：${r.audit.problems[0]}`);
  console.log('  可随时运行 `gongkai audit verify` 复核审计日志。');
  if (m.blobs.missing.length) console.log(`  警告：备份时有 ${m.blobs.missing.length} 个附件文件已缺失或损坏，恢复后这些附件无法下载。`);
  const sealed = Object.values(r.encrypted).reduce((a, b) => a + b, 0);
  if (sealed === 0) return;
  const what = Object.entries(r.encrypted).map(([t, n]) => `${t} 表 ${n} 行`).join('，');
  console.log('');
  console.log(`注意：恢复的数据中有加密保存的内容（${what}，如账号的动态码密钥）。备份不含加密密钥，须使用原系统的密钥才能解密。`);
  if (r.key === 'same') console.log(`  当前${keyPlace(c)}与备份时的密钥一致，可以直接启动服务。`);
  else if (r.key === 'different') console.log(`  警告：当前${keyPlace(c)}与备份时的密钥不同！请在启动服务前换成原系统的密钥（原 secret.key 文件或原 GONGKAI_SECRET_KEY 的值）。`);
  else console.log(`  请在启动服务前把原系统的 secret.key 复制到 ${keyFile(c)}（权限 600），或把环境变量 GONGKAI_SECRET_KEY 设为原值；否则服务会生成新密钥，这些内容将无法解密。`);
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('在线备份数据库和附件到一个 .tar.gz 文件，服务可继续运行 (online backup)')
    .argument('<file>', '备份文件，如 gongkai-2026-01-31.tar.gz')
    .option('--force', '覆盖已存在的文件')
    .action(async (file: string, o: { force?: boolean }, cmd: Command) => {
      await withRuntime(cmd, (rt) => refusing(async () => {
        const started = Date.now();
        const r = await createBackup({ db: rt.db, blobs: rt.deps.blobs, file, secretKey: rt.config.secretKey, overwrite: !!o.force });
        const m = r.manifest;
        console.log(`已备份到 ${r.file}（${size(r.bytes)}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
        console.log(`  ${rt.db.describe}，数据库版本 ${m.migrations[m.migrations.length - 1]}，快照时间 ${m.createdAt}`);
        console.log(`  ${m.tables.map((t) => `${t.name} ${t.rows} 行`).join('，')}；附件文件 ${m.blobs.count} 个（${size(m.blobs.bytes)}）`);
        console.log(`注意：备份不含加密密钥（${keyPlace(rt.config)}），请另行妥善保管；恢复时需要同一个密钥。`);
        if (m.blobs.missing.length) {
          console.error(`警告：有 ${m.blobs.missing.length} 个附件文件缺失或内容损坏，未能备份：${m.blobs.missing.slice(0, 5).join(', ')}${m.blobs.missing.length > 5 ? ' …' : ''}`);
          process.exitCode = 2;
        }
      }), { migrate: false });
    });
  program
    .command('restore')
    .description('从备份文件恢复到空的数据库（SQLite 或 PostgreSQL 均可）(restore into an empty database)')
    .argument('<file>', '由 gongkai backup 生成的备份文件')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const config = configFrom(cmd);
      const db = openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
      try {
        await refusing(async () => {
          const r = await restoreBackup({
            db, blobs: fsBlobStore(path.join(config.dataDir, 'blobs')), file, workDir: config.dataDir, secretKey: existingKey(config),
          });
          printRestore(config, path.resolve(file), r, db.describe);
        });
      } finally {
        await db.close();
      }
    });
}
