/**
 * Registering an application (登记). The receipt date follows the channel (Art. 31): in person, registered
 * post and published e-mail have it at entry; ordinary letters, the online platform and fax wait for the
 * office to confirm with the applicant (confirmReceipt). Returns the query code once: only its hash is kept.
 */
import { randomInt } from 'node:crypto';
import { beijingDate } from '../calendar/civil-date.js';
import { DomainError } from '../errors.js';
import { assertCan } from '../policy/policy.js';
import type { Actor, Deps, Repos } from '../ports.js';
import { getUnitOrThrow, loadTree } from '../units/unit-context.js';
import { parseInput } from '../validate.js';
import { mask } from './applicant.js';
import { registerInput, type Application, type ApplicantPersonalData, type RegisterInput } from './application.js';
import { recomputeDue } from './transition-application.js';
import { normaliseUnitCode } from '../units/codes.js';
import { enqueueApplicantNotification } from './notifications.js';

/** Channels whose receipt date is known when the application is entered (Art. 31; 207号 for e-mail). */
const RECEIVED_AT_ENTRY = new Set(['inPerson', 'registeredPost', 'email']);

export interface Registered {
  application: Application;
  queryCode: string;
  /** Earlier applications of the same applicant to this unit with the same request: candidates for 重复申请. */
  possibleDuplicates: { id: string; receiptNo: string; status: string }[];
}

export const queryCodeHash = (deps: Deps, receiptNo: string, code: string) => deps.secrets.mac(`query:${receiptNo}:${code}`);

export function applicantKey(deps: Deps, p: ApplicantPersonalData): string {
  const identity = p.idNumber?.toUpperCase() ?? (p.orgCode ? normaliseUnitCode(p.orgCode) : `${p.name}|${p.phone.replace(/\D/g, '')}`);
  return deps.secrets.mac(`applicant:${identity}`);
}

const normaliseRequest = (s: string) => s.replace(/[\s，。、；：“”‘’（）()《》,.;:"'!！?？]/g, '');

/**
 * @param actor staff entering a letter, fax or visit; or the public portal (actor.system with name 在线申请)
 */
export async function registerApplication(deps: Deps, actor: Actor, input: RegisterInput, opts: { online?: boolean } = {}): Promise<Registered> {
  const data = parseInput(registerInput, input);
  const today = beijingDate(Date.parse(deps.clock.now()));
  if (opts.online && data.channel !== 'online') throw new DomainError('VALIDATION', '在线提交的申请渠道只能是“互联网在线申请”');
  if (data.receivedOn && data.receivedOn > today) throw new DomainError('VALIDATION', '收到申请日期不能晚于今天', { fields: [{ path: 'receivedOn', message: '不能晚于今天' }] });
  const receivedAtEntry = RECEIVED_AT_ENTRY.has(data.channel);
  if (receivedAtEntry && !data.receivedOn && !opts.online) {
    throw new DomainError('VALIDATION', '请填写收到申请的日期（当面提交为提交之日，邮寄为签收之日，电子邮件为系统收到之日）', { fields: [{ path: 'receivedOn', message: '请填写收到申请日期' }] });
  }
  const a = data.applicant;
  const personal: ApplicantPersonalData = {
    name: a.name, idType: a.type === 'natural' ? (a.idType ?? 'residentId') : undefined, idNumber: a.idNumber?.toUpperCase(), orgCode: a.orgCode,
    contactPerson: a.contactPerson, phone: a.phone, email: a.email, address: a.address, postcode: a.postcode,
  };
  const queryCode = String(randomInt(10_000_000, 100_000_000));
  return deps.store.write(async (r) => {
    const unit = await getUnitOrThrow(r, data.unitId);
    if (unit.status !== 'active') throw new DomainError('INVALID_STATE', `“${unit.name}”已停用，不能受理申请`);
    if (!opts.online) {
      const { tree } = await loadTree(r);
      assertCan(actor, 'request.handle', unit.id, tree);
    }
    const now = deps.clock.now();
    const year = Number(today.slice(0, 4));
    const receiptNo = await nextReceiptNo(r, unit.slug, unit.id, year);
    const key = applicantKey(deps, personal);
    const app: Application = {
      id: deps.newId(), unitId: unit.id, receiptNo, queryCodeHash: queryCodeHash(deps, receiptNo, queryCode), status: receivedAtEntry && data.receivedOn ? 'received' : 'registered',
      outcome: null, applicantType: a.type, applicantSealed: deps.secrets.seal(JSON.stringify(personal)),
      applicantMasked: a.type === 'natural' ? mask.name(a.name) : a.name, applicantKey: key, description: data.description,
      documentNo: data.documentNo ?? null, provisionForm: data.provisionForm, deliveryMethod: data.deliveryMethod, channel: data.channel,
      receiptEvidence: data.receiptEvidence ?? null, receivedOn: receivedAtEntry ? (data.receivedOn ?? null) : null,
      correctionRequestedOn: null, correctionReceivedOn: null, replyDue: null, replyDueProvisional: false, calendarVersion: null,
      repliedOn: null, servedOn: null, serviceMethod: null, handlerId: null, duplicateOf: null, transferredTo: null, transferredFrom: null,
      reply: null, createdAt: now, updatedAt: now,
    };
    const earlier = await r.applications.findByApplicantKey(unit.id, key);
    const possibleDuplicates = earlier
      .filter((e) => normaliseRequest(e.description) === normaliseRequest(app.description))
      .map((e) => ({ id: e.id, receiptNo: e.receiptNo, status: e.status }));
    if (possibleDuplicates.length) app.duplicateOf = possibleDuplicates[0]?.id ?? null;
    await recomputeDue(deps, r, app, []);
    await r.applications.insert(app);
    const registered = {
      id: deps.newId(), applicationId: app.id, seq: 1, action: 'register', fromStatus: null, toStatus: app.status,
      effectiveOn: app.receivedOn ?? today, at: now, actorId: actor.accountId, actorName: actor.name,
      data: { channel: app.channel, receiptEvidence: app.receiptEvidence, possibleDuplicates: possibleDuplicates.map((d) => d.receiptNo) },
    };
    await r.applications.appendEvent(registered);
    await enqueueApplicantNotification(deps, r, app, registered);
    // The audit row carries no personal data: the sealed record is the only copy.
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: unit.id, action: 'application.register', entityType: 'application', entityId: app.id, after: { receiptNo, channel: app.channel, status: app.status, applicant: app.applicantMasked }, ip: actor.ip ?? null }, now);
    return { application: app, queryCode, possibleDuplicates };
  });
}

async function nextReceiptNo(r: Repos, slug: string, unitId: string, year: number): Promise<string> {
  const n = (await r.applications.countForUnitYear(unitId, year)) + 1;
  return `${slug.toUpperCase()}-${year}-${String(n).padStart(5, '0')}`;
}
