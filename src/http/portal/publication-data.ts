/**
 * What the 主动公开 pages show, read from the repositories: a unit's column tree, a column's page of items, an
 * item with its attachments, related items and view count. Used by the portal routes and the static export
 * (which loads items in batches of hundreds through the same function).
 */
import type { Attachment, Repos, Unit } from '../../domain/ports.js';
import { LINK_LABELS, type CatalogueColumn, type PublicationItem } from '../../domain/publications/model.js';

export interface UnitCatalogue {
  unit: Unit;
  columns: CatalogueColumn[];
  byId: Map<string, CatalogueColumn>;
  byCode: Map<string, CatalogueColumn>;
  /** Children of each column id; top-level columns under ''. */
  children: Map<string, CatalogueColumn[]>;
}

export function catalogueOf(unit: Unit, columns: CatalogueColumn[]): UnitCatalogue {
  const sorted = [...columns].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const children = new Map<string, CatalogueColumn[]>();
  for (const c of sorted) {
    const key = c.parentId ?? '';
    const list = children.get(key);
    if (list) list.push(c);
    else children.set(key, [c]);
  }
  return { unit, columns: sorted, byId: new Map(sorted.map((c) => [c.id, c])), byCode: new Map(sorted.map((c) => [c.code, c])), children };
}

export async function loadCatalogue(r: Repos, unit: Unit): Promise<UnitCatalogue> {
  return catalogueOf(unit, await r.catalogue.columns(unit.id));
}

export interface RelatedLink {
  /** e.g. 政策解读, 解读的政策, 被以下文件废止 (LINK_LABELS). */
  label: string;
  id: string;
  title: string;
  docNumber: string | null;
  slug: string;
  withdrawn: boolean;
}

export interface ItemPageData {
  item: PublicationItem;
  attachments: Attachment[];
  related: RelatedLink[];
}

/**
 * Items with their attachments and related items, in the order of `ids`; ids that are not public are left out.
 * `slugOf` maps a unit id to its slug (related items may belong to another unit); inactive units give null.
 */
export async function loadItems(r: Repos, ids: string[], slugOf: (unitId: string) => string | null): Promise<ItemPageData[]> {
  if (!ids.length) return [];
  const [items, attachments, links] = await Promise.all([r.portal.publicItems(ids), r.portal.attachmentsOf(ids), r.portal.linksOf(ids)]);
  const wanted = new Set(ids);
  const otherIds = [...new Set(links.flatMap((l) => [l.fromId, l.toId]).filter((id) => !wanted.has(id)))];
  const heads = new Map((await r.portal.itemHeads(otherIds)).map((h) => [h.id, h]));
  for (const it of items) heads.set(it.id, { id: it.id, unitId: it.unitId, title: it.title, docNumber: it.docNumber, status: it.status, publishedOn: it.publishedOn });
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: ItemPageData[] = [];
  for (const id of ids) {
    const item = byId.get(id);
    if (!item) continue;
    const related: RelatedLink[] = [];
    for (const l of links) {
      const forward = l.fromId === id;
      if (!forward && l.toId !== id) continue;
      const other = heads.get(forward ? l.toId : l.fromId);
      const slug = other ? slugOf(other.unitId) : null;
      if (!other || !slug) continue; // a draft or an item of a closed unit: not public, not linked
      const labels = LINK_LABELS[l.kind];
      related.push({ label: forward ? labels.forward : labels.backward, id: other.id, title: other.title, docNumber: other.docNumber, slug, withdrawn: other.status === 'withdrawn' });
    }
    // Attachments are public only while the item is published (a withdrawn item's files are gone with it).
    out.push({ item, attachments: item.status === 'published' ? (attachments.get(id) ?? []) : [], related });
  }
  return out;
}
