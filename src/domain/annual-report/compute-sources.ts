/**
 * What the report computation asks of storage: one grouped query per table (rules.md §5), each row a set of
 * records that fall in the same cells, so the domain only adds rows up. `ids` (the records behind the group,
 * for drill-down) are fetched only when asked for. `unitIds: null` means every unit (the province-wide batch).
 * Without drill-down the applications and items come as counts per cell row (one SUM(CASE …) per cell, as a
 * person would count by hand), so a province of 10,000 units is a few tens of thousands of rows, not a group per cell.
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

/** Without drill-down: one unit's applications of one applicant type, counted per row of table 三. */
export interface ApplicationCounts {
  unitId: string;
  applicantType: string;
  received: number;
  carriedOver: number;
  carriedForward: number;
  /** closed in the year, per outcome code ('otherOther' for a withdrawal); only codes with a count */
  results: [code: string, n: number][];
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

/** Without drill-down: one unit's items of a row, counted per column (same meanings as ItemGroup's flags). */
export interface ItemCounts {
  unitId: string;
  row: 'regulations' | 'normativeDocuments';
  issued: number;
  made: number;
  repealed: number;
  inForce: number;
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

/** A unit as the report names it (the batch reads only these columns, not whole unit records). */
export interface ReportUnit {
  id: string;
  name: string;
  code: string | null;
}

export interface ReportDataRepository {
  /** Every unit (or the listed ones) in the units list's order (sort order, then name). */
  reportUnits(unitIds: string[] | null): Promise<ReportUnit[]>;
  /** Records grouped by the cells they fall in, with the ids behind each group when `withIds` (drill-down). */
  applicationGroups(unitIds: string[] | null, year: number, withIds: boolean): Promise<ApplicationGroup[]>;
  itemGroups(unitIds: string[] | null, year: number, withIds: boolean): Promise<ItemGroup[]>;
  /** The same figures as counts per row (no ids): the form for reports without drill-down and the batch. */
  applicationCounts(unitIds: string[] | null, year: number): Promise<ApplicationCounts[]>;
  itemCounts(unitIds: string[] | null, year: number): Promise<ItemCounts[]>;
  caseGroups(unitIds: string[] | null, year: number, withIds: boolean): Promise<CaseGroup[]>;
  manualSums(unitIds: string[] | null, years: number[], withIds: boolean): Promise<ManualSum[]>;
  /** The records behind a cell, for the drill-down list (at most `limit`, in a stable order). */
  drillRecords(kind: DrillRecord['kind'], ids: string[], limit: number): Promise<DrillRecord[]>;
}

export type { ManualEntryRepository };
