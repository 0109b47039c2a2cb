/**
 * Delivers the mail outbox (table mail_outbox, filled by src/domain/requests/notifications.ts inside each
 * application transaction). Polls every 2 s, and at once after a committed write. Delivery is at least once:
 *
 *   claim    one conditional UPDATE counts the attempt and leases the row for 10 minutes, so two senders (two
 *            server processes on one PostgreSQL) never both take it, and a sender that dies mid-send leaves the
 *            row queued: it is due again when the lease runs out (the applicant may then get it twice, never zero times);
 *   send     over SMTP (src/infra/mailer.ts);
 *   record   sent; or queued again after 1 min, 5 min, 30 min; failed after the fourth attempt, or at once when
 *            the server rejects the recipient itself (5xx to RCPT TO: retrying cannot help).
 *
 * Without SMTP_URL nothing is sent and rows stay queued; the log says so once.
 */
import type { Clock, OutboxMessage, SecretBox, Store } from '../domain/ports.js';
import type { Runtime } from '../main.js';
import { describeSendError, smtpMailer, type Mailer } from './mailer.js';

/** Wait before attempt 2, 3 and 4; a failure of attempt 4 is final. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000] as const;
export const LEASE_MS = 10 * 60_000;
const POLL_MS = 2_000;
const BATCH = 20;
/** How long stop() waits for a message being sent before giving up on it (its lease brings it back later). */
const STOP_GRACE_MS = 5_000;

export interface SenderLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface OutboxSenderOptions {
  store: Store;
  secrets: SecretBox;
  /** Null when mail is not configured. */
  mailer: Mailer | null;
  clock: Clock;
  log: SenderLog;
  pollMs?: number;
}

export interface RunResult {
  sent: number;
  retrying: number;
  failed: number;
}

export interface OutboxSender {
  /** Looks at the outbox now (or right after the pass in progress). */
  notify(): void;
  /** One pass over every due row; resolves when it is done. */
  runOnce(): Promise<RunResult>;
  /** Starts polling. */
  start(): void;
  stop(): Promise<void>;
}

const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const quiet = { publicContent: false } as const; // outbox bookkeeping never changes a portal page

export function createOutboxSender(o: OutboxSenderOptions): OutboxSender {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RunResult> | null = null;
  let again = false;
  let stopped = false;
  let toldDisabled = false;

  async function deliver(m: OutboxMessage, result: RunResult, mailer: Mailer): Promise<void> {
    const claimedAt = o.clock.now();
    const claimed = await o.store.write((r) => r.outbox.claim(m.id, m.nextAttemptAt, m.attempts, later(claimedAt, LEASE_MS)), quiet);
    if (!claimed) return; // another sender took it
    const attempt = m.attempts + 1;
    let to: string;
    try {
      to = o.secrets.open(m.toSealed);
    } catch {
      // Only a changed encryption key does this; no retry can read the address.
      await o.store.write((r) => r.outbox.markFailedAttempt(m.id, '收件人地址无法解密（加密密钥是否已更换？）', null), quiet);
      o.log.error({ outboxId: m.id }, 'mail outbox: recipient cannot be decrypted; message marked failed');
      result.failed++;
      return;
    }
    try {
      await mailer.send({ to, subject: m.subject, text: m.bodyText });
    } catch (err) {
      const failure = describeSendError(err);
      const delay = failure.permanent ? undefined : RETRY_DELAYS_MS[attempt - 1];
      const next = delay === undefined ? null : later(o.clock.now(), delay);
      await o.store.write((r) => r.outbox.markFailedAttempt(m.id, failure.summary, next), quiet);
      if (next) result.retrying++;
      else result.failed++;
      o.log.warn({ outboxId: m.id, applicationId: m.applicationId, attempt, error: failure.summary, retryAt: next }, next ? 'mail outbox: send failed, will retry' : 'mail outbox: send failed for good');
      return;
    }
    await o.store.write((r) => r.outbox.markSent(m.id, o.clock.now()), quiet);
    result.sent++;
  }

  async function pass(): Promise<RunResult> {
    const result: RunResult = { sent: 0, retrying: 0, failed: 0 };
    const mailer = o.mailer;
    if (!mailer) {
      if (!toldDisabled) o.log.info({}, 'mail disabled: SMTP_URL is not set; notifications to applicants stay queued in mail_outbox');
      toldDisabled = true;
      return result;
    }
    const seen = new Set<string>();
    for (;;) {
      const due = (await o.store.read((r) => r.outbox.due(o.clock.now(), BATCH))).filter((m) => !seen.has(m.id));
      if (!due.length || stopped) return result;
      for (const m of due) {
        if (stopped) return result;
        seen.add(m.id);
        await deliver(m, result, mailer);
      }
    }
  }

  const runOnce = (): Promise<RunResult> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let total: RunResult = { sent: 0, retrying: 0, failed: 0 };
        do {
          again = false;
          const r = await pass();
          total = { sent: total.sent + r.sent, retrying: total.retrying + r.retrying, failed: total.failed + r.failed };
        } while (again && !stopped);
        return total;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const notify = () => {
    if (stopped) return;
    runOnce().catch((err: unknown) => o.log.error({ err }, 'mail outbox: pass failed; will try again at the next poll'));
  };

  return {
    notify,
    runOnce,
    start() {
      if (timer || stopped) return;
      notify();
      if (!o.mailer) return; // nothing will ever be sent: no need to poll
      timer = setInterval(notify, o.pollMs ?? POLL_MS);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      if (running) await Promise.race([running.catch(() => undefined), new Promise((r) => setTimeout(r, STOP_GRACE_MS).unref())]);
      o.mailer?.close();
    },
  };
}

/** The server's sender: configured from SMTP_URL / GONGKAI_MAIL_FROM, woken by every committed write. */
export function startOutboxSender(rt: Runtime, log: SenderLog): OutboxSender {
  const { smtpUrl, from } = rt.config.mail;
  const mailer = smtpUrl && from ? smtpMailer(smtpUrl, from) : null;
  const sender = createOutboxSender({ store: rt.deps.store, secrets: rt.deps.secrets, mailer, clock: rt.deps.clock, log });
  rt.onWrite(() => sender.notify());
  sender.start();
  return sender;
}
