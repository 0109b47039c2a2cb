import { describe, expect, it } from 'vitest';
import { ACTIONS, nextStatus, STATUSES, TRANSITIONS, type Action, type Status } from './status.js';

describe('application transition table', () => {
  const statuses = Object.keys(STATUSES) as Status[];
  const actions = Object.keys(ACTIONS) as Action[];

  it('every legal transition goes to a known status, every other one is refused in Chinese', () => {
    for (const s of statuses) {
      for (const a of actions) {
        const to = TRANSITIONS[s][a];
        if (to) expect(nextStatus(s, a)).toBe(to);
        else expect(() => nextStatus(s, a)).toThrow(/不能“/);
      }
    }
  });

  it('the happy path of the statute runs from registration to archive', () => {
    let s: Status = 'registered';
    for (const a of ['confirmReceipt', 'requestCorrection', 'receiveCorrection', 'startConsultation', 'receiveConsultationAnswer', 'requestExtension', 'approveExtension', 'issueFeeNotice', 'recordPayment', 'reply', 'serve', 'archive'] as Action[]) {
      s = nextStatus(s, a);
    }
    expect(s).toBe('archived');
  });

  it('a second correction request is impossible (Art. 30: once)', () => {
    expect(() => nextStatus('correctionRequested', 'requestCorrection')).toThrow('待补正');
    expect(() => nextStatus('inProgress', 'requestCorrection')).toThrow();
  });

  it('closed applications cannot be reopened', () => {
    expect(() => nextStatus('archived', 'reply')).toThrow('已办结');
    expect(() => nextStatus('replied', 'reply')).toThrow();
  });
});
