/**
 * Privacy-friendly view counter for item pages (浏览次数): no cookie, no script, no third party, nothing about
 * the visitor kept — a hit adds one to an in-memory number per item and day, and the numbers are added to
 * item_views in one batch every few seconds, in a write marked `publicContent: false` (it changes no page, so
 * the page cache stays). Cache hits are counted in the fast path (fast-path.ts `onHit`): a Map increment.
 *
 * What the page shows: the total up to yesterday ("截至昨日"), read when the page is rendered. That number
 * only changes at midnight, so a cached page stays right all day; `onDayChange` clears the page cache shortly
 * after midnight (Beijing time), once every worker has flushed yesterday's counts.
 */
import type { Store } from '../../domain/ports.js';

/** Civil date in China Standard Time (UTC+8, no daylight saving). */
export const beijingDay = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const DAY_MS = 24 * 3600_000;
/** Milliseconds from `ms` to the next Beijing midnight. */
const toNextMidnight = (ms: number): number => DAY_MS - ((ms + 8 * 3600_000) % DAY_MS);

/** Crawlers and tools are not readers. A request without a User-Agent is not a browser either. */
const NOT_A_READER = /bot|spider|crawl|slurp|curl|wget|python|go-http|java\/|libwww|httpclient|headless|feed|preview/i;

export interface ViewCounterOptions {
  store: Store;
  /** Batch interval; the default 10 s bounds what a crash loses. */
  flushMs?: number;
  /** Different items counted between two flushes at most; beyond that hits are dropped until the next flush. */
  maxPending?: number;
  now?: () => number;
  onError?: (e: unknown) => void;
}

export class ViewCounter {
  private pending = new Map<string, Map<string, number>>(); // day → item → count
  private size = 0;
  private day: string;
  private dayEndsAt: number;
  private timer: NodeJS.Timeout | null = null;
  private midnight: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly dayListeners: (() => void)[] = [];
  private readonly now: () => number;
  private readonly maxPending: number;

  constructor(private readonly opts: ViewCounterOptions) {
    this.now = opts.now ?? Date.now;
    this.maxPending = opts.maxPending ?? 200_000;
    const t = this.now();
    this.day = beijingDay(t);
    this.dayEndsAt = t + toNextMidnight(t);
  }

  /** The day whose views are still being counted: pages show totals of the days before it. */
  today(): string {
    const t = this.now();
    if (t >= this.dayEndsAt) {
      this.day = beijingDay(t);
      this.dayEndsAt = t + toNextMidnight(t);
    }
    return this.day;
  }

  /** One view of an item page, if the request looks like a reader's. Cheap: called on every cache hit. */
  hit(itemId: string, userAgent: string | undefined): void {
    if (!userAgent || NOT_A_READER.test(userAgent)) return;
    const day = this.today();
    let m = this.pending.get(day);
    if (!m) this.pending.set(day, (m = new Map()));
    const n = m.get(itemId);
    if (n !== undefined) m.set(itemId, n + 1);
    else if (this.size < this.maxPending) {
      m.set(itemId, 1);
      this.size++;
    }
  }

  /** Called shortly after each Beijing midnight (the portal clears its page cache). */
  onDayChange(fn: () => void): void {
    this.dayListeners.push(fn);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.opts.flushMs ?? 10_000);
    this.timer.unref();
    this.scheduleMidnight();
  }

  private scheduleMidnight(): void {
    // One minute past midnight: every worker has flushed yesterday's counts by then (flush interval ≤ 10 s).
    this.midnight = setTimeout(() => {
      this.today();
      void this.flush().finally(() => {
        for (const fn of this.dayListeners) fn();
      });
      this.scheduleMidnight();
    }, toNextMidnight(this.now()) + 60_000);
    this.midnight.unref();
  }

  /** Writes the counts gathered so far; on failure they are put back for the next attempt. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (!this.size) return;
      const taken = this.pending;
      this.pending = new Map();
      this.size = 0;
      const batch: { itemId: string; day: string; count: number }[] = [];
      for (const [day, m] of taken) for (const [itemId, count] of m) batch.push({ itemId, day, count });
      try {
        await this.opts.store.write((r) => r.itemViews.add(batch), { publicContent: false });
      } catch (e) {
        for (const b of batch) {
          let m = this.pending.get(b.day);
          if (!m) this.pending.set(b.day, (m = new Map()));
          if (!m.has(b.itemId)) this.size++;
          m.set(b.itemId, (m.get(b.itemId) ?? 0) + b.count);
        }
        this.opts.onError?.(e);
      }
    });
    return this.flushing;
  }

  /** Stops the timers and writes what is left (server shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.midnight) clearTimeout(this.midnight);
    this.timer = this.midnight = null;
    await this.flush();
  }
}
