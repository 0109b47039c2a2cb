/**
 * The contract between publication (which decides what is public) and the search index (which finds it).
 * Publication calls `upsert` / `remove` inside the same transaction that publishes, corrects or withdraws an
 * item, so search never shows a withdrawn item and never misses a published one (Art. 24: search, view, download).
 */
export type Validity = 'inForce' | 'amended' | 'repealed';

export interface SearchDocument {
  itemId: string;
  unitId: string;
  columnId: string | null;
  /** The column's stable code (zcwj, tzgg …): lets a search filter by column across units. Optional extension. */
  columnCode?: string | null | undefined;
  title: string;
  summary: string;
  /** The body as plain text (markup removed). */
  bodyText: string;
  /** Text extracted from the item's attachments, concatenated. */
  attachmentText: string;
  indexNumber: string;
  docNumber: string | null;
  /** 主题分类 code, e.g. '综合政务\\政务公开'. */
  subject: string | null;
  /** 体裁分类 code, e.g. '通知'. */
  genre: string | null;
  validity: Validity | null;
  /** 发布日期, YYYY-MM-DD. */
  publishedOn: string;
  /** 生成日期/成文日期, YYYY-MM-DD. */
  createdOn: string;
}

export interface SearchQuery {
  text: string;
  unitIds?: string[] | undefined;
  columnId?: string | undefined;
  /** A column code (zcwj …) in any of the searched units. */
  columnCode?: string | undefined;
  subject?: string | undefined;
  genre?: string | undefined;
  year?: number | undefined;
  docNumber?: string | undefined;
  validity?: Validity | undefined;
  offset: number;
  limit: number;
}

export interface SearchHit {
  itemId: string;
  unitId: string;
  columnId: string | null;
  title: string;
  /** Title and a body excerpt with matches wrapped as [[hl]]…[[/hl]] markers; the renderer escapes and marks them. */
  titleHighlighted: string;
  excerptHighlighted: string;
  indexNumber: string;
  docNumber: string | null;
  publishedOn: string;
  score: number;
}

export interface SearchResult {
  total: number;
  /** True when there are more matches than were counted (total is then the cap, shown as "约 …条以上"). */
  totalCapped?: boolean | undefined;
  hits: SearchHit[];
  /** The words the query was segmented into (after traditional→simplified), for the results page. */
  terms: string[];
}

export interface SearchIndexRepository {
  upsert(doc: SearchDocument): Promise<void>;
  remove(itemId: string): Promise<void>;
  search(q: SearchQuery): Promise<SearchResult>;
}
