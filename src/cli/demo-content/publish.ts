/**
 * Publishes planned demo items through the publication domain: each item is drafted, checked (checkOrThrow: the
 * same metadata, wording and personal-data checks an officer's draft meets), submitted, approved at the three
 * default stages with the Art. 17 confirmation, and published by preparePublication/afterPublication (索引号 from the
 * unit's yearly counter, Art. 26 working days, validity of amended/repealed documents, search index). Every step
 * is an event of the review ledger and an audit entry dated when it happened. One transaction per batch.
 */
import type { Actor, Deps, Repos } from '../../domain/ports.js';
import { parseInput } from '../../domain/validate.js';
import { itemContentInput } from '../../domain/publications/item-input.js';
import { contentOf, saveLinks } from '../../domain/publications/manage-items.js';
import { checkOrThrow, recordStep, settingsFor } from '../../domain/publications/item-context.js';
import { afterPublication, preparePublication } from '../../domain/publications/publish.js';
import type { PublicationItem } from '../../domain/publications/model.js';
import { loadTreeOnly } from '../../domain/units/unit-context.js';
import type { DemoFile } from './attachments.js';
import type { AttachmentKind, ItemSpec } from './plan.js';

export interface Reviewers {
  drafter: Actor;
  /** One actor per review stage, in order. */
  stages: Actor[];
}

const at = (deps: Deps, instant: string): Deps => ({ ...deps, clock: { now: () => instant } });

/** Instants between drafting (08:xx Beijing on 生成日期) and publication, in order. */
function timeline(spec: ItemSpec, steps: number): string[] {
  const start = Date.parse(`${spec.createdOn}T00:${String(10 + (spec.key.length * 7) % 40).padStart(2, '0')}:00.000Z`);
  const end = Date.parse(spec.publishAt);
  return Array.from({ length: steps }, (_, i) => new Date(start + ((end - start) * i) / (steps - 1)).toISOString());
}

export async function publishBatch(
  deps: Deps, unitId: string, columns: Map<string, string>, specs: ItemSpec[], ids: Map<string, string>, people: Reviewers, files: Record<AttachmentKind, DemoFile>, publisher: string,
): Promise<number> {
  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    const settings = await settingsFor(r, unitId, deps.clock.now());
    let n = 0;
    for (const spec of specs) {
      const columnId = columns.get(spec.columnCode);
      if (!columnId) continue;
      const d = parseInput(itemContentInput, {
        columnId, title: spec.title, summary: spec.summary, bodyHtml: spec.bodyHtml, publisher, docNumber: spec.docNumber, createdOn: spec.createdOn,
        subject: spec.subject, genre: spec.genre, keywords: spec.keywords, validity: spec.validity, effectiveOn: spec.effectiveOn,
        interpretsId: spec.interprets ? ids.get(spec.interprets) ?? null : undefined,
        repealsIds: spec.repeals.length ? spec.repeals.flatMap((k) => ids.get(k) ?? []) : undefined,
        amendsIds: spec.amends.length ? spec.amends.flatMap((k) => ids.get(k) ?? []) : undefined,
      });
      const steps = 3 + settings.stages.length;
      const [created, submitted, ...approvals] = timeline(spec, steps) as [string, string, ...string[]];
      const draft: PublicationItem = {
        ...contentOf(d), id: deps.newId(), unitId, status: 'draft', stage: null, indexNumber: null, publishedAt: null, publishedOn: null, publishAt: null,
        workingDays: null, timeLimitDays: null, correctedAt: null, correctionNote: null, withdrawnAt: null, withdrawalReason: null, pending: null,
        createdBy: people.drafter.accountId, createdByName: people.drafter.name, createdAt: created, updatedAt: created,
      };
      ids.set(spec.key, draft.id);
      await r.publications.insert(draft);
      await saveLinks(at(deps, created), r, people.drafter, tree, draft, d);
      await recordStep(deps, r, people.drafter, draft, { action: 'create', from: null }, created);
      if (spec.attachment) await attach(deps, r, draft, files[spec.attachment], people.drafter, created);

      await checkOrThrow(deps, r, draft);
      let item: PublicationItem = { ...draft, status: 'inReview', stage: 1, updatedAt: submitted };
      await r.publications.updateIf(item, { status: 'draft', stage: null });
      await recordStep(deps, r, people.drafter, item, { action: 'submit', from: 'draft' }, submitted);
      for (let s = 0; s < settings.stages.length; s++) {
        const stage = settings.stages[s]!;
        const actor = people.stages[s] ?? people.stages[people.stages.length - 1]!;
        const when = approvals[s]!;
        const last = s === settings.stages.length - 1;
        const before = item;
        const step = { stage: { n: s + 1, name: stage.name }, confidentialityConfirmed: stage.confidentialityReview, comment: last ? '同意发布' : '同意' };
        if (!last) {
          item = { ...before, stage: s + 2, updatedAt: when };
          await r.publications.updateIf(item, { status: 'inReview', stage: s + 1 });
          await recordStep(deps, r, actor, item, { action: 'approve', from: 'inReview', before, ...step }, when);
        } else {
          item = await preparePublication(deps, r, before, spec.publishAt);
          await r.publications.updateIf(item, { status: 'inReview', stage: s + 1 });
          await recordStep(deps, r, actor, item, { action: 'approve', from: 'inReview', before, ...step }, spec.publishAt);
          await recordStep(deps, r, actor, item, { action: 'publish', from: 'inReview', data: { indexNumber: item.indexNumber } }, spec.publishAt);
          await afterPublication(r, item, spec.publishAt);
        }
      }
      n++;
    }
    return n;
  });
}

async function attach(deps: Deps, r: Repos, item: PublicationItem, f: DemoFile, actor: Actor, when: string): Promise<void> {
  const id = deps.newId();
  await r.attachments.insert({ id, sha256: f.sha256, filename: f.filename, mime: f.mime, size: f.size, unitId: item.unitId, ownerType: 'publication', ownerId: item.id, createdBy: actor.accountId, createdAt: when });
  await r.publications.putAttachmentText({ attachmentId: id, itemId: item.id, text: f.text });
  await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: item.unitId, action: 'attachment.upload', entityType: 'publication', entityId: item.id, after: { attachmentId: id, filename: f.filename, size: f.size, sha256: f.sha256, textChars: f.text.length }, ip: null }, when);
}
