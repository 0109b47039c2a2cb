import { DomainError, notFound } from '../errors.js';
import { assertCan, can } from '../policy/policy.js';
import type { Actor, Attachment, Deps } from '../ports.js';
import { getUnitOrThrow, loadTree } from '../units/unit-context.js';
import { checkFileType, cleanFilename } from './file-types.js';

export interface UploadInput {
  unitId: string;
  ownerType: 'guide';
  filename: string;
  data: Buffer;
  /** MIME type reported by the content sniffer (src/infra/sniff.ts), not by the client. */
  detectedMime: string | undefined;
}

/** Stores the bytes content-addressed (identical files once) and records the attachment with its audit row. */
export async function uploadAttachment(deps: Deps, actor: Actor, input: UploadInput): Promise<Attachment> {
  const filename = cleanFilename(input.filename);
  if (!filename) throw new DomainError('VALIDATION', '文件名不能为空', { fields: [{ path: 'file', message: '文件名不能为空' }] });
  if (input.data.length === 0) throw new DomainError('VALIDATION', '文件是空的', { fields: [{ path: 'file', message: '文件是空的' }] });
  const type = checkFileType(filename, input.detectedMime);
  if (typeof type === 'string') throw new DomainError('UNSUPPORTED_FILE', type, { fields: [{ path: 'file', message: type }] });
  await deps.store.read(async (r) => {
    const { tree } = await loadTree(r);
    await getUnitOrThrow(r, input.unitId);
    assertCan(actor, 'guide.edit', input.unitId, tree);
  });
  // Bytes first, then the record: a crash in between leaves an unreferenced blob, never a record without bytes.
  const { sha256, size } = await deps.blobs.put(input.data);
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    assertCan(actor, 'guide.edit', input.unitId, tree);
    const a: Attachment = {
      id: deps.newId(), sha256, filename, mime: type.mime, size, unitId: input.unitId, ownerType: input.ownerType,
      ownerId: input.unitId, createdBy: actor.accountId, createdAt: deps.clock.now(),
    };
    await r.attachments.insert(a);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: input.unitId, action: 'attachment.upload', entityType: 'attachment', entityId: a.id, after: { filename, size, sha256, ownerType: a.ownerType }, ip: actor.ip ?? null }, a.createdAt);
    return a;
  });
}

export async function deleteAttachment(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.store.write(async (r) => {
    const a = await r.attachments.get(id);
    const { tree } = await loadTree(r);
    // Only guide attachments are deleted here; notices and other records stay with what they document.
    if (!a || !a.unitId || a.ownerType !== 'guide' || !can(actor, 'unit.read', a.unitId, tree)) throw notFound('附件');
    assertCan(actor, 'guide.edit', a.unitId, tree);
    await r.attachments.delete(id);
    // The blob stays: it is content-addressed and may back other records or older backups.
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: a.unitId, action: 'attachment.delete', entityType: 'attachment', entityId: id, before: { filename: a.filename, sha256: a.sha256 }, ip: actor.ip ?? null }, deps.clock.now());
  });
}

/** Attachments published with a unit's guide (e.g. the application form): public. */
export async function listGuideAttachments(deps: Deps, unitId: string): Promise<Attachment[]> {
  return deps.store.read((r) => r.attachments.listForOwner('guide', unitId));
}

/** Bytes of a public guide attachment, or undefined when it is not one. */
export async function readPublicAttachment(deps: Deps, id: string): Promise<{ attachment: Attachment; data: Buffer } | undefined> {
  const a = await deps.store.read(async (r) => {
    const att = await r.attachments.get(id);
    if (!att || att.ownerType !== 'guide' || !att.unitId) return undefined;
    const unit = await r.units.get(att.unitId);
    return unit?.status === 'active' ? att : undefined;
  });
  if (!a) return undefined;
  const data = await deps.blobs.get(a.sha256);
  return data ? { attachment: a, data } : undefined;
}
