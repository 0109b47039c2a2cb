/** Reading applications: the masked work queue, the detail with its clock explanation, the audited full view. */
import { beijingDate } from '../calendar/civil-date.js';
import { DomainError, notFound } from '../errors.js';
import { assertCan, can, unitsWhere } from '../policy/policy.js';
import type { Actor, Deps } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { UnitTree } from '../units/tree.js';
import { APPLICANT_TYPES } from './applicant.js';
import type { Application, ApplicantPersonalData } from './application.js';
import { clockFor } from './application-clock.js';
import { CHANNELS } from './deadline.js';
import { OUTCOMES } from './outcome.js';
import { queryCodeHash } from './register-application.js';
import { ACTIONS, isOpen, STATUSES, type Action } from './status.js';

const EXTRA_LABELS: Record<string, string> = { register: '登记申请', recomputeDeadline: '节假日安排调整，期限重新计算', note: '内部备注', assign: '指定经办人' };
export const actionLabel = (a: string) => EXTRA_LABELS[a] ?? ACTIONS[a as Action] ?? a;
import { calendarForUnit } from './unit-calendar.js';

export type Urgency = 'overdue' | 'dueSoon' | 'normal' | 'stopped' | 'closed';

/** What a list shows: nothing that identifies the applicant beyond a masked name. */
export function presentListItem(a: Application, urgency: Urgency) {
  return {
    id: a.id, unitId: a.unitId, receiptNo: a.receiptNo, status: a.status, statusLabel: STATUSES[a.status],
    outcome: a.outcome, outcomeLabel: a.outcome ? OUTCOMES[a.outcome].label : null, applicantType: a.applicantType,
    applicantTypeLabel: APPLICANT_TYPES[a.applicantType], applicant: a.applicantMasked, description: a.description.slice(0, 120),
    channel: a.channel, channelLabel: CHANNELS[a.channel].label, receivedOn: a.receivedOn, replyDue: a.replyDue,
    replyDueProvisional: a.replyDueProvisional, urgency, handlerId: a.handlerId, duplicateOf: a.duplicateOf,
  };
}

export async function listQueue(deps: Deps, actor: Actor, f: { unitId?: string | undefined; status?: string[] | undefined; mine?: boolean | undefined; after?: { replyDue: string | null; id: string } | undefined; limit: number; openOnly?: boolean | undefined }) {
  return deps.store.read(async (r) => {
    // The hot path of the work queue: the tree's shape only, and one calendar build per unit on the page.
    const shape = await r.units.listTree();
    const tree = new UnitTree(shape);
    const allIds = shape.map((u) => u.id);
    let unitIds = f.unitId ? (can(actor, 'request.read', f.unitId, tree) ? [f.unitId] : []) : unitsWhere(actor, 'request.read', tree, allIds);
    if (f.unitId && unitIds.length === 0) throw notFound('单位');
    const statuses = f.status?.length ? f.status : f.openOnly !== false ? ['registered', 'received', 'correctionRequested', 'inProgress', 'consulting', 'extensionRequested', 'feeNoticeIssued'] : undefined;
    const rows = await r.applications.queue({ unitIds, statuses, handlerId: f.mine ? (actor.accountId ?? undefined) : undefined, after: f.after, limit: f.limit });
    const today = beijingDate(Date.parse(deps.clock.now()));
    const cals = new Map<string, Awaited<ReturnType<typeof calendarForUnit>>>();
    const items = [];
    for (const a of rows) {
      let urgency: Urgency = 'closed';
      if (isOpen(a.status)) {
        if (!a.replyDue) urgency = 'stopped';
        else if (a.replyDue < today) urgency = 'overdue';
        else {
          let cal = cals.get(a.unitId);
          if (!cal) cals.set(a.unitId, (cal = await calendarForUnit(deps, r, a.unitId, tree)));
          urgency = cal.workingDaysBetween(today, a.replyDue) <= 3 ? 'dueSoon' : 'normal';
        }
      }
      items.push(presentListItem(a, urgency));
    }
    const last = rows.at(-1);
    return { items, next: rows.length === f.limit && last ? { replyDue: last.replyDue, id: last.id } : null };
  });
}

export async function getApplicationDetail(deps: Deps, actor: Actor, id: string) {
  return deps.store.read(async (r) => {
    const a = await r.applications.get(id);
    const { tree } = await loadTree(r);
    if (!a || !can(actor, 'request.read', a.unitId, tree)) throw notFound('申请');
    const events = await r.applications.events(id);
    const cal = await calendarForUnit(deps, r, a.unitId);
    const clock = clockFor(a, events, cal, deps.deadlineRules);
    return {
      ...presentListItem(a, 'normal'),
      description: a.description, documentNo: a.documentNo, provisionForm: a.provisionForm, deliveryMethod: a.deliveryMethod,
      receiptEvidence: a.receiptEvidence, correctionRequestedOn: a.correctionRequestedOn, correctionReceivedOn: a.correctionReceivedOn,
      repliedOn: a.repliedOn, servedOn: a.servedOn, serviceMethod: a.serviceMethod, reply: a.reply, transferredTo: a.transferredTo,
      transferredFrom: a.transferredFrom,
      clock: clock && { ...clock, steps: clock.steps.map((s) => s.toJSON()) },
      events: events.map((e) => ({ ...e, actionLabel: actionLabel(e.action), toStatusLabel: STATUSES[e.toStatus] })),
      canHandle: can(actor, 'request.handle', a.unitId, tree),
      canApproveExtension: can(actor, 'request.approveExtension', a.unitId, tree),
    };
  });
}

/** The applicant's personal data in full: only for those who handle the unit's applications, and audited. */
export async function viewPersonalData(deps: Deps, actor: Actor, id: string): Promise<ApplicantPersonalData> {
  return deps.store.write(async (r) => {
    const a = await r.applications.get(id);
    const { tree } = await loadTree(r);
    if (!a || !can(actor, 'request.read', a.unitId, tree)) throw notFound('申请');
    assertCan(actor, 'request.handle', a.unitId, tree);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: a.unitId, action: 'application.viewPersonalData', entityType: 'application', entityId: id, ip: actor.ip ?? null }, deps.clock.now());
    return JSON.parse(deps.secrets.open(a.applicantSealed)) as ApplicantPersonalData;
  });
}

/** The applicant's own view, by receipt number and query code: status, due date and why. */
export async function publicProgress(deps: Deps, receiptNo: string, code: string) {
  return deps.store.read(async (r) => {
    const a = await r.applications.getByReceiptNo(receiptNo.trim().toUpperCase());
    if (!a || a.queryCodeHash !== queryCodeHash(deps, a.receiptNo, code.trim())) {
      throw new DomainError('NOT_FOUND', '受理编号或查询码不正确，请核对回执后重新输入');
    }
    const view = async (x: Application) => {
      const [unit, events] = await Promise.all([r.units.get(x.unitId), r.applications.events(x.id)]);
      const cal = await calendarForUnit(deps, r, x.unitId);
      const clock = clockFor(x, events, cal, deps.deadlineRules);
      return {
        receiptNo: x.receiptNo, unitName: unit?.name ?? '', status: x.status, statusLabel: STATUSES[x.status], receivedOn: x.receivedOn,
        replyDue: x.replyDue, provisional: clock?.provisional ?? false, steps: clock ? clock.steps.map((s) => s.toJSON()) : [],
        outcomeLabel: x.outcome ? OUTCOMES[x.outcome].label : null, repliedOn: x.repliedOn,
        history: events.filter((e) => e.action !== 'note' && e.action !== 'assign').map((e) => ({ action: actionLabel(e.action), on: e.effectiveOn, status: STATUSES[e.toStatus] })),
      };
    };
    // A transferred application is followed to the unit now handling it: the applicant's receipt and code
    // keep working (the code was issued for the original number only).
    const transferredTo = a.transferredTo ? await r.applications.get(a.transferredTo) : undefined;
    const notices = (await Promise.all([a.id, ...(a.transferredTo ? [a.transferredTo] : [])].map((id) => r.attachments.listForOwner('application', id))))
      .flat()
      .filter((x) => x.filename.endsWith('.pdf'))
      .map((x) => ({ id: x.id, filename: x.filename, createdAt: x.createdAt }));
    return { ...(await view(a)), transferredTo: transferredTo ? await view(transferredTo) : null, notices };
  });
}
