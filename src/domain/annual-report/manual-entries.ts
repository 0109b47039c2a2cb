/**
 * Annual-report figures that live in other systems (rules.md §5; table 二 rows 第二十条第（五）（六）（八）项 and the
 * 2019 format's item counts and procurement): entered by hand or imported from CSV/XLSX, each with its source.
 * Several entries of one kind in one year are added up (e.g. licensing decisions from two approval systems);
 * an import replaces the entries of the unit, year and kind it brings.
 */
import { z } from 'zod';

export interface ManualKindDef {
  label: string;
  /** counts are whole numbers; amounts are 万元 with up to 4 decimals (1 元). */
  unit: 'count' | 'wan';
  /** Which report formats use it. */
  templates: ('2021' | '2019')[];
}

export const MANUAL_ENTRY_KINDS = {
  licensing: { label: '行政许可处理决定数量', unit: 'count', templates: ['2021', '2019'] },
  penalty: { label: '行政处罚处理决定数量', unit: 'count', templates: ['2021', '2019'] },
  enforcement: { label: '行政强制处理决定数量', unit: 'count', templates: ['2021', '2019'] },
  fees: { label: '行政事业性收费金额（万元）', unit: 'wan', templates: ['2021', '2019'] },
  // 国办公开办函〔2019〕60号 format (reports on 2019–2020): item counts at year end give 上一年项目数量 and 本年增/减.
  otherServices: { label: '其他对外管理服务事项处理决定数量', unit: 'count', templates: ['2019'] },
  licensingItems: { label: '行政许可事项数量（年末）', unit: 'count', templates: ['2019'] },
  otherServicesItems: { label: '其他对外管理服务事项数量（年末）', unit: 'count', templates: ['2019'] },
  penaltyItems: { label: '行政处罚事项数量（年末）', unit: 'count', templates: ['2019'] },
  enforcementItems: { label: '行政强制事项数量（年末）', unit: 'count', templates: ['2019'] },
  feesItems: { label: '行政事业性收费项目数量（年末）', unit: 'count', templates: ['2019'] },
  procurementItems: { label: '政府集中采购项目数量', unit: 'count', templates: ['2019'] },
  procurementAmount: { label: '政府集中采购总金额（万元）', unit: 'wan', templates: ['2019'] },
} as const satisfies Record<string, ManualKindDef>;
export type ManualEntryKind = keyof typeof MANUAL_ENTRY_KINDS;
export const MANUAL_ENTRY_KIND_CODES = Object.keys(MANUAL_ENTRY_KINDS) as ManualEntryKind[];

export interface ManualEntry {
  id: string;
  unitId: string;
  year: number;
  kind: ManualEntryKind;
  value: number;
  sourceNote: string;
  enteredBy: string | null;
  enteredByName: string | null;
  enteredAt: string;
  importBatch: string | null;
}

export interface ManualEntryRepository {
  get(id: string): Promise<ManualEntry | undefined>;
  insert(e: ManualEntry): Promise<void>;
  update(e: ManualEntry): Promise<void>;
  delete(id: string): Promise<void>;
  list(q: { unitIds: string[]; years?: number[] | undefined; kinds?: string[] | undefined }): Promise<ManualEntry[]>;
  deleteFor(unitId: string, year: number, kind: string): Promise<ManualEntry[]>;
}

/** A value is checked against its kind: whole non-negative counts, non-negative 万元 to four decimals. */
export function manualValueProblem(kind: ManualEntryKind, value: number): string | null {
  if (!Number.isFinite(value)) return '数值必须是数字';
  if (value < 0) return '数值不能为负数';
  if (value > 1e12) return '数值过大，请核对';
  const def: ManualKindDef = MANUAL_ENTRY_KINDS[kind];
  if (def.unit === 'count' && !Number.isInteger(value)) return `“${def.label}”必须是整数`;
  if (def.unit === 'wan' && Math.abs(value * 10000 - Math.round(value * 10000)) > 1e-6) return '金额以万元为单位，最多保留4位小数（即精确到元）';
  return null;
}

const kindEnum = z.enum(MANUAL_ENTRY_KIND_CODES as [ManualEntryKind], { error: `请选择统计项目：${MANUAL_ENTRY_KIND_CODES.map((k) => MANUAL_ENTRY_KINDS[k].label).join('、')}` });

export const manualEntryFields = z.object({
  unitId: z.string({ error: '请选择单位' }).min(1, '请选择单位'),
  year: z.coerce.number({ error: '请填写年度' }).int('年度应为四位数年份').min(2019, '2019年以前的年报使用统计表格式，不需要录入这些数据').max(2100, '年度不正确'),
  kind: kindEnum,
  value: z.coerce.number({ error: '请填写数值' }),
  sourceNote: z.string({ error: '请注明数据来源' }).trim().min(2, '请注明数据来源（如：政务服务网审批系统导出，2025年1月5日）').max(500, '数据来源不能超过500个字'),
});
export type ManualEntryInput = z.input<typeof manualEntryFields>;

export const manualEntrySnapshot = (e: ManualEntry) => ({ ...e });
