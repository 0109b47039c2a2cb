/**
 * Publishes scheduled items when their time comes. Checks every second (publication must reach the portal within
 * 1 s of its time), and is safe with several server processes: each item is published by a conditional update
 * on status 'scheduled', so only one process wins and the others see nothing to do.
 */
import type { Deps } from '../domain/ports.js';
import { publishScheduled } from '../domain/publications/review.js';

export interface SchedulerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface PublicationScheduler {
  /** One pass over every due item; resolves with the number published. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startPublicationScheduler(deps: Deps, log: SchedulerLog, opts: { intervalMs?: number; autoStart?: boolean } = {}): PublicationScheduler {
  let running: Promise<number> | null = null;
  let stopped = false;
  const runOnce = async (): Promise<number> => {
    let published = 0;
    for (;;) {
      const due = await deps.store.read((r) => r.publications.dueScheduled(deps.clock.now(), 50));
      let progressed = false;
      for (const { id } of due) {
        try {
          if (await publishScheduled(deps, id)) {
            published++;
            progressed = true;
            log.info({ itemId: id }, 'scheduled item published');
          }
        } catch (e) {
          // Left scheduled: the log says why (e.g. the unit has no code for the 索引号); the next pass retries.
          log.error({ itemId: id, err: (e as Error).message }, 'scheduled publication failed');
        }
      }
      if (due.length < 50 || !progressed) return published;
    }
  };
  const tick = () => {
    if (running || stopped) return;
    running = runOnce().catch((e) => { log.error({ err: (e as Error).message }, 'publication scheduler pass failed'); return 0; }).finally(() => { running = null; });
  };
  const timer = opts.autoStart === false ? null : setInterval(tick, opts.intervalMs ?? 1000);
  timer?.unref();
  return {
    runOnce: () => runOnce(),
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (running) await running;
    },
  };
}
