/**
 * The statutory clock of an application (依申请公开), as a pure function of the rules, the calendar and the
 * application's dated events. It returns every due date and the steps that produced them, so staff and the
 * applicant can see why a date is what it is.
 *
 *   Art. 31  the receipt date depends on the channel
 *   Art. 30  correction notice within 7 working days; the reply period restarts from the corrected application
 *   Art. 33  reply within 20 working days; at most 20 more with approval; consultation time is not counted
 *   Art. 32/34  third parties and other agencies answer within 15 working days
 *   国办函〔2020〕109号  fee paid within 20 working days; the reply clock is suspended meanwhile (configurable)
 *   Day 1 is the first working day after the starting day (rules.md §3.1 default convention, FIRST_DAY_RULE).
 */
import { DomainError } from '../errors.js';
import { dayNumber, isCivilDate, WEEKDAY_ZH, weekday, type CivilDate } from '../calendar/civil-date.js';
import type { Crossing, WorkingCalendar } from '../calendar/working-calendar.js';

export const CHANNELS = {
  inPerson: { label: '当面提交', rule: '当面提交的，以提交之日为收到申请之日（《条例》第三十一条第（一）项）' },
  registeredPost: { label: '邮政挂号/特快专递', rule: '以邮寄方式提交的，以行政机关签收之日为收到申请之日（《条例》第三十一条第（二）项）' },
  ordinaryLetter: { label: '平常信函', rule: '以平常信函提交的，以政府信息公开工作机构于收到当日与申请人确认之日为收到申请之日（《条例》第三十一条第（二）项）' },
  online: { label: '互联网在线申请', rule: '通过互联网渠道提交的，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）' },
  fax: { label: '传真', rule: '通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）' },
  email: { label: '电子邮件', rule: '通过公布的电子邮箱提交的，以电子邮件系统收到之日为收到申请之日（国办公开办函〔2015〕207号）' },
} as const;
export type Channel = keyof typeof CHANNELS;

export const FIRST_DAY_RULE = '期限自收到申请之日的次日起算，即收到申请后的第一个工作日为第1个工作日（本平台默认计算规则）';

export interface DeadlineRules {
  correctionNoticeDays: number;
  replyDays: number;
  maxExtensionDays: number;
  consultationAnswerDays: number;
  feePaymentDays: number;
  /** Default true: the reply clock stops while a fee notice is outstanding (a configurable default, not law). */
  suspendDuringFeeNotice: boolean;
}

export const DEFAULT_RULES: DeadlineRules = {
  correctionNoticeDays: 7,
  replyDays: 20,
  maxExtensionDays: 20,
  consultationAnswerDays: 15,
  feePaymentDays: 20,
  suspendDuringFeeNotice: true,
};

export type PauseKind = 'thirdParty' | 'coAgency' | 'consultation' | 'fee';
const PAUSE_LABEL: Record<PauseKind, string> = {
  thirdParty: '征求第三方意见',
  coAgency: '征求其他机关意见',
  consultation: '征求意见',
  fee: '收费通知待缴费',
};
const PAUSE_ARTICLE: Record<Exclude<PauseKind, 'fee'>, string> = { thirdParty: '第三十二条', coAgency: '第三十四条', consultation: '第三十二条、第三十四条' };

export interface ClockInput {
  receivedOn: CivilDate;
  channel?: Channel | undefined;
  correctionRequestedOn?: CivilDate | undefined;
  correctionReceivedOn?: CivilDate | undefined;
  /** Periods not counted: from the day the letter/notice goes out to the day the answer/payment arrives. */
  pauses?: { kind: PauseKind; from: CivilDate; to?: CivilDate | undefined }[] | undefined;
  extension?: { approvedOn?: CivilDate | undefined; days: number } | undefined;
  /** Override of the reply period length (the CLI's --days), e.g. to count any period from a date. */
  replyDays?: number | undefined;
}

/**
 * One step of the explanation. The Chinese text is rendered when first read (and by JSON.stringify), so the
 * work queue can compute thousands of due dates without formatting sentences nobody looks at.
 */
export class ClockStep {
  private rendered: string | undefined;
  constructor(readonly code: string, readonly date: CivilDate | undefined, private readonly render: () => string) {}
  get text(): string {
    return (this.rendered ??= this.render());
  }
  toJSON() {
    return { code: this.code, ...(this.date ? { date: this.date } : {}), text: this.text };
  }
}
const step = (code: string, date: CivilDate | undefined, render: () => string) => new ClockStep(code, date, render);

export interface ClockResult {
  receivedOn: CivilDate;
  /** The day the reply period runs from: receipt, or receipt of the corrected application (Art. 30). */
  periodStart: CivilDate;
  correctionNoticeDue: CivilDate;
  /** Null while a pause is still open: the clock is stopped. */
  replyDue: CivilDate | null;
  replyDueBeforeExtension: CivilDate | null;
  consultationDue: { kind: PauseKind; from: CivilDate; due: CivilDate }[];
  feePaymentDue: CivilDate | null;
  suspended: { kind: PauseKind; since: CivilDate } | null;
  provisional: boolean;
  provisionalYears: number[];
  calendarVersion: string;
  steps: ClockStep[];
}

function invalid(message: string, path: string): DomainError {
  return new DomainError('VALIDATION', message, { fields: [{ path, message }] });
}

function checkDate(d: CivilDate | undefined, path: string): void {
  if (d !== undefined && !isCivilDate(d)) throw invalid(`${d} 不是有效日期，格式应为 YYYY-MM-DD`, path);
}

const fmt = (d: CivilDate) => `${d}（${WEEKDAY_ZH[weekday(dayNumber(d))]}）`;

function describeCrossings(crossings: Crossing[]): ClockStep[] {
  if (crossings.length === 0) return [];
  const steps: ClockStep[] = [];
  let i = 0;
  while (i < crossings.length) {
    const c = crossings[i] as Crossing;
    let j = i;
    while (j + 1 < crossings.length && (crossings[j + 1] as Crossing).kind === c.kind && (crossings[j + 1] as Crossing).name === c.name) j++;
    const last = crossings[j] as Crossing;
    if (c.kind === 'holiday') {
      const n = j - i + 1;
      steps.push(step('holiday', c.date, () => `跳过${c.name.replace(/调休上班$/, '')}假期中的 ${n} 个工作日（${c.date === last.date ? c.date : `${c.date} 至 ${last.date}`}）`));
    } else {
      for (let k = i; k <= j; k++) {
        const m = crossings[k] as Crossing;
        steps.push(step('makeUpWorkday', m.date, () => `${fmt(m.date)}为${m.name}，计为工作日`));
      }
    }
    i = j + 1;
  }
  return steps;
}

export function computeDeadlines(rules: DeadlineRules, cal: WorkingCalendar, input: ClockInput): ClockResult {
  checkDate(input.receivedOn, 'receivedOn');
  if (input.receivedOn === undefined || !isCivilDate(input.receivedOn)) throw invalid('请填写收到申请的日期', 'receivedOn');
  checkDate(input.correctionRequestedOn, 'correctionRequestedOn');
  checkDate(input.correctionReceivedOn, 'correctionReceivedOn');
  const received = input.receivedOn;
  if (input.correctionReceivedOn && input.correctionReceivedOn < received) throw invalid('收到补正的日期不能早于收到申请的日期', 'correctionReceivedOn');
  const extDays = input.extension?.days ?? 0;
  if (!Number.isInteger(extDays) || extDays < 0) throw invalid('延长期限应为非负整数个工作日', 'extension.days');
  if (extDays > rules.maxExtensionDays) throw invalid(`延长答复期限最长不得超过${rules.maxExtensionDays}个工作日（《条例》第三十三条第二款）`, 'extension.days');
  const replyDays = input.replyDays ?? rules.replyDays;
  if (!Number.isInteger(replyDays) || replyDays < 0 || replyDays > 400) throw invalid('期限天数应为 0–400 之间的整数', 'replyDays');

  const steps: ClockStep[] = [];
  const provisional = new Set<number>();
  const note = (years: number[]) => years.forEach((y) => provisional.add(y));

  steps.push(step('received', received, () => `收到申请：${fmt(received)}${input.channel ? `，${CHANNELS[input.channel].label}。${CHANNELS[input.channel].rule}` : ''}`));
  steps.push(step('firstDayRule', undefined, () => FIRST_DAY_RULE));

  const correction = cal.addWorkingDays(received, rules.correctionNoticeDays);
  note(correction.provisionalYears);
  steps.push(step('correctionNoticeDue', correction.due, () => `补正告知期限：收到申请后${rules.correctionNoticeDays}个工作日内，即 ${fmt(correction.due)} 前一次性告知（《条例》第三十条）`));
  const requestedOn = input.correctionRequestedOn;
  if (requestedOn && requestedOn > correction.due) {
    steps.push(step('lateCorrectionNotice', requestedOn, () => `补正告知于 ${fmt(requestedOn)} 发出，晚于法定的${rules.correctionNoticeDays}个工作日`));
  }

  let start = received;
  if (input.correctionReceivedOn) {
    start = input.correctionReceivedOn;
    const restart = start;
    steps.push(step('correctionRestart', restart, () => `${requestedOn ? `${fmt(requestedOn)}告知补正，` : ''}${fmt(restart)}收到补正后的申请，答复期限自该日重新起算（《条例》第三十条）`));
  } else if (requestedOn) {
    steps.push(step('awaitingCorrection', requestedOn, () => `${fmt(requestedOn)}已告知补正，答复期限待收到补正申请后起算（《条例》第三十条）`));
  }

  // Pauses: consultation letters (Art. 32–34) and, by default, fee notices stop the reply clock.
  const skip: [number, number][] = [];
  let suspended: ClockResult['suspended'] = null;
  const consultationDue: ClockResult['consultationDue'] = [];
  let feePaymentDue: CivilDate | null = null;
  for (const [i, p] of (input.pauses ?? []).entries()) {
    checkDate(p.from, `pauses.${i}.from`);
    checkDate(p.to, `pauses.${i}.to`);
    if (p.to && p.to < p.from) throw invalid('暂停计时的结束日期不能早于开始日期', `pauses.${i}.to`);
    if (p.kind === 'fee') {
      const r = cal.addWorkingDays(p.from, rules.feePaymentDays);
      note(r.provisionalYears);
      feePaymentDue = r.due;
      steps.push(step('feeNotice', p.from, () => `${fmt(p.from)}送达收费通知，申请人应于 ${fmt(r.due)} 前缴费，逾期视为放弃申请（国办函〔2020〕109号）`));
      if (!rules.suspendDuringFeeNotice) continue;
    } else {
      const r = cal.addWorkingDays(p.from, rules.consultationAnswerDays);
      note(r.provisionalYears);
      const kind = p.kind;
      consultationDue.push({ kind, from: p.from, due: r.due });
      steps.push(step(kind, p.from, () => `${fmt(p.from)}${PAUSE_LABEL[kind]}，对方应于 ${fmt(r.due)} 前答复（《条例》${PAUSE_ARTICLE[kind]}）`));
    }
    if (!p.to) {
      suspended = { kind: p.kind, since: p.from };
      steps.push(step('suspended', p.from, () => `${PAUSE_LABEL[p.kind]}期间暂停计算答复期限，恢复计时后重新计算（《条例》第三十三条第三款）`));
      continue;
    }
    skip.push([dayNumber(p.from), dayNumber(p.to)]);
    const n = cal.workingDaysBetween(p.from, p.to) + (cal.isWorkingDay(p.from) ? 1 : 0);
    steps.push(step('pause', p.to, () => `${p.from} 至 ${p.to} ${PAUSE_LABEL[p.kind]}，其间 ${n} 个工作日不计入答复期限（《条例》第三十三条第三款）`));
  }

  let replyDue: CivilDate | null = null;
  let replyDueBeforeExtension: CivilDate | null = null;
  const awaitingCorrection = !!input.correctionRequestedOn && !input.correctionReceivedOn;
  if (!suspended && !awaitingCorrection) {
    const base = cal.addWorkingDays(start, replyDays, skip);
    note(base.provisionalYears);
    replyDueBeforeExtension = base.due;
    steps.push(...describeCrossings(base.crossings));
    steps.push(step('replyDue', base.due, () => `答复期限：自 ${start} 起第 ${replyDays} 个工作日，即 ${fmt(base.due)}（《条例》第三十三条第二款）`));
    replyDue = base.due;
    if (extDays > 0) {
      const ext = cal.addWorkingDays(base.due, extDays, skip);
      note(ext.provisionalYears);
      steps.push(...describeCrossings(ext.crossings));
      steps.push(step('extension', ext.due, () => `${input.extension?.approvedOn ? `${fmt(input.extension.approvedOn)}经政府信息公开工作机构负责人同意，` : ''}延长 ${extDays} 个工作日，答复期限为 ${fmt(ext.due)}（《条例》第三十三条第二款）`));
      replyDue = ext.due;
    }
  }

  const provisionalYears = [...provisional].sort();
  if (provisionalYears.length) {
    steps.push(step('provisional', undefined, () => `${provisionalYears.join('、')}年的节假日安排尚未载入，相关日期暂按周一至周五推算，为临时结果；载入后将自动重新计算`));
  }
  return {
    receivedOn: received, periodStart: start, correctionNoticeDue: correction.due, replyDue, replyDueBeforeExtension,
    consultationDue, feePaymentDue, suspended, provisional: provisionalYears.length > 0, provisionalYears,
    calendarVersion: cal.version, steps,
  };
}
