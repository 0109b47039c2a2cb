/**
 * Import of a unit tree from a spreadsheet (CSV or XLSX, parsed in src/infra/spreadsheet.ts).
 * All or nothing: every row is checked first and every problem is reported with its row number; only a
 * file without problems is written, in one transaction, each unit with its audit row.
 */
import { DomainError } from '../errors.js';
import { UNIT_LEVELS, UNIT_TYPES } from '../glossary.js';
import type { Actor, Deps, Unit } from '../ports.js';
import { zodFieldErrors } from '../validate.js';
import { buildUnit } from './create-unit.js';
import { loadTree, unitSnapshot } from './unit-context.js';
import { createUnitInput } from './unit-input.js';
import { seedCatalogue } from '../publications/seed-catalogue.js';

/** Column headers accepted in the file (Chinese as staff write them; English keys also work). */
export const IMPORT_COLUMNS: Record<string, string> = {
  单位名称: 'name', 名称: 'name', name: 'name',
  简称: 'shortName', shortName: 'shortName',
  单位代码: 'code', 统一社会信用代码: 'code', 组织机构代码: 'code', code: 'code',
  上级单位: 'parent', 上级单位名称: 'parent', 上级单位代码: 'parent', parent: 'parent',
  单位类型: 'type', 类型: 'type', type: 'type',
  行政层级: 'level', 层级: 'level', level: 'level',
  网址标识: 'slug', slug: 'slug',
  排序: 'sortOrder', 排序号: 'sortOrder', sortOrder: 'sortOrder',
  公开工作机构: 'officeName', 政府信息公开工作机构: 'officeName', officeName: 'officeName',
  办公地址: 'address', 地址: 'address', address: 'address',
  办公时间: 'officeHours', officeHours: 'officeHours',
  联系电话: 'phone', 电话: 'phone', phone: 'phone',
  传真: 'fax', fax: 'fax',
  电子邮箱: 'email', 邮箱: 'email', email: 'email',
  网站: 'website', 网址: 'website', website: 'website',
  邮政编码: 'postcode', 邮编: 'postcode', postcode: 'postcode',
  主要职能: 'functions', functions: 'functions',
};

export const IMPORT_TEMPLATE_HEADERS = [
  '单位名称', '简称', '统一社会信用代码', '上级单位', '单位类型', '行政层级', '网址标识', '排序号',
  '政府信息公开工作机构', '办公地址', '办公时间', '联系电话', '传真', '电子邮箱', '网站', '邮政编码',
];

const byLabel = <T extends Record<string, string>>(labels: T) =>
  Object.fromEntries(Object.entries(labels).flatMap(([k, v]) => [[v, k], [k, k]])) as Record<string, keyof T>;
const TYPE_BY_LABEL: Record<string, string> = { ...byLabel(UNIT_TYPES), 政府: 'government', 部门: 'department', 镇: 'township', 乡: 'township', 办公室: 'generalOffice' };
const LEVEL_BY_LABEL: Record<string, string> = { ...byLabel(UNIT_LEVELS), 省: 'province', 市: 'city', 县: 'county', 区: 'county', 县级市: 'county', 乡镇: 'township', 乡: 'township' };

export interface ImportRow {
  /** Row number as the user sees it in the spreadsheet (header is row 1). */
  row: number;
  values: Record<string, string>;
}

export interface ImportProblem {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  dryRun: boolean;
  created: { row: number; id: string; name: string; parentName: string | null }[];
  problems: ImportProblem[];
}

const FIELD_LABELS: Record<string, string> = Object.fromEntries(
  IMPORT_TEMPLATE_HEADERS.map((h) => [IMPORT_COLUMNS[h] as string, h]),
);
FIELD_LABELS.parentId = '上级单位';
FIELD_LABELS.leaders = '领导';

export function mapHeaders(headers: string[]): { map: (string | null)[]; unknown: string[] } {
  const unknown: string[] = [];
  const map = headers.map((h) => {
    const key = IMPORT_COLUMNS[h.trim().replace(/[*＊]/g, '')];
    if (!key && h.trim()) unknown.push(h.trim());
    return key ?? null;
  });
  return { map, unknown };
}

export async function importUnits(
  deps: Deps,
  actor: Actor,
  rows: ImportRow[],
  opts: { defaultParentId?: string | null; dryRun?: boolean } = {},
): Promise<ImportResult> {
  if (rows.length === 0) throw new DomainError('VALIDATION', '文件中没有数据行，请按模板填写后再导入');
  if (rows.length > 5000) throw new DomainError('VALIDATION', '一次最多导入5000个单位，请分批导入');
  const problems: ImportProblem[] = [];
  const result = await deps.store
    .write(async (r) => {
      const { units } = await loadTree(r);
      const existingByKey = new Map<string, Unit>();
      for (const u of units) {
        existingByKey.set(u.name, u);
        if (u.code) existingByKey.set(u.code, u);
      }
      // Rows may name a parent defined further down the file: create in dependency order.
      const rowKey = new Map<string, ImportRow>();
      for (const row of rows) {
        const name = row.values.name?.trim();
        const code = row.values.code?.trim().toUpperCase();
        for (const k of [name, code]) {
          if (!k) continue;
          if (rowKey.has(k)) problems.push({ row: row.row, field: k === name ? '单位名称' : '统一社会信用代码', message: `与第 ${rowKey.get(k)?.row} 行重复` });
          else rowKey.set(k, row);
        }
      }
      const created = new Map<ImportRow, Unit>();
      const out: ImportResult['created'] = [];
      const visiting = new Set<ImportRow>();

      const resolve = async (row: ImportRow): Promise<Unit | null> => {
        if (created.has(row)) return created.get(row) ?? null;
        if (visiting.has(row)) {
          problems.push({ row: row.row, field: '上级单位', message: '上级单位关系形成了循环' });
          return null;
        }
        visiting.add(row);
        const v = row.values;
        let parentId: string | null = opts.defaultParentId ?? null;
        let parentName: string | null = null;
        const parentRef = v.parent?.trim();
        if (parentRef) {
          const inFile = rowKey.get(parentRef) ?? rowKey.get(parentRef.toUpperCase());
          const existing = existingByKey.get(parentRef) ?? existingByKey.get(parentRef.toUpperCase());
          if (inFile && inFile !== row) {
            const p = await resolve(inFile);
            if (!p) {
              problems.push({ row: row.row, field: '上级单位', message: `上级单位“${parentRef}”所在行有错误` });
              return null;
            }
            parentId = p.id;
            parentName = p.name;
          } else if (existing) {
            parentId = existing.id;
            parentName = existing.name;
          } else {
            problems.push({ row: row.row, field: '上级单位', message: `找不到上级单位“${parentRef}”，请填写已有单位或本文件中单位的名称或代码` });
            return null;
          }
        }
        const typeRaw = v.type?.trim() ?? '';
        const levelRaw = v.level?.trim() ?? '';
        const candidate = {
          ...v,
          parentId,
          type: TYPE_BY_LABEL[typeRaw] ?? typeRaw,
          level: LEVEL_BY_LABEL[levelRaw] ?? levelRaw,
          sortOrder: v.sortOrder?.trim() ? v.sortOrder : undefined,
        };
        delete (candidate as Record<string, unknown>).parent;
        const parsed = createUnitInput.safeParse(candidate);
        if (!parsed.success) {
          for (const f of zodFieldErrors(parsed.error)) problems.push({ row: row.row, field: FIELD_LABELS[f.path] ?? f.path, message: f.message });
          return null;
        }
        try {
          const unit = await buildUnit(deps, r, actor, parsed.data);
          await r.units.insert(unit);
          await seedCatalogue(r, unit, deps.newId, unit.createdAt); // 主动公开 column tree from the template
          await r.audit.append(
            { actorId: actor.accountId, actorName: actor.name, unitId: unit.id, action: 'unit.import', entityType: 'unit', entityId: unit.id, after: unitSnapshot(unit), ip: actor.ip ?? null },
            unit.createdAt,
          );
          created.set(row, unit);
          out.push({ row: row.row, id: unit.id, name: unit.name, parentName });
          return unit;
        } catch (e) {
          if (e instanceof DomainError) {
            if (e.fields.length) for (const f of e.fields) problems.push({ row: row.row, field: FIELD_LABELS[f.path] ?? f.path, message: f.message });
            else problems.push({ row: row.row, field: '', message: e.message });
            return null;
          }
          throw e;
        } finally {
          visiting.delete(row);
        }
      };

      for (const row of rows) await resolve(row);
      if (problems.length || opts.dryRun) throw new RollbackSignal(out);
      return out;
    })
    .then(
      (created) => ({ dryRun: false, created, problems: [] }),
      (e) => {
        if (e instanceof RollbackSignal) return { dryRun: !!opts.dryRun && problems.length === 0, created: problems.length ? [] : e.created, problems: problems.sort((a, b) => a.row - b.row) };
        throw e;
      },
    );
  return result;
}

/** Thrown to roll the transaction back after a dry run or when any row failed. */
class RollbackSignal extends Error {
  constructor(readonly created: ImportResult['created']) {
    super('rollback');
  }
}
