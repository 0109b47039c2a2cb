/**
 * Carry-over at year end (annual-report table 三 rows 二 and 四): an application received on or before
 * 31 December and not replied to by then is carried forward, and counts as carried over in the next year.
 * Computed from dates, not from the current status, so it is right whenever it is asked.
 */
import type { Application } from './application.js';

/** Open at the end of `year`: received by 31 December and not closed (replied/withdrawn/transferred) by then. */
export function openAtYearEnd(a: Application, year: number, closedOn: string | null): boolean {
  const end = `${year}-12-31`;
  const received = a.receivedOn ?? a.createdAt.slice(0, 10);
  if (received > end) return false;
  return closedOn === null || closedOn > end;
}

/** The day an application left the open statuses (reply, withdrawal or transfer), from its events. */
export function closedOnFrom(events: { action: string; effectiveOn: string | null; at: string }[]): string | null {
  const e = events.find((x) => x.action === 'reply' || x.action === 'withdraw' || x.action === 'transfer');
  return e ? (e.effectiveOn ?? e.at.slice(0, 10)) : null;
}
