/**
 * Puts information items straight into pub-core's repository (published, withdrawn, corrected, with attachments and
 * links), for portal, feed, sitemap and static-export tests that are about showing items, not about the workflow.
 */
import type { Runtime } from '../../src/main.js';
import type { ItemLink, PublicationItem } from '../../src/domain/publications/model.js';

export interface SeedItemInput {
  slug: string;
  column: string;
  title: string;
  status?: 'published' | 'withdrawn' | 'draft';
  publishedAt?: string;
  body?: string;
  summary?: string;
  docNumber?: string | null;
  validity?: PublicationItem['validity'];
  keywords?: string[];
  correctedAt?: string | null;
  correctionNote?: string | null;
  withdrawnAt?: string | null;
  withdrawalReason?: string | null;
  publisher?: string;
  subject?: string | null;
  attachments?: { filename: string; mime: string; data: Buffer }[];
}

let serial = 0;

export async function seedItem(rt: Runtime, o: SeedItemInput): Promise<PublicationItem & { attachmentIds: string[] }> {
  const deps = rt.deps;
  const blobs: { filename: string; mime: string; sha256: string; size: number }[] = [];
  for (const a of o.attachments ?? []) blobs.push({ filename: a.filename, mime: a.mime, ...(await deps.blobs.put(a.data)) });
  return deps.store.write(async (r) => {
    const unit = await r.units.getBySlug(o.slug);
    if (!unit) throw new Error(`no unit ${o.slug}`);
    const column = await r.catalogue.columnByCode(unit.id, o.column);
    if (!column) throw new Error(`no column ${o.column} in ${o.slug}`);
    const at = o.publishedAt ?? new Date(Date.now() - 3600_000).toISOString();
    const status = o.status ?? 'published';
    const published = status !== 'draft';
    serial++;
    const item: PublicationItem = {
      id: deps.newId(), unitId: unit.id, columnId: column.id, status, stage: null,
      title: o.title, summary: o.summary ?? `${o.title}的内容概述。`, bodyHtml: o.body ?? `<p>${o.title}正文第一段。</p><p>第二段。</p>`,
      publisher: o.publisher ?? unit.name, docNumber: o.docNumber ?? null, createdOn: at.slice(0, 10), subject: o.subject === undefined ? '综合政务\\政务公开' : o.subject, genre: '通知',
      keywords: o.keywords ?? [], disclosureMethod: '主动公开', disclosurePeriod: '常年公开', disclosureScope: '面向全社会',
      validity: o.validity ?? null, effectiveOn: null, validityChangedOn: o.validity === 'repealed' ? at.slice(0, 10) : null,
      indexNumber: published ? `TEST${String(serial).padStart(6, '0')}/${at.slice(0, 4)}-${String(serial).padStart(5, '0')}` : null,
      publishedAt: published ? at : null, publishedOn: published ? at.slice(0, 10) : null, publishAt: null,
      workingDays: published ? 0 : null, timeLimitDays: 20, correctedAt: o.correctedAt ?? null, correctionNote: o.correctionNote ?? null,
      withdrawnAt: status === 'withdrawn' ? (o.withdrawnAt ?? new Date().toISOString()) : null,
      withdrawalReason: status === 'withdrawn' ? (o.withdrawalReason ?? '内容已过时') : null,
      pending: null, createdBy: null, createdByName: '测试', createdAt: at, updatedAt: o.correctedAt ?? o.withdrawnAt ?? at,
    };
    await r.publications.insert(item);
    const attachmentIds: string[] = [];
    for (const b of blobs) {
      const id = deps.newId();
      attachmentIds.push(id);
      await r.attachments.insert({ id, sha256: b.sha256, filename: b.filename, mime: b.mime, size: b.size, unitId: unit.id, ownerType: 'publication', ownerId: item.id, createdBy: null, createdAt: at });
    }
    return { ...item, attachmentIds };
  });
}

export async function seedLink(rt: Runtime, fromId: string, toId: string, kind: ItemLink['kind']): Promise<void> {
  await rt.deps.store.write((r) => r.publications.addLink({ id: rt.deps.newId(), fromId, toId, kind, createdAt: new Date().toISOString() }));
}

/** Changes an item in place (a correction or withdrawal made by the workflow), bumping updatedAt. */
export async function patchItem(rt: Runtime, id: string, patch: Partial<PublicationItem>): Promise<void> {
  await rt.deps.store.write(async (r) => {
    const item = await r.publications.get(id);
    if (!item) throw new Error(`no item ${id}`);
    const ok = await r.publications.updateIf({ ...item, ...patch, updatedAt: patch.updatedAt ?? new Date().toISOString() }, { status: item.status, stage: item.stage });
    if (!ok) throw new Error('update lost');
  });
}
