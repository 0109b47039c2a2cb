/**
 * What the report computation asks of storage: one grouped query per table (rules.md §5), each row a set of
 * records that fall in the same cells, so the domain only adds rows up. `ids` (the records behind the group,
 * for drill-down) are fetched only when asked for. `unitIds: null` means every unit (the province-wide batch).
 *
 * Dates that decide the cells (computed in SQL, documented here once):
 * - receipt (Art. 31): the day the application counts as received; after a correction (补正) the day the
 *   corrected application was received, since the reply period only starts then (Art. 30);
 * - closed: the reply date (答复, including 转办 answered under Art. 36(五)), or the day of withdrawal
 *   (撤回, counted under 三（六）3 其他). Applications never confirmed as received (online, Art. 31) are not counted.
 */
import type { ManualEntryKind, ManualEntryRepository } from './manual-entries.js';

export interface ApplicationGroup {
  unitId: string;
  applicantType: string;
  /** received in the year */
  received: boolean;
  /** received before the year and open on 1 January */
  carriedOver: boolean;
  /** received by 31 December and open at its end */
  carriedForward: boolean;
  /** outcome code when closed in the year ('otherOther' for a withdrawal), else null */
  result: string | null;
  n: number;
  ids: string[];
}

/** Table 二 rows 规章 / 行政规范性文件 from published items. */
export interface ItemGroup {
  unitId: string;
  row: 'regulations' | 'normativeDocuments';
  /** published in the year */
  issued: boolean;
  /** 成文日期 in the year (2019 format 本年新制作数量) */
  made: boolean;
  /** repealed (已废止) in the year */
  repealed: boolean;
  /** published by 31 December and neither repealed nor amended by then */
  inForce: boolean;
  n: number;
  ids: string[];
}

export interface CaseGroup {
  unitId: string;
  kind: string;
  column: 'upheld' | 'corrected' | 'other' | 'pending';
  n: number;
  ids: string[];
}

export interface ManualSum {
  unitId: string;
  year: number;
  kind: ManualEntryKind;
  value: number;
  ids: string[];
}

export interface DrillRecord {
  id: string;
  kind: 'application' | 'item' | 'reviewCase' | 'manualEntry';
  /** 受理编号 / 索引号 / 案号 / 统计项目 */
  ref: string | null;
  title: string;
  dates: Record<string, string | null>;
  detail: Record<string, string | number | null>;
}

export interface ReportDataRepository {
  applicationGroups(unitIds: string[] | null, year: number, withIds: boolean): Promise<ApplicationGroup[]>;
  itemGroups(unitIds: string[] | null, year: number, withIds: boolean): Promise<ItemGroup[]>;
  caseGroups(unitIds: string[] | null, year: number, withIds: boolean): Promise<CaseGroup[]>;
  manualSums(unitIds: string[] | null, years: number[], withIds: boolean): Promise<ManualSum[]>;
  /** The records behind a cell, for the drill-down list (at most `limit`, in a stable order). */
  drillRecords(kind: DrillRecord['kind'], ids: string[], limit: number): Promise<DrillRecord[]>;
}

export type { ManualEntryRepository };
