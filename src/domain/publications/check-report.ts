/**
 * 用语检查报告 (issue 4 item 11): the checks before publication run again over a unit's published items of a
 * period — or over what is still in review or in draft — with the dictionary as it is today. An entry added
 * after an item went out finds it here: a published item with a 阻止发布 finding is what a 公开办 must correct
 * or withdraw first (国办秘函〔2019〕19号: a serious error of expression fails a government website outright).
 *
 * Batched: items are read in pages by id with their attachment texts in one query per page; the unit tree,
 * the dictionary version and the personal-data settings are read once for the whole run (the Aho–Corasick
 * automaton is cached per dictionary version by wording.ts), so a thousand items take about a second.
 */
import { DomainError } from '../errors.js';
import type { Actor, Deps, Repos } from '../ports.js';
import { loadTreeOnly } from '../units/unit-context.js';
import { runContentChecks, type CheckFinding } from './checks/index.js';
import type { ItemStatus, PublicationItem } from './model.js';
import { dateRange, readableUnits } from './queries.js';

export type CheckReportScope = 'published' | 'pending' | 'draft';

export const CHECK_REPORT_SCOPES: Record<CheckReportScope, { label: string; statuses: ItemStatus[]; dateField: 'publishedOn' | 'createdOn' }> = {
  published: { label: '已发布的信息（按发布日期）', statuses: ['published'], dateField: 'publishedOn' },
  pending: { label: '审核中和待发布的信息（按生成日期）', statuses: ['inReview', 'scheduled'], dateField: 'createdOn' },
  draft: { label: '草稿（按生成日期）', statuses: ['draft'], dateField: 'createdOn' },
};

/** One run reads at most this many items: beyond it the office narrows the period or the unit. */
export const CHECK_REPORT_MAX_ITEMS = 5000;
const PAGE = 250;

export interface CheckReportFilter {
  unitId?: string | undefined;
  scope: CheckReportScope;
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kind?: CheckFinding['kind'] | undefined;
  severity?: CheckFinding['severity'] | undefined;
}

export interface CheckReportItem {
  id: string;
  unitId: string;
  columnId: string;
  title: string;
  status: ItemStatus;
  stage: number | null;
  indexNumber: string | null;
  docNumber: string | null;
  createdOn: string;
  publishedOn: string | null;
}

export interface CheckReportRow {
  item: CheckReportItem;
  block: number;
  warn: number;
  byKind: Partial<Record<CheckFinding['kind'], number>>;
  findings: (CheckFinding & { attachmentName?: string })[];
}

export interface CheckReport {
  scope: CheckReportScope;
  fromOn: string | null;
  toOn: string | null;
  dictionaryVersion: string;
  checkedAt: string;
  /** Items read and checked. */
  checked: number;
  withFindings: number;
  withBlock: number;
  /** Findings and items per kind and severity, over every item checked. */
  counts: { kind: CheckFinding['kind']; severity: CheckFinding['severity']; findings: number; items: number }[];
  /** Items with a finding (of the kind/severity asked for), worst first: most 阻止发布, then most 提示, newest. */
  rows: CheckReportRow[];
}

const summary = (i: PublicationItem): CheckReportItem => ({
  id: i.id, unitId: i.unitId, columnId: i.columnId, title: i.title, status: i.status, stage: i.stage, indexNumber: i.indexNumber,
  docNumber: i.docNumber, createdOn: i.createdOn, publishedOn: i.publishedOn,
});

function memo<A extends unknown[], R>(fn: (...a: A) => Promise<R>): (...a: A) => Promise<R> {
  const seen = new Map<string, Promise<R>>();
  return (...a: A) => {
    const key = JSON.stringify(a);
    let p = seen.get(key);
    if (!p) seen.set(key, (p = fn(...a)));
    return p;
  };
}

/** The repos of one read with the lookups every item's check repeats answered once for the whole run. */
function runOnce(r: Repos): Repos {
  return {
    ...r,
    units: { ...r.units, listTree: memo(r.units.listTree), getBySlug: memo(r.units.getBySlug) },
    publications: { ...r.publications, get: memo(r.publications.get) },
    attachments: { ...r.attachments, get: memo(r.attachments.get) },
    publicationChecks: {
      ...r.publicationChecks, dictionaryVersion: memo(r.publicationChecks.dictionaryVersion),
      personalDataSettings: memo(r.publicationChecks.personalDataSettings), listEntries: memo(r.publicationChecks.listEntries),
    },
  };
}

const rank = (a: CheckReportRow, b: CheckReportRow) => b.block - a.block || b.warn - a.warn
  || (b.item.publishedOn ?? b.item.createdOn).localeCompare(a.item.publishedOn ?? a.item.createdOn) || a.item.id.localeCompare(b.item.id);

export async function contentCheckReport(deps: Deps, actor: Actor, f: CheckReportFilter): Promise<CheckReport> {
  const range = dateRange(f);
  const scope = CHECK_REPORT_SCOPES[f.scope];
  return deps.store.read(async (r) => {
    const tree = await loadTreeOnly(r);
    const unitIds = await readableUnits(r, actor, tree, f.unitId);
    const q = { unitIds, statuses: scope.statuses, dateField: scope.dateField, ...range };
    const n = await r.publications.countForChecks(q);
    if (n > CHECK_REPORT_MAX_ITEMS) {
      throw new DomainError('VALIDATION', `所选范围内有 ${n} 条信息，一次最多检查 ${CHECK_REPORT_MAX_ITEMS} 条，请缩小日期范围或选择下级单位`, {
        fields: [{ path: 'from', message: '范围过大' }],
      });
    }
    const rr = runOnce(r);
    const dictionaryVersion = await rr.publicationChecks.dictionaryVersion();
    const counts = new Map<string, { kind: CheckFinding['kind']; severity: CheckFinding['severity']; findings: number; items: number }>();
    const rows: CheckReportRow[] = [];
    let checked = 0;
    let withFindings = 0;
    let withBlock = 0;
    for (let afterId: string | null = null; ;) {
      const page: PublicationItem[] = await r.publications.scanForChecks({ ...q, afterId, limit: PAGE });
      if (page.length === 0) break;
      const texts = await r.publications.attachmentTextsOf(page.map((i) => i.id));
      for (const item of page) {
        const attachments = texts.filter((t) => t.itemId === item.id).map((t) => ({ id: t.attachmentId, filename: t.filename, text: t.text }));
        const all = await runContentChecks({
          unitId: item.unitId, title: item.title, summary: item.summary, bodyHtml: item.bodyHtml, publicUrl: deps.publicUrl, attachments,
        }, rr);
        checked++;
        if (all.length) withFindings++;
        if (all.some((x) => x.severity === 'block')) withBlock++;
        const seen = new Set<string>();
        for (const x of all) {
          const key = `${x.kind}:${x.severity}`;
          const c = counts.get(key) ?? { kind: x.kind, severity: x.severity, findings: 0, items: 0 };
          c.findings++;
          if (!seen.has(key)) c.items++;
          seen.add(key);
          counts.set(key, c);
        }
        const shown = all.filter((x) => (!f.kind || x.kind === f.kind) && (!f.severity || x.severity === f.severity));
        if (shown.length === 0) continue;
        const byKind: CheckReportRow['byKind'] = {};
        for (const x of shown) byKind[x.kind] = (byKind[x.kind] ?? 0) + 1;
        const names = new Map(attachments.map((a) => [a.id, a.filename]));
        rows.push({
          item: summary(item), byKind,
          block: shown.filter((x) => x.severity === 'block').length, warn: shown.filter((x) => x.severity === 'warn').length,
          findings: shown.map((x) => (x.attachmentId ? { ...x, attachmentName: names.get(x.attachmentId) ?? '' } : x)),
        });
      }
      afterId = page[page.length - 1]!.id;
      if (page.length < PAGE) break;
    }
    const order = { wording: 0, personalData: 1, link: 2, metadata: 3 };
    return {
      scope: f.scope, fromOn: range.fromOn ?? null, toOn: range.toOn ?? null, dictionaryVersion, checkedAt: deps.clock.now(),
      checked, withFindings, withBlock,
      counts: [...counts.values()].sort((a, b) => order[a.kind] - order[b.kind] || a.severity.localeCompare(b.severity)),
      rows: rows.sort(rank),
    };
  });
}
