/**
 * The audit log is hash-chained: each row's hash covers its own content and the previous row's hash, so
 * editing or deleting any row breaks every hash after it. SM3 (GB/T 32905) is the national standard hash
 * that 密码应用安全性评估 expects for integrity protection; Node's OpenSSL 3 provides it.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../ports.js';

export const GENESIS_HASH = 'sm3:' + '0'.repeat(64);

type Hashable = Omit<AuditEntry, 'hash'>;

/** A fixed field order and JSON encoding, so the same row always hashes the same on every engine. */
export function canonicalAuditRow(e: Hashable): string {
  return JSON.stringify([
    e.seq, e.at, e.actorId, e.actorName, e.unitId, e.action, e.entityType, e.entityId,
    e.beforeJson, e.afterJson, e.ip, e.prevHash,
  ]);
}

export function hashAuditRow(e: Hashable): string {
  return 'sm3:' + createHash('sm3').update(canonicalAuditRow(e), 'utf8').digest('hex');
}

export interface ChainProblem {
  seq: number;
  kind: 'hash-mismatch' | 'broken-link' | 'gap';
  message: string;
}

export interface ChainVerifier {
  push(e: AuditEntry): void;
  result(): { rows: number; headSeq: number; headHash: string; problems: ChainProblem[] };
}

/** Streams through the rows in sequence order; memory stays constant however long the log is. */
export function chainVerifier(): ChainVerifier {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let rows = 0;
  const problems: ChainProblem[] = [];
  return {
    push(e) {
      rows++;
      if (e.seq !== prevSeq + 1) {
        problems.push({ seq: e.seq, kind: 'gap', message: `第 ${prevSeq + 1}–${e.seq - 1} 条记录缺失（可能被删除）` });
      }
      if (e.prevHash !== prevHash) {
        problems.push({ seq: e.seq, kind: 'broken-link', message: `第 ${e.seq} 条记录与上一条的哈希链接不符（前序记录被修改或删除）` });
      }
      const expected = hashAuditRow(e);
      if (expected !== e.hash) {
        problems.push({ seq: e.seq, kind: 'hash-mismatch', message: `第 ${e.seq} 条记录内容与其哈希不符（记录被修改）` });
      }
      prevHash = e.hash;
      prevSeq = e.seq;
    },
    result() {
      return { rows, headSeq: prevSeq, headHash: prevHash, problems };
    },
  };
}
