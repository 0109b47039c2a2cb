/**
 * Attachments of an information item (Art. 24: view and download): the type is judged by content, an OFD file must
 * really be an OFD package (a zip with OFD.xml at its root), sizes are bounded, names are cleaned, and the text
 * extracted at upload is kept for search and the personal-data check.
 */
import { DomainError, notFound } from '../errors.js';
import { checkFileType, cleanFilename, extensionOf } from '../attachments/file-types.js';
import { assertCan } from '../policy/policy.js';
import type { Actor, Attachment, Deps } from '../ports.js';
import { loadTreeOnly } from '../units/unit-context.js';
import { loadItem } from './item-context.js';

export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_ITEM = 30;

export interface ItemUploadInput {
  filename: string;
  data: Buffer;
  /** MIME type reported by the content sniffer (src/infra/sniff.ts), not by the client. */
  detectedMime: string | undefined;
  /** Text extracted by src/infra/text-extract.ts ('' for images). */
  text: string;
}

/** An OFD (GB/T 33190) is a zip whose root holds OFD.xml: look for that entry name in the central directory. */
export function isOfdPackage(data: Buffer): boolean {
  if (data.length < 22 || data[0] !== 0x50 || data[1] !== 0x4b) return false;
  const name = Buffer.from('OFD.xml');
  // Central directory entries: signature PK\x01\x02, file name at offset 46, length at offset 28.
  for (let i = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])), p = i > 0 ? data.readUInt32LE(i + 16) : -1; p >= 0 && p + 46 <= data.length && data.readUInt32LE(p) === 0x02014b50;) {
    const len = data.readUInt16LE(p + 28);
    if (data.subarray(p + 46, p + 46 + len).equals(name)) return true;
    p += 46 + len + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  return false;
}

/** Items whose attachments may still change: drafts. A published item changes through a correction. */
const EDITABLE = new Set(['draft']);

export async function uploadItemAttachment(deps: Deps, actor: Actor, itemId: string, input: ItemUploadInput): Promise<Attachment> {
  const filename = cleanFilename(input.filename);
  const field = (message: string) => ({ fields: [{ path: 'file', message }] });
  if (!filename) throw new DomainError('VALIDATION', '文件名不能为空', field('文件名不能为空'));
  if (input.data.length === 0) throw new DomainError('VALIDATION', '文件是空的', field('文件是空的'));
  if (input.data.length > MAX_ATTACHMENT_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB，请压缩或拆分后上传`, field('文件过大'));
  const type = checkFileType(filename, input.detectedMime);
  if (typeof type === 'string') throw new DomainError('UNSUPPORTED_FILE', type, field(type));
  if (extensionOf(filename) === 'ofd' && !isOfdPackage(input.data)) throw new DomainError('UNSUPPORTED_FILE', '文件不是有效的 OFD 版式文件（缺少 OFD.xml），请确认文件未损坏', field('不是有效的 OFD 文件'));
  await deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    const item = await loadItem(r, actor, itemId, tree);
    assertCan(actor, 'publication.draft', item.unitId, tree);
  });
  // Bytes first, then the record: a crash in between leaves an unreferenced blob, never a record without bytes.
  const { sha256, size } = await deps.blobs.put(input.data);
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    const item = await loadItem(r, actor, itemId, tree);
    assertCan(actor, 'publication.draft', item.unitId, tree);
    if (!EDITABLE.has(item.status)) throw new DomainError('INVALID_STATE', '只有草稿可以增删附件；审核中的信息请先退回，已发布的信息请申请更正');
    if ((await r.attachments.listForOwner('publication', itemId)).length >= MAX_ATTACHMENTS_PER_ITEM) {
      throw new DomainError('VALIDATION', `每条信息最多 ${MAX_ATTACHMENTS_PER_ITEM} 个附件`, field('附件过多'));
    }
    const now = deps.clock.now();
    const a: Attachment = { id: deps.newId(), sha256, filename, mime: type.mime, size, unitId: item.unitId, ownerType: 'publication', ownerId: itemId, createdBy: actor.accountId, createdAt: now };
    await r.attachments.insert(a);
    await r.publications.putAttachmentText({ attachmentId: a.id, itemId, text: input.text });
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: item.unitId, action: 'attachment.upload', entityType: 'publication', entityId: itemId, after: { attachmentId: a.id, filename, size, sha256, textChars: input.text.length }, ip: actor.ip ?? null }, now);
    return a;
  });
}

export async function deleteItemAttachment(deps: Deps, actor: Actor, itemId: string, attachmentId: string): Promise<void> {
  await deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    const item = await loadItem(r, actor, itemId, tree);
    const a = await r.attachments.get(attachmentId);
    if (!a || a.ownerType !== 'publication' || a.ownerId !== itemId) throw notFound('附件');
    assertCan(actor, 'publication.draft', item.unitId, tree);
    if (!EDITABLE.has(item.status)) throw new DomainError('INVALID_STATE', '只有草稿可以增删附件；已发布的信息请申请更正');
    await r.attachments.delete(a.id);
    await r.publications.deleteAttachmentText(a.id);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: item.unitId, action: 'attachment.delete', entityType: 'publication', entityId: itemId, before: { attachmentId: a.id, filename: a.filename, sha256: a.sha256 }, ip: actor.ip ?? null }, deps.clock.now());
  });
}

/** Bytes of one attachment of an item the actor may read (admin preview/download). */
export async function readItemAttachment(deps: Deps, actor: Actor, itemId: string, attachmentId: string): Promise<{ attachment: Attachment; data: Buffer }> {
  const a = await deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    await loadItem(r, actor, itemId, tree);
    const att = await r.attachments.get(attachmentId);
    if (!att || att.ownerType !== 'publication' || att.ownerId !== itemId) throw notFound('附件');
    return att;
  });
  const data = await deps.blobs.get(a.sha256);
  if (!data) throw notFound('附件');
  return { attachment: a, data };
}
