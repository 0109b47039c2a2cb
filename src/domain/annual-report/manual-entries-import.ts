/**
 * Import of annual-report figures from CSV/XLSX (parsed in src/infra/spreadsheet.ts), all or nothing like the
 * unit import (src/domain/units/import-units.ts): every row is checked and every problem reported with its row
 * number; only a file without problems is written, in one transaction. An imported (unit, year, kind) replaces
 * the entries that were there, each removal and addition audited under one batch id.
 */
import { DomainError } from '../errors.js';
import { can } from '../policy/policy.js';
import type { Actor, Deps, Unit } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { assertCanEditReport } from './manual-entries-manage.js';
import { MANUAL_ENTRY_KIND_CODES, MANUAL_ENTRY_KINDS, manualEntrySnapshot, manualValueProblem, type ManualEntry, type ManualEntryKind } from './manual-entries.js';

export const ENTRY_IMPORT_COLUMNS: Record<string, string> = {
  单位: 'unit', 单位名称: 'unit', 单位代码: 'unit', 统一社会信用代码: 'unit', unit: 'unit',
  年度: 'year', 年份: 'year', year: 'year',
  项目: 'kind', 统计项目: 'kind', kind: 'kind',
  数值: 'value', 数量或金额: 'value', 数量: 'value', 金额: 'value', value: 'value',
  数据来源: 'sourceNote', 来源: 'sourceNote', sourceNote: 'sourceNote',
};
export const ENTRY_TEMPLATE_HEADERS = ['单位', '年度', '项目', '数值', '数据来源'];

const KIND_BY_LABEL: Record<string, ManualEntryKind> = Object.fromEntries(
  MANUAL_ENTRY_KIND_CODES.flatMap((k) => [[k, k], [MANUAL_ENTRY_KINDS[k].label, k], [MANUAL_ENTRY_KINDS[k].label.replace(/（.*?）/g, ''), k]]),
);
Object.assign(KIND_BY_LABEL, { 行政许可: 'licensing', 行政处罚: 'penalty', 行政强制: 'enforcement', 行政事业性收费: 'fees', 收费金额: 'fees' });

export function mapEntryHeaders(headers: string[]): { map: (string | null)[]; unknown: string[] } {
  const unknown: string[] = [];
  const map = headers.map((h) => {
    const key = ENTRY_IMPORT_COLUMNS[h.trim().replace(/[*＊]/g, '')];
    if (!key && h.trim()) unknown.push(h.trim());
    return key ?? null;
  });
  return { map, unknown };
}

export interface EntryImportRow {
  row: number;
  values: Record<string, string>;
}
export interface EntryImportProblem {
  row: number;
  field: string;
  message: string;
}
export interface EntryImportResult {
  batch: string;
  created: { row: number; id: string; unitName: string; year: number; kind: ManualEntryKind; value: number }[];
  replaced: number;
}

export async function importManualEntries(
  deps: Deps, actor: Actor, rows: EntryImportRow[], opts: { defaultUnitId?: string | undefined; defaultYear?: number | undefined } = {},
): Promise<EntryImportResult> {
  if (rows.length === 0) throw new DomainError('VALIDATION', '文件中没有数据行，请按模板填写后再导入');
  if (rows.length > 20000) throw new DomainError('VALIDATION', '一次最多导入20000行，请分批导入');
  const thisYear = Number(deps.clock.now().slice(0, 4));
  return deps.store.write(async (r) => {
    const { tree, units } = await loadTree(r);
    const byKey = new Map<string, Unit>();
    for (const u of units) for (const k of [u.name, u.shortName, u.code, u.slug]) if (k) byKey.set(k.toUpperCase(), u);
    const problems: EntryImportProblem[] = [];
    const parsed: { row: number; unit: Unit; year: number; kind: ManualEntryKind; value: number; sourceNote: string }[] = [];
    for (const row of rows) {
      const v = row.values;
      const before = problems.length;
      const unitRef = v.unit?.trim();
      const unit = unitRef ? byKey.get(unitRef.toUpperCase()) : opts.defaultUnitId ? units.find((u) => u.id === opts.defaultUnitId) : undefined;
      if (!unit || !can(actor, 'report.read', unit.id, tree)) problems.push({ row: row.row, field: '单位', message: unitRef ? `找不到单位“${unitRef}”，请填写单位名称、简称或统一社会信用代码` : '请填写单位' });
      else if (!can(actor, 'report.edit', unit.id, tree)) problems.push({ row: row.row, field: '单位', message: `您没有录入“${unit.name}”年报数据的权限` });
      const yearRaw = v.year?.trim().replace(/年$/, '') || (opts.defaultYear ? String(opts.defaultYear) : '');
      const year = Number(yearRaw);
      if (!/^\d{4}$/.test(yearRaw) || year < 2019 || year > thisYear) problems.push({ row: row.row, field: '年度', message: yearRaw ? `年度“${yearRaw}”不正确，应为2019年至${thisYear}年之间的四位数年份` : '请填写年度' });
      const kindRaw = v.kind?.trim() ?? '';
      const kind = KIND_BY_LABEL[kindRaw];
      if (!kind) problems.push({ row: row.row, field: '项目', message: kindRaw ? `无法识别的统计项目“${kindRaw}”，可填：${MANUAL_ENTRY_KIND_CODES.map((k) => MANUAL_ENTRY_KINDS[k].label).join('、')}` : '请填写统计项目' });
      const valueRaw = (v.value ?? '').trim().replace(/[,，]/g, '');
      const value = valueRaw === '' ? NaN : Number(valueRaw);
      if (valueRaw === '') problems.push({ row: row.row, field: '数值', message: '请填写数值' });
      else if (kind) {
        const p = manualValueProblem(kind, value);
        if (p) problems.push({ row: row.row, field: '数值', message: p });
      }
      const sourceNote = v.sourceNote?.trim() ?? '';
      if (sourceNote.length < 2) problems.push({ row: row.row, field: '数据来源', message: '请注明数据来源' });
      else if (sourceNote.length > 500) problems.push({ row: row.row, field: '数据来源', message: '数据来源不能超过500个字' });
      if (problems.length === before && unit && kind) parsed.push({ row: row.row, unit, year, kind, value, sourceNote });
    }
    if (problems.length) {
      throw new DomainError('VALIDATION', `导入文件中有 ${problems.length} 处错误，未导入任何数据，请修改后重新导入`, { details: { problems } });
    }
    const batch = deps.newId();
    const now = deps.clock.now();
    const cleared = new Set<string>();
    let replaced = 0;
    const created: EntryImportResult['created'] = [];
    for (const p of parsed) {
      const key = `${p.unit.id}|${p.year}|${p.kind}`;
      if (!cleared.has(key)) {
        cleared.add(key);
        for (const old of await r.manualEntries.deleteFor(p.unit.id, p.year, p.kind)) {
          replaced++;
          await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: old.unitId, action: 'reportEntry.delete', entityType: 'reportEntry', entityId: old.id, before: manualEntrySnapshot(old), after: { replacedByBatch: batch }, ip: actor.ip ?? null }, now);
        }
      }
      const e: ManualEntry = { id: deps.newId(), unitId: p.unit.id, year: p.year, kind: p.kind, value: p.value, sourceNote: p.sourceNote, enteredBy: actor.accountId, enteredByName: actor.name, enteredAt: now, importBatch: batch };
      await r.manualEntries.insert(e);
      await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId: e.unitId, action: 'reportEntry.import', entityType: 'reportEntry', entityId: e.id, after: manualEntrySnapshot(e), ip: actor.ip ?? null }, now);
      created.push({ row: p.row, id: e.id, unitName: p.unit.name, year: p.year, kind: p.kind, value: p.value });
    }
    return { batch, created, replaced };
  });
}

/** The CSV template: headers and one example row per 2021-format kind. */
export function entryTemplateCsv(unitName: string, year: number): string {
  const rows = [ENTRY_TEMPLATE_HEADERS,
    [unitName, String(year), MANUAL_ENTRY_KINDS.licensing.label, '0', '政务服务网审批系统导出'],
    [unitName, String(year), MANUAL_ENTRY_KINDS.penalty.label, '0', '行政执法监督平台导出'],
    [unitName, String(year), MANUAL_ENTRY_KINDS.enforcement.label, '0', '行政执法监督平台导出'],
    [unitName, String(year), MANUAL_ENTRY_KINDS.fees.label, '0', '财务部门非税收入台账'],
  ];
  const esc = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return '\uFEFF' + rows.map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

export { assertCanEditReport };
