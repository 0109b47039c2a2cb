/**
 * Every change of an application's status goes through `transitionApplication`: one transaction that checks the
 * transition table, applies the action's effect, writes the application conditionally on the status it read
 * (a concurrent change makes this one fail with a clear message), appends the event row and the audit row, and
 * recomputes the derived due date. Side effects such as mail happen after commit, by the caller.
 */
import { z } from 'zod';
import { beijingDate, type CivilDate } from '../calendar/civil-date.js';
import { DomainError, notFound } from '../errors.js';
import { assertCan, can, type Action as PolicyAction } from '../policy/policy.js';
import type { Actor, Deps, Repos } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import { civilDate, type Application, type ApplicationEvent, type ReplyRecord } from './application.js';
import { clockFor } from './application-clock.js';
import { OUTCOMES, type Outcome } from './outcome.js';
import { ACTIONS, nextStatus, type Action } from './status.js';
import { calendarForUnit } from './unit-calendar.js';
import { enqueueApplicantNotification } from './notifications.js';
import { feePerApplication, feePerVolume, type FeeResult } from './fees.js';

const outcomeEnum = z.enum(Object.keys(OUTCOMES) as [Outcome], { error: '请选择答复结果（对应年报表三的处理结果）' });
const on = civilDate('日期').optional();
const text = (label: string, max = 2000) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max);

/** What each action takes. `on` is the day it happened (civil date, Beijing); it defaults to today. */
const PAYLOADS = {
  confirmReceipt: z.object({ on }),
  // Art. 30 asks for "a reasonable period" to correct; 15 working days is the common practice, adjustable per case.
  requestCorrection: z.object({ on, items: text('需要补正的事项'), periodDays: z.number().int().min(1).max(60).default(15) }),
  receiveCorrection: z.object({ on, summary: z.string().max(2000).optional() }),
  accept: z.object({ on, handlerId: z.string().optional() }),
  startConsultation: z.object({ on, kind: z.enum(['thirdParty', 'coAgency'], { error: '请选择征求对象类型' }), party: text('征求意见对象', 200), matter: z.string().max(2000).optional() }),
  receiveConsultationAnswer: z.object({ on, consultationId: z.string().min(1), answer: text('答复意见'), consent: z.enum(['agree', 'disagree', 'noAnswer']).optional() }),
  requestExtension: z.object({ on, days: z.number().int().min(1).max(20, '延长期限最长不超过20个工作日（《条例》第三十三条）'), reason: text('延期理由') }),
  approveExtension: z.object({ on }),
  rejectExtension: z.object({ on, reason: z.string().max(2000).optional() }),
  // 国办函〔2020〕109号: one method per application. The amount is computed here, never typed in.
  issueFeeNotice: z.object({ on, method: z.enum(['perApplication', 'perVolume'], { error: '请选择按件或按量计收' }), pages: z.number().int().min(0).max(1_000_000).optional() }),
  recordPayment: z.object({ on, amountYuan: z.number().int().min(1), receiptNo: z.string().max(100).optional() }),
  waiveFee: z.object({ on, reason: text('减免理由') }),
  reply: z.object({
    on,
    outcome: outcomeEnum,
    withheld: z.array(z.object({ what: text('不予公开的内容', 500), ground: outcomeEnum })).max(50).optional(),
    competentAgency: z.string().max(200).optional(),
    publishedAt: z.string().max(500).optional(),
    remarks: z.string().max(4000).optional(),
  }),
  serve: z.object({ on, method: z.enum(['direct', 'post', 'email', 'fax', 'online'], { error: '请选择送达方式' }), trackingNo: z.string().max(100).optional() }),
  archive: z.object({ on }),
  withdraw: z.object({ on, reason: z.string().max(2000).optional() }),
  transfer: z.object({ on, toUnitId: z.string().min(1, '请选择接收单位'), reason: z.string().max(2000).optional() }),
} satisfies Record<Action, z.ZodType>;

const POLICY: Partial<Record<Action, PolicyAction>> = { approveExtension: 'request.approveExtension', rejectExtension: 'request.approveExtension' };

export interface TransitionResult {
  application: Application;
  event: ApplicationEvent;
  /** For transfer: the new application created at the receiving unit. */
  created?: Application;
}

export async function transitionApplication(deps: Deps, actor: Actor, applicationId: string, action: Action, payload: unknown): Promise<TransitionResult> {
  if (!(action in PAYLOADS)) throw new DomainError('VALIDATION', '未知的办理操作');
  const data = parseInput(PAYLOADS[action], payload ?? {}) as Record<string, unknown> & { on?: CivilDate };
  const today = beijingDate(Date.parse(deps.clock.now()));
  const effectiveOn = data.on ?? today;
  if (effectiveOn > today) throw new DomainError('VALIDATION', '办理日期不能晚于今天', { fields: [{ path: 'on', message: '不能晚于今天' }] });

  return deps.store.write(async (r) => {
    const before = await r.applications.get(applicationId);
    const { tree } = await loadTree(r);
    if (!before || !can(actor, 'request.read', before.unitId, tree)) throw notFound('申请');
    assertCan(actor, POLICY[action] ?? 'request.handle', before.unitId, tree);
    const to = nextStatus(before.status, action);
    if (before.receivedOn && effectiveOn < before.receivedOn && action !== 'confirmReceipt') {
      throw new DomainError('VALIDATION', `办理日期不能早于收到申请的日期 ${before.receivedOn}`, { fields: [{ path: 'on', message: '早于收到申请日期' }] });
    }
    const events = await r.applications.events(applicationId);
    const now = deps.clock.now();
    const app: Application = { ...before, status: to, updatedAt: now };
    const eventData: Record<string, unknown> = { ...data };
    delete eventData.on;
    let created: Application | undefined;

    switch (action) {
      case 'confirmReceipt':
        app.receivedOn = effectiveOn; // Art. 31: the day both sides confirm
        break;
      case 'requestCorrection':
        app.correctionRequestedOn = effectiveOn;
        break;
      case 'receiveCorrection':
        app.correctionReceivedOn = effectiveOn;
        break;
      case 'accept':
        app.handlerId = (data.handlerId as string | undefined) ?? app.handlerId ?? actor.accountId;
        break;
      case 'startConsultation':
        eventData.consultationId = deps.newId();
        break;
      case 'receiveConsultationAnswer': {
        const openIds = openConsultations(events);
        if (!openIds.includes(data.consultationId as string)) throw new DomainError('VALIDATION', '该征求意见不存在或已收到答复');
        // Back to work only when every open consultation has answered.
        if (openIds.length > 1) app.status = 'consulting';
        break;
      }
      case 'requestExtension':
        if (events.some((e) => e.action === 'approveExtension')) throw new DomainError('INVALID_STATE', '答复期限已延长过一次，不能再次延长（《条例》第三十三条）');
        break;
      case 'issueFeeNotice': {
        let fee: FeeResult;
        if (data.method === 'perVolume') {
          if (data.pages === undefined) throw new DomainError('VALIDATION', '按量计收须填写页数', { fields: [{ path: 'pages', message: '请填写页数' }] });
          fee = feePerVolume(data.pages as number);
        } else {
          // The applicant's nth application to this agency in the calendar month of receipt.
          const month = (before.receivedOn ?? effectiveOn).slice(0, 7);
          const same = (await r.applications.findByApplicantKey(before.unitId, before.applicantKey))
            .filter((x) => (x.receivedOn ?? '').startsWith(month))
            .sort((a, b) => (a.receivedOn ?? '').localeCompare(b.receivedOn ?? '') || a.createdAt.localeCompare(b.createdAt));
          fee = feePerApplication(same.findIndex((x) => x.id === before.id) + 1);
        }
        if (fee.amountYuan === 0) throw new DomainError('INVALID_STATE', `按规定本申请不收费：${fee.explanation.join('；')}`);
        eventData.amountYuan = fee.amountYuan;
        eventData.explanation = fee.explanation;
        break;
      }
      case 'approveExtension': {
        const req = [...events].reverse().find((e) => e.action === 'requestExtension');
        eventData.days = req?.data?.days ?? 20;
        break;
      }
      case 'reply': {
        const reply: ReplyRecord = { outcome: data.outcome as Outcome, withheld: data.withheld as ReplyRecord['withheld'], competentAgency: data.competentAgency as string | undefined, publishedAt: data.publishedAt as string | undefined, remarks: data.remarks as string | undefined };
        if (reply.outcome === 'partiallyDisclosed' && !reply.withheld?.length) {
          throw new DomainError('VALIDATION', '部分公开须写明不予公开的内容及理由（《条例》第三十七条）', { fields: [{ path: 'withheld', message: '请填写不予公开的内容及依据' }] });
        }
        if (reply.outcome === 'otherNoCorrection') {
          if (before.status !== 'correctionRequested') throw new DomainError('INVALID_STATE', '只有待补正的申请才能以“逾期不补正”办结');
          const req = [...events].reverse().find((e) => e.action === 'requestCorrection');
          const cal = await calendarForUnit(deps, r, before.unitId);
          const until = cal.addWorkingDays(req?.effectiveOn ?? effectiveOn, Number(req?.data?.periodDays ?? 15)).due;
          if (effectiveOn <= until) throw new DomainError('INVALID_STATE', `补正期限至 ${until} 届满，届满前不能以“逾期不补正”办结（《条例》第三十条）`);
        }
        if (reply.outcome === 'otherFeeUnpaid') {
          if (before.status !== 'feeNoticeIssued') throw new DomainError('INVALID_STATE', '只有待缴费的申请才能以“逾期未缴费”办结');
          const cal = await calendarForUnit(deps, r, before.unitId);
          const clock = clockFor(before, events, cal, deps.deadlineRules);
          if (clock?.feePaymentDue && effectiveOn <= clock.feePaymentDue) throw new DomainError('INVALID_STATE', `缴费期限至 ${clock.feePaymentDue} 届满，届满前不能以“逾期未缴费”办结`);
        }
        app.outcome = reply.outcome;
        app.reply = reply;
        app.repliedOn = effectiveOn;
        break;
      }
      case 'serve':
        // 国办公开办函〔2016〕235号: the date of signature (direct) or of posting (post) is the service date.
        app.servedOn = effectiveOn;
        app.serviceMethod = data.method as string;
        break;
      case 'transfer': {
        const target = await r.units.get(data.toUnitId as string);
        if (!target || target.status !== 'active') throw new DomainError('VALIDATION', '接收单位不存在或已停用', { fields: [{ path: 'toUnitId', message: '接收单位不存在或已停用' }] });
        if (target.id === before.unitId) throw new DomainError('VALIDATION', '不能转给本单位');
        created = { ...before, id: deps.newId(), unitId: target.id, receiptNo: `${before.receiptNo}-Z`, status: 'received', receivedOn: effectiveOn, correctionRequestedOn: null, correctionReceivedOn: null, handlerId: null, outcome: null, reply: null, repliedOn: null, servedOn: null, serviceMethod: null, transferredFrom: before.id, transferredTo: null, duplicateOf: null, createdAt: now, updatedAt: now };
        // The sender answers 本机关不掌握 and names the competent agency (Art. 36(五)).
        app.outcome = 'unavailableNotHeld';
        app.reply = { outcome: 'unavailableNotHeld', competentAgency: target.name, remarks: (data.reason as string | undefined) ?? undefined };
        app.repliedOn = effectiveOn;
        app.transferredTo = created.id;
        eventData.toUnitName = target.name;
        break;
      }
    }

    const event: ApplicationEvent = {
      id: deps.newId(), applicationId, seq: (events.at(-1)?.seq ?? 0) + 1, action, fromStatus: before.status, toStatus: app.status,
      effectiveOn, at: now, actorId: actor.accountId, actorName: actor.name, data: Object.keys(eventData).length ? eventData : null,
    };
    await recomputeDue(deps, r, app, [...events, event]);
    if (!(await r.applications.updateIfStatus(app, before.status))) {
      throw new DomainError('CONFLICT', '该申请刚刚被他人办理，状态已变化，请刷新后重试');
    }
    await r.applications.appendEvent(event);
    await enqueueApplicantNotification(deps, r, app, event);
    if (created) {
      await recomputeDue(deps, r, created, []);
      await r.applications.insert(created);
      await r.applications.appendEvent({ id: deps.newId(), applicationId: created.id, seq: 1, action: 'register', fromStatus: null, toStatus: 'received', effectiveOn, at: now, actorId: actor.accountId, actorName: actor.name, data: { transferredFrom: before.receiptNo } });
    }
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: before.unitId, action: `application.${action}`, entityType: 'application', entityId: applicationId, before: { status: before.status }, after: { status: app.status, effectiveOn, ...(app.outcome !== before.outcome ? { outcome: app.outcome } : {}) }, ip: actor.ip ?? null }, now);
    return { application: app, event, ...(created ? { created } : {}) };
  });
}

function openConsultations(events: ApplicationEvent[]): string[] {
  const open = new Set<string>();
  for (const e of events) {
    if (e.action === 'startConsultation') open.add(String(e.data?.consultationId));
    if (e.action === 'receiveConsultationAnswer') open.delete(String(e.data?.consultationId));
  }
  return [...open];
}

/** Stores the derived reply due date (and whether it is provisional) for ordering the work queue. */
export async function recomputeDue(deps: Deps, r: Repos, app: Application, events: ApplicationEvent[]): Promise<void> {
  if (app.status === 'replied' || app.status === 'served' || app.status === 'archived' || app.status === 'withdrawn' || app.status === 'transferred') {
    return;
  }
  const cal = await calendarForUnit(deps, r, app.unitId);
  const clock = clockFor(app, events, cal, deps.deadlineRules);
  app.replyDue = clock?.replyDue ?? null;
  app.replyDueProvisional = clock?.provisional ?? false;
  app.calendarVersion = cal.version;
}

export { ACTIONS };
