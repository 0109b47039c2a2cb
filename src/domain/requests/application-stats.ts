/**
 * The dashboard of a unit's applications for a year: received by channel and applicant type, open and overdue,
 * on-time rate, and average working days to reply excluding correction and consultation time (Art. 30, 33).
 */
import { beijingDate, type CivilDate } from '../calendar/civil-date.js';
import { notFound } from '../errors.js';
import { can, unitsWhere } from '../policy/policy.js';
import type { Actor, Deps } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { APPLICANT_TYPES } from './applicant.js';
import { clockInputFor } from './application-clock.js';
import { CHANNELS } from './deadline.js';
import { isOpen } from './status.js';
import { calendarForUnit } from './unit-calendar.js';
import { closedOnFrom, openAtYearEnd } from './year-end.js';

export async function applicationStats(deps: Deps, actor: Actor, opts: { unitId?: string | undefined; year: number }) {
  return deps.store.read(async (r) => {
    const { tree, units } = await loadTree(r);
    let unitIds = unitsWhere(actor, 'request.read', tree, units.map((u) => u.id));
    if (opts.unitId) {
      if (!can(actor, 'request.read', opts.unitId, tree)) throw notFound('单位');
      unitIds = [opts.unitId];
    }
    const today = beijingDate(Date.parse(deps.clock.now()));
    const byChannel = Object.fromEntries(Object.keys(CHANNELS).map((k) => [k, 0])) as Record<string, number>;
    const byApplicantType = Object.fromEntries(Object.keys(APPLICANT_TYPES).map((k) => [k, 0])) as Record<string, number>;
    let received = 0, open = 0, overdue = 0, replied = 0, onTime = 0, workingDaysSum = 0, carriedOver = 0, carriedForward = 0;
    const overdueList: { id: string; receiptNo: string; replyDue: CivilDate }[] = [];
    for (const unitId of unitIds) {
      const cal = await calendarForUnit(deps, r, unitId);
      let after: { replyDue: string | null; id: string } | undefined;
      for (;;) {
        const page = await r.applications.queue({ unitIds: [unitId], after, limit: 1000 });
        for (const a of page) {
          // Table 三 rows 二/四: open at the end of the previous year / of this year.
          const closedOn = isOpen(a.status) ? null : closedOnFrom(await r.applications.events(a.id));
          if (openAtYearEnd(a, opts.year - 1, closedOn)) carriedOver++;
          if (openAtYearEnd(a, opts.year, closedOn)) carriedForward++;
          if (a.receivedOn?.startsWith(`${opts.year}-`)) {
            received++;
            byChannel[a.channel] = (byChannel[a.channel] ?? 0) + 1;
            byApplicantType[a.applicantType] = (byApplicantType[a.applicantType] ?? 0) + 1;
          }
          if (isOpen(a.status)) {
            open++;
            if (a.replyDue && a.replyDue < today) {
              overdue++;
              overdueList.push({ id: a.id, receiptNo: a.receiptNo, replyDue: a.replyDue });
            }
          } else if (a.repliedOn?.startsWith(`${opts.year}-`) && a.receivedOn) {
            replied++;
            const events = await r.applications.events(a.id);
            const input = clockInputFor(a, events);
            const start = input?.correctionReceivedOn ?? a.receivedOn;
            // Working days the office actually used: from the (corrected) application to the reply, minus pauses.
            let days = cal.workingDaysBetween(start, a.repliedOn);
            for (const p of input?.pauses ?? []) if (p.to) days -= cal.workingDaysBetween(p.from, p.to) + (cal.isWorkingDay(p.from) ? 1 : 0);
            workingDaysSum += Math.max(0, days);
            // reply_due is frozen at the reply (closed applications are not recomputed): the date then in force.
            if (!a.replyDue || a.repliedOn <= a.replyDue) onTime++;
          }
        }
        if (page.length < 1000) break;
        const last = page[page.length - 1];
        after = last ? { replyDue: last.replyDue, id: last.id } : undefined;
      }
    }
    return {
      year: opts.year, received, carriedOver, carriedForward, byChannel, byApplicantType, open, overdue, replied,
      onTimeRate: replied ? onTime / replied : null,
      averageWorkingDaysToReply: replied ? Math.round((workingDaysSum / replied) * 10) / 10 : null,
      overdueList: overdueList.sort((a, b) => a.replyDue.localeCompare(b.replyDue)).slice(0, 50),
    };
  });
}
