/**
 * The wording dictionary as CSV (export for review in a spreadsheet, import of a list prepared elsewhere).
 * Columns in Chinese; kind and severity are written as their Chinese labels and read as labels or keys.
 * An import is all or nothing: any row with a problem leaves the dictionary unchanged. A phrase already in the
 * scope is updated, a new one added; nothing is deleted.
 */
import { DomainError, forbidden, notFound, type FieldError } from '../../errors.js';
import type { Actor, Deps } from '../../ports.js';
import { loadTreeOnly } from '../../units/unit-context.js';
import { zodFieldErrors } from '../../validate.js';
import { canEditScope, entryInput } from './manage-dictionary.js';
import { SEVERITY_LABELS, WORDING_KIND_LABELS, type WordingEntry } from './wording.js';

export const CSV_HEADERS = ['词语', '类别', '建议写法', '处理方式', '说明', '启用'] as const;
const KEYS: Record<string, 'phrase' | 'kind' | 'suggestion' | 'severity' | 'note' | 'active'> = {
  词语: 'phrase', phrase: 'phrase', 类别: 'kind', kind: 'kind', 建议写法: 'suggestion', 建议: 'suggestion', suggestion: 'suggestion',
  处理方式: 'severity', 级别: 'severity', severity: 'severity', 说明: 'note', 备注: 'note', note: 'note', 启用: 'active', active: 'active',
};

function csvCell(v: string): string {
  // A leading = + - @ would be a formula in a spreadsheet: quote it with an apostrophe (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function entriesToCsv(entries: readonly WordingEntry[]): string {
  const lines = [CSV_HEADERS.join(',')];
  for (const e of entries) {
    lines.push([e.phrase, WORDING_KIND_LABELS[e.kind], e.suggestion ?? '', SEVERITY_LABELS[e.severity], e.note ?? '', e.active ? '是' : '否'].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const byLabel = <K extends string>(labels: Record<K, string>, v: string): K | string => {
  const t = v.trim();
  const hit = (Object.entries(labels) as [K, string][]).find(([k, label]) => label === t || k === t);
  return hit ? hit[0] : t;
};

export interface ImportProblem {
  row: number;
  message: string;
}

export async function importEntries(
  deps: Deps, actor: Actor, unitId: string | null, sheet: { headers: string[]; rows: { row: number; cells: string[] }[] },
): Promise<{ added: number; updated: number; unchanged: number }> {
  const map = sheet.headers.map((h) => KEYS[h.trim().replace(/^\uFEFF/, '')] ?? null);
  if (!map.includes('phrase') || !map.includes('kind') || !map.includes('severity')) {
    throw new DomainError('VALIDATION', `表头应包含“词语”“类别”“处理方式”三列（可先导出词库作为模板）`, { fields: [{ path: 'file', message: '表头不正确' }] });
  }
  const problems: ImportProblem[] = [];
  const parsed: { row: number; value: ReturnType<typeof entryInput.parse> }[] = [];
  const seen = new Map<string, number>();
  for (const r of sheet.rows) {
    const v: Record<string, unknown> = { unitId };
    map.forEach((key, i) => {
      if (!key) return;
      const cell = (r.cells[i] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
      if (key === 'kind') v.kind = byLabel(WORDING_KIND_LABELS, cell);
      else if (key === 'severity') v.severity = byLabel(SEVERITY_LABELS, cell);
      else if (key === 'active') v.active = !['否', '停用', 'false', '0', 'no'].includes(cell.toLowerCase());
      else v[key] = cell;
    });
    if (Object.values(v).every((x) => x === '' || x === unitId || x === true)) continue; // blank line
    const res = entryInput.safeParse(v);
    if (!res.success) {
      problems.push(...zodFieldErrors(res.error).map((f: FieldError) => ({ row: r.row, message: `${f.path === 'phrase' ? '词语' : f.path === 'kind' ? '类别' : f.path === 'severity' ? '处理方式' : f.path}：${f.message}` })));
      continue;
    }
    const first = seen.get(res.data.phrase);
    if (first !== undefined) problems.push({ row: r.row, message: `词语“${res.data.phrase}”与第${first}行重复` });
    else seen.set(res.data.phrase, r.row);
    parsed.push({ row: r.row, value: res.data });
  }
  if (problems.length) throw new DomainError('VALIDATION', `导入文件中有 ${problems.length} 处错误，词库未作任何修改，请修改后重新导入`, { details: { problems } });
  if (parsed.length === 0) throw new DomainError('VALIDATION', '文件中没有词条', { fields: [{ path: 'file', message: '文件中没有词条' }] });
  if (parsed.length > 20_000) throw new DomainError('VALIDATION', '一次最多导入20000个词条，请分批导入');

  return deps.store.write(async (r) => {
    const tree = await loadTreeOnly(r);
    if (unitId !== null && !tree.has(unitId)) throw notFound('单位');
    if (!canEditScope(actor, unitId, tree)) throw forbidden(unitId === null ? '只有系统管理员可以维护全平台通用的词条' : '您没有维护该单位词库的权限');
    const now = deps.clock.now();
    const existing = new Map((await r.publicationChecks.listEntries({ scopes: [unitId] })).map((e) => [e.phrase, e]));
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const { value } of parsed) {
      const old = existing.get(value.phrase);
      if (!old) {
        await r.publicationChecks.insertEntry({ id: deps.newId(), ...value, createdAt: now, createdBy: actor.accountId, updatedAt: now });
        added++;
      } else if (old.kind !== value.kind || old.suggestion !== value.suggestion || old.severity !== value.severity || old.note !== value.note || old.active !== value.active) {
        await r.publicationChecks.updateEntry({ ...old, ...value, unitId: old.unitId, updatedAt: now });
        updated++;
      } else unchanged++;
    }
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId, action: 'wording.import', entityType: 'wordingEntry', entityId: null, after: { added, updated, unchanged }, ip: actor.ip ?? null }, now);
    return { added, updated, unchanged };
  }, { publicContent: false });
}
