/**
 * Publication itself, inside the caller's transaction: the 索引号 is taken from the unit's yearly counter (never
 * reused, even after withdrawal), 发布日期 is set by the system (immutable), the Art. 26 working days from 生成日期
 * are recorded with the column's limit, and the search index is updated in the same transaction.
 */
import { beijingDate } from '../calendar/civil-date.js';
import { DomainError } from '../errors.js';
import type { Deps, Repos } from '../ports.js';
import { calendarForUnit } from '../requests/unit-calendar.js';
import type { SearchDocument } from '../search/search-document.js';
import { htmlToText } from './checks/index.js';
import { formatIndexNumber, indexPrefix } from './index-number.js';
import type { PublicationItem } from './model.js';
import { settingsFor } from './item-context.js';

export async function searchDocumentOf(r: Repos, item: PublicationItem): Promise<SearchDocument> {
  const texts = await r.publications.attachmentTexts(item.id);
  return {
    itemId: item.id, unitId: item.unitId, columnId: item.columnId, title: item.title, summary: item.summary,
    bodyText: htmlToText(item.bodyHtml).text, attachmentText: texts.map((t) => t.text).join('\n'), indexNumber: item.indexNumber ?? '',
    docNumber: item.docNumber, subject: item.subject, genre: item.genre, validity: item.validity, publishedOn: item.publishedOn ?? '',
    createdOn: item.createdOn,
  };
}

/** Returns the item as published (not yet written: the caller writes it conditionally). */
export async function preparePublication(deps: Deps, r: Repos, item: PublicationItem, at: string): Promise<PublicationItem> {
  const publishedOn = beijingDate(Date.parse(at));
  if (item.createdOn > publishedOn) {
    throw new DomainError('VALIDATION', `生成日期 ${item.createdOn} 晚于发布日期 ${publishedOn}，请核对生成日期（发布日期由系统记录，不能倒签）`);
  }
  let indexNumber = item.indexNumber;
  if (!indexNumber) {
    const unit = await r.units.get(item.unitId);
    if (!unit) throw new DomainError('NOT_FOUND', '单位不存在');
    const settings = await settingsFor(r, item.unitId, at);
    const prefix = indexPrefix(unit, settings.indexPrefixSource);
    const year = Number(publishedOn.slice(0, 4));
    indexNumber = formatIndexNumber(prefix, year, await r.publications.nextSerial(item.unitId, year), settings.indexSerialWidth);
  }
  const column = await r.catalogue.column(item.columnId);
  const calendar = await calendarForUnit(deps, r, item.unitId);
  // Art. 26: counted from the day after 生成日期 to the day of publication, in working days.
  const workingDays = calendar.workingDaysBetween(item.createdOn, publishedOn);
  return {
    ...item, status: 'published', stage: null, publishAt: null, indexNumber, publishedAt: at, publishedOn, workingDays,
    timeLimitDays: column?.timeLimitDays ?? 20, updatedAt: at,
  };
}

/**
 * After the item row is written: a new rule that amends or repeals older ones changes their 有效性 (with the
 * date), and the search index gets every changed document.
 */
export async function afterPublication(r: Repos, item: PublicationItem, at: string): Promise<void> {
  await r.searchIndex.upsert(await searchDocumentOf(r, item));
  for (const l of await r.publications.links(item.id)) {
    if (l.fromId !== item.id || (l.kind !== 'amends' && l.kind !== 'repeals')) continue;
    const old = await r.publications.get(l.toId);
    if (!old || old.status !== 'published') continue;
    const validity = l.kind === 'repeals' ? 'repealed' : old.validity === 'repealed' ? 'repealed' : 'amended';
    const changed: PublicationItem = { ...old, validity, validityChangedOn: item.publishedOn, updatedAt: at };
    if (await r.publications.updateIf(changed, { status: old.status, stage: old.stage })) await r.searchIndex.upsert(await searchDocumentOf(r, changed));
  }
}
