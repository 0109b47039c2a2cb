/** From an application's events to the clock's input, and the derived due date stored for the work queue. */
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Application, ApplicationEvent } from './application.js';
import { computeDeadlines, type ClockInput, type ClockResult, type DeadlineRules, type PauseKind } from './deadline.js';

export function clockInputFor(app: Application, events: ApplicationEvent[]): ClockInput | null {
  if (!app.receivedOn) return null; // not yet received (Art. 31: awaiting confirmation): no clock
  const pauses: NonNullable<ClockInput['pauses']> = [];
  const open = new Map<string, { kind: PauseKind; from: string }>();
  let extension: ClockInput['extension'];
  for (const e of events) {
    const on = e.effectiveOn ?? e.at.slice(0, 10);
    const d = e.data ?? {};
    switch (e.action) {
      case 'startConsultation':
        open.set(String(d.consultationId), { kind: d.kind === 'coAgency' ? 'coAgency' : 'thirdParty', from: on });
        break;
      case 'receiveConsultationAnswer': {
        const p = open.get(String(d.consultationId));
        if (p) {
          pauses.push({ ...p, to: on });
          open.delete(String(d.consultationId));
        }
        break;
      }
      case 'issueFeeNotice':
        open.set('fee', { kind: 'fee', from: on });
        break;
      case 'recordPayment':
      case 'waiveFee': {
        const p = open.get('fee');
        if (p) {
          pauses.push({ ...p, to: on });
          open.delete('fee');
        }
        break;
      }
      case 'approveExtension':
        extension = { approvedOn: on, days: Number(d.days) };
        break;
    }
  }
  for (const p of open.values()) pauses.push(p);
  return {
    receivedOn: app.receivedOn,
    channel: app.channel,
    correctionRequestedOn: app.correctionRequestedOn ?? undefined,
    correctionReceivedOn: app.correctionReceivedOn ?? undefined,
    pauses,
    extension,
  };
}

export function clockFor(app: Application, events: ApplicationEvent[], cal: WorkingCalendar, rules: DeadlineRules): ClockResult | null {
  const input = clockInputFor(app, events);
  return input ? computeDeadlines(rules, cal, input) : null;
}
