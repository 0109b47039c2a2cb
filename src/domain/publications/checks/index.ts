/**
 * Checks before publication (issue 4, item 4): the wording dictionary, personal data and broken internal links
 * over title, summary, body and the text extracted from attachments. The publication module adds the
 * 'metadata' findings itself and refuses submission and approval while any 'block' finding remains.
 *
 * Positions: `start`/`end` are UTF-16 offsets (end exclusive) into the field's plain text — the title and
 * summary as given, the body as `htmlToText(bodyHtml).text` (see html-text.ts for how that text corresponds to
 * what the editor shows), an attachment's extracted text as stored. Runs inside the caller's read or write with
 * the repos it gives (no nested transaction).
 */
import type { Repos } from '../../ports.js';
import { excerptAround, htmlToText } from './html-text.js';
import { internalLinks } from './links.js';
import type { PersonalDataSetting } from './model.js';
import { findPersonalData, maskHits, PERSONAL_DATA_LABELS, type PersonalDataRule } from './personal-data.js';
import { findWording, wordingMatcher, wordingMessage } from './wording.js';

export interface CheckFinding {
  kind: 'wording' | 'personalData' | 'metadata' | 'link';
  severity: 'block' | 'warn';
  field: 'title' | 'summary' | 'body' | 'attachment' | 'metadata';
  attachmentId?: string;
  start?: number;
  end?: number;
  excerpt: string;
  message: string;
  ruleId?: string;
}

export interface ContentCheckInput {
  unitId: string;
  title: string;
  summary: string;
  bodyHtml: string;
  attachments: { id: string; filename: string; text: string }[];
  /** The portal's public base URL, so absolute links to this platform are recognised too. */
  publicUrl?: string;
}

/** Default severity of each personal-data rule when no setting says otherwise. */
export const DEFAULT_PERSONAL_DATA_SEVERITY: Record<PersonalDataRule, 'block' | 'warn'> = {
  idCard: 'block',
  idCard15: 'block',
  mobile: 'block',
  bankCard: 'block',
};

/** The unit and its ancestors, nearest first (the scope of unit dictionary entries and settings). */
export async function unitScope(r: Repos, unitId: string): Promise<string[]> {
  const tree = await r.units.listTree();
  const parent = new Map(tree.map((u) => [u.id, u.parentId]));
  const out: string[] = [];
  for (let id: string | null | undefined = unitId; id && !out.includes(id); id = parent.get(id)) out.push(id);
  return out;
}

/** The personal-data rules in force for a unit: nearest unit setting, else platform-wide, else the default. */
export function personalDataPolicy(settings: readonly PersonalDataSetting[], scope: readonly string[]): Record<PersonalDataRule, 'block' | 'warn' | 'off'> {
  const out = { ...DEFAULT_PERSONAL_DATA_SEVERITY } as Record<PersonalDataRule, 'block' | 'warn' | 'off'>;
  for (const rule of Object.keys(out) as PersonalDataRule[]) {
    let best: PersonalDataSetting | undefined;
    let bestRank = Number.POSITIVE_INFINITY;
    for (const s of settings) {
      if (s.rule !== rule) continue;
      const rank = s.unitId === null ? scope.length : scope.indexOf(s.unitId);
      if (rank >= 0 && rank < bestRank) {
        best = s;
        bestRank = rank;
      }
    }
    if (best) out[rule] = best.active ? best.severity : 'off';
  }
  return out;
}

interface Field {
  field: CheckFinding['field'];
  text: string;
  attachmentId?: string;
  filename?: string;
}

const FIELD_LABELS: Record<CheckFinding['field'], string> = { title: '标题', summary: '摘要', body: '正文', attachment: '附件', metadata: '元数据' };

export async function runContentChecks(input: ContentCheckInput, r: Repos): Promise<CheckFinding[]> {
  const body = htmlToText(input.bodyHtml ?? '');
  const fields: Field[] = [
    { field: 'title', text: input.title ?? '' },
    { field: 'summary', text: input.summary ?? '' },
    { field: 'body', text: body.text },
    ...(input.attachments ?? []).map((a) => ({ field: 'attachment' as const, text: a.text ?? '', attachmentId: a.id, filename: a.filename })),
  ];
  const scope = await unitScope(r, input.unitId);
  const version = await r.publicationChecks.dictionaryVersion();
  const compiled = await wordingMatcher(version, () => r.publicationChecks.listEntries({ activeOnly: true }));
  const policy = personalDataPolicy(await r.publicationChecks.personalDataSettings(), scope);
  const findings: CheckFinding[] = [];
  const where = (f: Field) => (f.field === 'attachment' ? `附件“${f.filename}”` : FIELD_LABELS[f.field]);
  let safeBody = body.text;
  for (const f of fields) {
    const personal = findPersonalData(f.text);
    // Excerpts come from the text with every number masked in place: findings are displayed, exported and may be
    // logged, and must not carry the personal data they warn about.
    const safe = maskHits(f.text, personal);
    if (f.field === 'body') safeBody = safe;
    const locate = (start: number, end: number) => ({
      field: f.field, ...(f.attachmentId ? { attachmentId: f.attachmentId } : {}), start, end, excerpt: excerptAround(safe, start, end),
    });
    for (const h of findWording(compiled, f.text, scope)) {
      findings.push({ kind: 'wording', severity: h.entry.severity, ...locate(h.start, h.end), message: `${where(f)}：${wordingMessage(h.entry)}`, ruleId: h.entry.id });
    }
    for (const h of personal) {
      const severity = policy[h.rule];
      if (severity === 'off') continue;
      findings.push({
        kind: 'personalData', severity, ...locate(h.start, h.end),
        message: `${where(f)}中含有疑似${PERSONAL_DATA_LABELS[h.rule]}（${h.masked}），公开前请删除或作隐名处理`,
        ruleId: `personalData.${h.rule}`,
      });
    }
  }
  findings.push(...(await linkFindings(r, safeBody, body.links, input.publicUrl ?? '')));
  const order = { title: 0, summary: 1, body: 2, attachment: 3, metadata: 4 };
  return findings.sort((a, b) => order[a.field] - order[b.field] || (a.attachmentId ?? '').localeCompare(b.attachmentId ?? '') || (a.start ?? 0) - (b.start ?? 0));
}

async function linkFindings(r: Repos, text: string, links: Parameters<typeof internalLinks>[0], publicUrl: string): Promise<CheckFinding[]> {
  const targets = internalLinks(links, publicUrl);
  if (targets.length === 0) return [];
  const out: CheckFinding[] = [];
  for (const t of targets) {
    const loc = { field: 'body' as const, start: t.link.start, end: t.link.end, excerpt: t.link.end > t.link.start ? excerptAround(text, t.link.start, t.link.end) : t.link.href };
    const unit = await r.units.getBySlug(t.slug);
    const item = await r.publications.get(t.itemId);
    if (t.attachmentId) {
      const att = await r.attachments.get(t.attachmentId);
      if (!unit || !att || att.ownerId !== t.itemId || (item && item.unitId !== unit.id)) {
        out.push({ kind: 'link', severity: 'block', ...loc, message: `正文中的附件链接 ${t.link.href} 指向的附件不存在，请重新插入附件链接或删除该链接`, ruleId: 'link.attachment' });
      }
      continue;
    }
    if (!unit || !item || item.unitId !== unit.id) {
      out.push({ kind: 'link', severity: 'warn', ...loc, message: `正文中的链接 ${t.link.href} 指向的信息不存在，请核对链接地址`, ruleId: 'link.item' });
    } else if (item.status !== 'published') {
      out.push({ kind: 'link', severity: 'warn', ...loc, message: `正文中的链接 ${t.link.href} 指向的信息尚未发布或已撤稿，读者将无法打开`, ruleId: 'link.unpublished' });
    }
  }
  return out;
}

export { htmlToText } from './html-text.js';
