/**
 * Generating a notice (告知书) of an application: the document model is built from the application, its events
 * and reply, the unit's templates and the applicant's decrypted name and address, rendered to DOCX (to edit,
 * print and seal) and PDF (what the applicant downloads), and both are stored with the application as
 * attachments. Only those who handle the unit's applications may generate, preview or download notices: they
 * carry personal data, and every generation, preview and download is audited.
 */
import { z } from 'zod';
import { DomainError, notFound } from '../../errors.js';
import { assertCan, can } from '../../policy/policy.js';
import type { Actor, Attachment, Deps } from '../../ports.js';
import { cleanFilename } from '../../attachments/file-types.js';
import { getUnitOrThrow, loadTree } from '../../units/unit-context.js';
import type { ApplicantPersonalData } from '../application.js';
import { clockFor } from '../application-clock.js';
import { computeDeadlines } from '../deadline.js';
import { calendarForUnit } from '../unit-calendar.js';
import { buildNotice, type NoticeFacts } from './build-notice.js';
import { NOTICE_KIND_CODES, type NoticeDocument, type NoticeKind } from './notice-model.js';
import { NOTICE_SHORT_NAMES } from './templates.js';
import { settingsForUnit } from './unit-notice-settings.js';

/** The renderers (src/infra/documents), passed in so the domain stays free of file formats. */
export interface NoticeRenderers {
  docx(doc: NoticeDocument): Promise<Buffer>;
  pdf(doc: NoticeDocument): Promise<Buffer>;
}

export const noticeKind = z.enum(NOTICE_KIND_CODES as [NoticeKind], { error: `请选择告知书类型：${NOTICE_KIND_CODES.join('、')}` });

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Everything a notice is built from, read in one go; refuses (as 404) an application the actor may not handle. */
async function gatherFacts(deps: Deps, actor: Actor, applicationId: string, kind: NoticeKind): Promise<NoticeFacts> {
  const k = noticeKind.safeParse(kind);
  if (!k.success) throw new DomainError('VALIDATION', k.error.issues[0]?.message ?? '未知的告知书类型', { fields: [{ path: 'kind', message: '未知的告知书类型' }] });
  return deps.store.read(async (r) => {
    const app = await r.applications.get(applicationId);
    const { tree } = await loadTree(r);
    if (!app || !can(actor, 'request.read', app.unitId, tree)) throw notFound('申请');
    assertCan(actor, 'request.handle', app.unitId, tree);
    const [events, unit, settings, cal] = await Promise.all([
      r.applications.events(app.id), getUnitOrThrow(r, app.unitId), settingsForUnit(deps, r, app.unitId, tree), calendarForUnit(deps, r, app.unitId),
    ]);
    const rules = deps.deadlineRules;
    const atReceipt = app.receivedOn ? computeDeadlines(rules, cal, { receivedOn: app.receivedOn, channel: app.channel }) : null;
    // The extension notice states the due dates as they stood when the extension was approved.
    const approvedAt = events.findLastIndex((e) => e.action === 'approveExtension');
    const atApproval = approvedAt >= 0 ? clockFor(app, events.slice(0, approvedAt + 1), cal, rules) : null;
    const duplicate = app.duplicateOf ? await r.applications.get(app.duplicateOf) : undefined;
    const personal = JSON.parse(deps.secrets.open(app.applicantSealed)) as ApplicantPersonalData;
    return {
      kind: k.data, application: app, events, unit, settings, rules,
      applicant: { name: personal.name, address: personal.address, postcode: personal.postcode },
      dues: {
        atReceipt: atReceipt?.replyDue ?? null,
        beforeExtension: atApproval?.replyDueBeforeExtension ?? null,
        afterExtension: atApproval?.replyDue ?? null,
        provisional: (kind === 'extension' ? atApproval?.provisional : atReceipt?.provisional) ?? false,
      },
      duplicateOfReceiptNo: duplicate?.unitId === app.unitId ? duplicate.receiptNo : null,
    };
  });
}

export interface GeneratedNotice {
  notice: Pick<NoticeDocument, 'kind' | 'templateKey' | 'shortName' | 'title' | 'docNo' | 'issuedOn'>;
  attachments: Attachment[];
}

export async function generateNotice(deps: Deps, actor: Actor, applicationId: string, kind: NoticeKind, render: NoticeRenderers): Promise<GeneratedNotice> {
  const doc = buildNotice(await gatherFacts(deps, actor, applicationId, kind));
  const [docx, pdf] = await Promise.all([render.docx(doc), render.pdf(doc)]);
  // Bytes first, then the records: a crash in between leaves an unreferenced blob, never a record without bytes.
  const stored = await Promise.all([
    deps.blobs.put(docx).then((b) => ({ ...b, ext: 'docx' as const })),
    deps.blobs.put(pdf).then((b) => ({ ...b, ext: 'pdf' as const })),
  ]);
  return deps.store.write(async (r) => {
    const app = await r.applications.get(applicationId);
    const { tree } = await loadTree(r);
    if (!app || !can(actor, 'request.read', app.unitId, tree)) throw notFound('申请');
    assertCan(actor, 'request.handle', app.unitId, tree);
    const now = deps.clock.now();
    const attachments = stored.map((b): Attachment => ({
      id: deps.newId(), sha256: b.sha256, size: b.size, mime: MIME[b.ext], filename: cleanFilename(`${doc.shortName}-${doc.receiptNo}.${b.ext}`),
      unitId: app.unitId, ownerType: 'application', ownerId: app.id, createdBy: actor.accountId, createdAt: now,
    }));
    for (const a of attachments) await r.attachments.insert(a);
    // No personal data in the audit row: what was generated and where it is, not what it says.
    await r.audit.append({
      actorId: actor.accountId, actorName: actor.name, unitId: app.unitId, action: 'application.notice', entityType: 'application', entityId: app.id,
      after: { kind: doc.kind, templateKey: doc.templateKey, docNo: doc.docNo, attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, sha256: a.sha256 })) }, ip: actor.ip ?? null,
    }, now);
    return { notice: { kind: doc.kind, templateKey: doc.templateKey, shortName: doc.shortName, title: doc.title, docNo: doc.docNo, issuedOn: doc.issuedOn }, attachments };
  });
}

/** The document model without storing anything: for the print view. Audited, as it shows personal data. */
export async function previewNotice(deps: Deps, actor: Actor, applicationId: string, kind: NoticeKind): Promise<NoticeDocument> {
  const facts = await gatherFacts(deps, actor, applicationId, kind);
  const doc = buildNotice(facts);
  await deps.store.write((r) => r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: facts.application.unitId, action: 'application.noticePreview', entityType: 'application', entityId: applicationId, after: { kind: doc.kind, templateKey: doc.templateKey }, ip: actor.ip ?? null }, deps.clock.now()));
  return doc;
}

const isNotice = (a: Attachment) => a.ownerType === 'application' && NOTICE_SHORT_NAMES.has(a.filename.split('-')[0] ?? '') && /\.(docx|pdf)$/.test(a.filename);

/** Notices stored with an application, newest first. */
export async function listNotices(deps: Deps, actor: Actor, applicationId: string): Promise<Attachment[]> {
  return deps.store.read(async (r) => {
    const app = await r.applications.get(applicationId);
    const { tree } = await loadTree(r);
    if (!app || !can(actor, 'request.read', app.unitId, tree)) throw notFound('申请');
    const all = await r.attachments.listForOwner('application', app.id);
    return all.filter(isNotice).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.filename.localeCompare(b.filename)));
  });
}

/** The bytes of one stored notice, for its handlers; the download is audited. */
export async function readNotice(deps: Deps, actor: Actor, applicationId: string, attachmentId: string): Promise<{ attachment: Attachment; data: Buffer }> {
  const attachment = await deps.store.write(async (r) => {
    const app = await r.applications.get(applicationId);
    const { tree } = await loadTree(r);
    if (!app || !can(actor, 'request.read', app.unitId, tree)) throw notFound('申请');
    assertCan(actor, 'request.handle', app.unitId, tree);
    const a = await r.attachments.get(attachmentId);
    if (!a || a.ownerId !== app.id || !isNotice(a)) throw notFound('告知书');
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: app.unitId, action: 'application.noticeDownload', entityType: 'application', entityId: app.id, after: { attachmentId: a.id, filename: a.filename }, ip: actor.ip ?? null }, deps.clock.now());
    return a;
  });
  const data = await deps.blobs.get(attachment.sha256);
  if (!data) throw notFound('告知书文件');
  return { attachment, data };
}
