/**
 * The stored annual report (政府信息公开工作年度报告, Art. 49–50): one per unit and year, holding the interchange
 * document (tables and narrative) and its workflow position. report-import writes imported history through the
 * same repository with origin 'imported'.
 */
import type { AnnualReportDoc } from './interchange.js';
import type { ReportStatus } from './workflow-status.js';

/** A cell typed in by staff in this report (not computed from records), with why. */
export interface ManualCell {
  value: number | null;
  note: string;
  by: string | null;
  at: string;
}

export interface AnnualReport {
  id: string;
  unitId: string;
  year: number;
  template: string;
  status: ReportStatus;
  origin: 'computed' | 'imported';
  doc: AnnualReportDoc;
  /** Cell path → value typed in; applied over the computed document on every refresh. */
  manualCells: Record<string, ManualCell>;
  /** Cell paths computed from records (read-only in the editor, each with a drill-down). */
  computedCells: string[];
  computedAt: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  returnComment: string | null;
  publishedAt: string | null;
  /** Bumped on every write: a stale editor cannot overwrite a newer version. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AnnualReportEvent {
  id: string;
  reportId: string;
  seq: number;
  action: string;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus;
  at: string;
  actorId: string | null;
  actorName: string | null;
  comment: string | null;
}

/**
 * A deadline setting. scope 'own': the unit's own report; scope 'townships': the default for the townships
 * and streets below a government (Art. 49 leaves townships' deadline to local rules).
 */
export interface ReportDeadline {
  id: string;
  unitId: string;
  scope: 'own' | 'townships';
  /** 'MM-DD' of the year after the report year. */
  dueMonthDay: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface AnnualReportRepository {
  get(id: string): Promise<AnnualReport | undefined>;
  getByUnitYear(unitId: string, year: number): Promise<AnnualReport | undefined>;
  /** Every report of a year, optionally only for some units. */
  listForYear(year: number, unitIds?: string[]): Promise<AnnualReport[]>;
  /** A unit's reports, newest year first (without the document: a summary). */
  listForUnit(unitId: string): Promise<Omit<AnnualReport, 'doc' | 'manualCells' | 'computedCells'>[]>;
  insert(r: AnnualReport): Promise<void>;
  /** Writes only if status and version are still as read; false when another change won. Increments nothing: pass the new version. */
  updateIf(r: AnnualReport, expected: { status: ReportStatus; version: number }): Promise<boolean>;
  appendEvent(e: AnnualReportEvent): Promise<void>;
  events(reportId: string): Promise<AnnualReportEvent[]>;
  listDeadlines(): Promise<ReportDeadline[]>;
  putDeadline(d: ReportDeadline): Promise<void>;
  deleteDeadline(unitId: string, scope: ReportDeadline['scope']): Promise<void>;
  /** Fees actually paid in the year (recorded payments, 国办函〔2020〕109号), in yuan, for section 六. */
  feesCollectedYuan(unitId: string, year: number): Promise<{ amountYuan: number; payments: number }>;
}
