/**
 * `gongkai serve --workers N`: N server processes share the port (node:cluster), so the portal uses every core.
 * The primary only forks, relays cache invalidations and replaces a worker that dies. Each worker is a full
 * server; writes stay safe because SQLite write transactions take the lock up front (BEGIN IMMEDIATE) and
 * PostgreSQL serialises the audit chain with an advisory lock.
 */
import cluster from 'node:cluster';
import os from 'node:os';

const INVALIDATE = 'gongkai:invalidate';

export function parseWorkers(raw: string | undefined): number {
  if (raw === undefined || raw === '' || raw === '1') return 1;
  if (raw === 'auto') return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`--workers ${raw}: 应为 1–64 的整数或 auto`);
  return n;
}

export const isWorker = () => cluster.isWorker;

/** In the primary: forks the workers and keeps them running. Resolves once the first one listens. */
export function runPrimary(workers: number): Promise<void> {
  return new Promise((resolve) => {
    let listening = false;
    const slots = new Map<number, number>(); // worker id → slot
    const fork = (slot: number) => {
      const w = cluster.fork({ GONGKAI_WORKER_SLOT: String(slot) });
      slots.set(w.id, slot);
      w.on('message', (m: unknown) => {
        if ((m as { type?: string })?.type !== INVALIDATE) return;
        for (const other of Object.values(cluster.workers ?? {})) if (other && other.id !== w.id) other.send({ type: INVALIDATE });
      });
      w.on('listening', () => {
        if (!listening) {
          listening = true;
          resolve();
        }
      });
    };
    let stopping = false;
    cluster.on('exit', (w, code, signal) => {
      if (stopping) return;
      console.error(`工作进程 ${w.process.pid} 退出（${signal ?? code}），正在重启`);
      const slot = slots.get(w.id) ?? 0;
      slots.delete(w.id);
      setTimeout(() => fork(slot), 500);
    });
    const stop = () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      setTimeout(() => process.exit(0), 3000).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    for (let i = 0; i < workers; i++) fork(i);
  });
}

/**
 * In a worker: local writes are announced to the other workers, and their announcements run the local
 * listeners (the portal's page cache), so no process serves a page older than a committed write.
 */
export function wireWorkerInvalidation(localOnWrite: (fn: () => void) => void): (fn: () => void) => void {
  const listeners: (() => void)[] = [];
  localOnWrite(() => process.send?.({ type: INVALIDATE }));
  process.on('message', (m: unknown) => {
    if ((m as { type?: string })?.type === INVALIDATE) for (const l of listeners) l();
  });
  return (fn) => {
    localOnWrite(fn);
    listeners.push(fn);
  };
}
