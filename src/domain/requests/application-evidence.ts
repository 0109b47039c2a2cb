/**
 * Proof of identity and other evidence attached to an application (Art. 29(一)). These files are personal
 * data: their bytes are sealed (AES-256-GCM) before they reach the content-addressed store, only handlers of
 * the unit can read them, and every read is audited.
 */
import { checkFileType, cleanFilename } from '../attachments/file-types.js';
import { DomainError, notFound } from '../errors.js';
import { assertCan, can } from '../policy/policy.js';
import type { Actor, Attachment, Deps } from '../ports.js';
import { loadTree } from '../units/unit-context.js';

export const EVIDENCE = 'applicationEvidence';
const EVIDENCE_TYPES = new Set(['pdf', 'jpg', 'jpeg', 'png']);

export async function attachEvidence(deps: Deps, actor: Actor, applicationId: string, file: { filename: string; data: Buffer; detectedMime: string | undefined }): Promise<Attachment> {
  const filename = cleanFilename(file.filename);
  const ext = filename.split('.').pop()?.toLowerCase() ?? '';
  if (!EVIDENCE_TYPES.has(ext)) throw new DomainError('UNSUPPORTED_FILE', '身份证明等材料请上传 PDF、JPG 或 PNG 文件', { fields: [{ path: 'file', message: '仅支持 PDF、JPG、PNG' }] });
  const type = checkFileType(filename, file.detectedMime);
  if (typeof type === 'string') throw new DomainError('UNSUPPORTED_FILE', type, { fields: [{ path: 'file', message: type }] });
  const app = await deps.store.read(async (r) => {
    const a = await r.applications.get(applicationId);
    const { tree } = await loadTree(r);
    if (!a || !can(actor, 'request.read', a.unitId, tree)) throw notFound('申请');
    assertCan(actor, 'request.handle', a.unitId, tree);
    return a;
  });
  const { sha256, size } = await deps.blobs.put(deps.secrets.sealBytes(file.data));
  return deps.store.write(async (r) => {
    const att: Attachment = { id: deps.newId(), sha256, filename, mime: type.mime, size, unitId: app.unitId, ownerType: EVIDENCE, ownerId: app.id, createdBy: actor.accountId, createdAt: deps.clock.now() };
    await r.attachments.insert(att);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: app.unitId, action: 'application.evidence', entityType: 'application', entityId: app.id, after: { attachmentId: att.id, mime: att.mime, size: file.data.length }, ip: actor.ip ?? null }, att.createdAt);
    return att;
  });
}

export async function listEvidence(deps: Deps, actor: Actor, applicationId: string): Promise<Attachment[]> {
  return deps.store.read(async (r) => {
    const a = await r.applications.get(applicationId);
    const { tree } = await loadTree(r);
    if (!a || !can(actor, 'request.read', a.unitId, tree)) throw notFound('申请');
    assertCan(actor, 'request.handle', a.unitId, tree);
    return r.attachments.listForOwner(EVIDENCE, applicationId);
  });
}

export async function readEvidence(deps: Deps, actor: Actor, applicationId: string, attachmentId: string): Promise<{ attachment: Attachment; data: Buffer }> {
  const attachment = await deps.store.write(async (r) => {
    const a = await r.applications.get(applicationId);
    const { tree } = await loadTree(r);
    if (!a || !can(actor, 'request.read', a.unitId, tree)) throw notFound('申请');
    assertCan(actor, 'request.handle', a.unitId, tree);
    const att = await r.attachments.get(attachmentId);
    if (!att || att.ownerType !== EVIDENCE || att.ownerId !== applicationId) throw notFound('材料');
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: a.unitId, action: 'application.viewPersonalData', entityType: 'application', entityId: applicationId, after: { attachmentId }, ip: actor.ip ?? null }, deps.clock.now());
    return att;
  }, { publicContent: false });
  const sealed = await deps.blobs.get(attachment.sha256);
  if (!sealed) throw notFound('材料');
  return { attachment, data: deps.secrets.openBytes(sealed) };
}
