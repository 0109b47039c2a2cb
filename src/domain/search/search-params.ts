/**
 * Public search (Art. 24: the portal must let people search, view and download government information): the
 * request as it arrives from the portal form or the API, checked and turned into a SearchQuery. A `unit` restricts
 * the search to that unit and its subordinate units.
 */
import { DomainError, type FieldError } from '../errors.js';
import type { Deps } from '../ports.js';
import type { SearchQuery, SearchResult, Validity } from './search-document.js';

export const PAGE_SIZE = 10;
/** Results are paged up to this page (500 results, COUNT_CAP); narrowing the query is better than paging further. */
export const MAX_PAGE = 50;
/**
 * The total is counted exactly up to this many matches, and shown as "…条以上" beyond (as many as can be paged to).
 * On PostgreSQL the count reads about COUNT_CAP ÷ (share of items with the words) rows (bench/search.mjs: counting to
 * 10,000 took ~100 ms with 300,000 items), for a number nobody pages through.
 */
export const COUNT_CAP = 500;
/** Longer queries are cut to their first words: each word is an AND condition. */
export const MAX_QUERY_TERMS = 8;
export const MAX_QUERY_CHARS = 100;
/** Searches per client address and minute (portal page and API): generous for people, a brake on scrapers. */
export const SEARCH_RATE_PER_MINUTE = 120;

export const VALIDITY_LABELS: Record<Validity, string> = { inForce: '现行有效', amended: '已修改', repealed: '已废止' };

/** Raw parameters: strings from a query string (missing or empty = not given). */
export interface SearchParams {
  q?: string | undefined;
  unit?: string | undefined;
  column?: string | undefined;
  subject?: string | undefined;
  genre?: string | undefined;
  year?: string | undefined;
  docNo?: string | undefined;
  validity?: string | undefined;
  page?: string | undefined;
}

export interface SearchOutcome {
  /** The parameters as understood (trimmed), for refilling the form and building page links. */
  params: Required<{ [K in keyof SearchParams]: string }>;
  unit: { id: string; name: string; slug: string } | null;
  /** False when there was nothing to search for (empty query): show the form and help. */
  searched: boolean;
  /** The query had only words too common to search for (的、了、和 …). */
  onlyStopWords: boolean;
  result: SearchResult;
  page: number;
  pageCount: number;
}

const clean = (s: string | undefined) => (s ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();

/** Checks the parameters; a problem is a VALIDATION error with a Chinese message saying what to change. */
export async function runSearch(deps: Pick<Deps, 'store'>, raw: SearchParams): Promise<SearchOutcome> {
  const params = {
    q: clean(raw.q), unit: clean(raw.unit), column: clean(raw.column), subject: clean(raw.subject), genre: clean(raw.genre),
    year: clean(raw.year), docNo: clean(raw.docNo), validity: clean(raw.validity), page: clean(raw.page),
  };
  const fields: FieldError[] = [];
  if ([...params.q].length > MAX_QUERY_CHARS) fields.push({ path: 'q', message: `搜索词最多 ${MAX_QUERY_CHARS} 个字，请缩短后再搜索` });
  if (params.docNo.length > 60) fields.push({ path: 'docNo', message: '文号最多 60 个字' });
  for (const k of ['column', 'subject', 'genre', 'unit'] as const) {
    if (params[k].length > 100) fields.push({ path: k, message: '筛选条件过长' });
  }
  let year: number | undefined;
  if (params.year) {
    year = /^\d{4}$/.test(params.year) ? Number(params.year) : NaN;
    if (!(year >= 1949 && year <= 2100)) fields.push({ path: 'year', message: '年份请填写四位数字，例如 2024' });
  }
  let validity: Validity | undefined;
  if (params.validity) {
    const v = (Object.keys(VALIDITY_LABELS) as Validity[]).find((k) => k === params.validity || VALIDITY_LABELS[k] === params.validity);
    if (v) validity = v;
    else fields.push({ path: 'validity', message: '有效性只能是：现行有效、已修改或已废止' });
  }
  let page = 1;
  if (params.page) {
    page = /^\d{1,4}$/.test(params.page) ? Number(params.page) : NaN;
    if (!(page >= 1 && page <= MAX_PAGE)) fields.push({ path: 'page', message: `页码应为 1 至 ${MAX_PAGE} 之间的数字；更多结果请增加搜索词或筛选条件` });
  }
  if (fields.length) throw new DomainError('VALIDATION', fields.map((f) => f.message).join('；'), { fields });

  return deps.store.read(async (r) => {
    let unit: SearchOutcome['unit'] = null;
    let unitIds: string[] | undefined;
    if (params.unit) {
      const u = await r.units.getBySlug(params.unit);
      if (!u) {
        const message = `没有找到单位“${params.unit}”，请从单位列表中选择`;
        throw new DomainError('VALIDATION', message, { fields: [{ path: 'unit', message }] });
      }
      unit = { id: u.id, name: u.name, slug: u.slug };
      unitIds = subtree(await r.units.listTree(), u.id);
    }
    const empty: SearchResult = { total: 0, totalCapped: false, hits: [], terms: [] };
    if (!params.q && !params.docNo) return { params, unit, searched: false, onlyStopWords: false, result: empty, page, pageCount: 0 };
    const query: SearchQuery = {
      text: params.q, unitIds, columnCode: params.column || undefined, subject: params.subject || undefined,
      genre: params.genre || undefined, year, docNumber: params.docNo || undefined, validity,
      offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE,
    };
    const result = await r.searchIndex.search(query);
    const onlyStopWords = params.q !== '' && result.terms.length === 0 && !params.docNo;
    const pageCount = Math.min(MAX_PAGE, Math.ceil(result.total / PAGE_SIZE));
    return { params, unit, searched: true, onlyStopWords, result, page, pageCount };
  });
}

/** A unit and all units below it (the tree's shape only). */
export function subtree(tree: { id: string; parentId: string | null }[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const n of tree) if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const out: string[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.includes(id)) continue;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
