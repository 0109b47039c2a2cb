/** Shapes of the 年度报告 API (src/http/api/reports.routes.ts), types taken from the domain where they exist. */
import type { AnnualReportDoc } from '../../../domain/annual-report/interchange';
import type { StatusRow } from '../../../domain/annual-report/rollup-board';
import type { RuleCheck, ValidationResult } from '../../../domain/annual-report/validate-core';
import type { AnnualReportEvent, ManualCell } from '../../../domain/annual-report/workflow-record';
import type { ReportStatus } from '../../../domain/annual-report/workflow-status';

export type { AnnualReportDoc, RuleCheck, ValidationResult, ReportStatus, StatusRow };

export interface ReportRecord {
  id: string;
  unitId: string;
  year: number;
  template: string;
  status: ReportStatus;
  statusLabel: string;
  origin: 'computed' | 'imported';
  doc: AnnualReportDoc;
  manualCells: Record<string, ManualCell>;
  computedCells: string[];
  computedAt: string | null;
  returnComment: string | null;
  publishedAt: string | null;
  version: number;
}

export interface ReportDetail {
  report: ReportRecord;
  unit: { id: string; name: string; slug: string; type: string };
  supervisor: { id: string; name: string } | null;
  deadline: StatusRow;
  events: AnnualReportEvent[];
  validation: ValidationResult;
  actions: { action: string; label: string }[];
  mayEdit: boolean;
  mayRefresh: boolean;
  previous: { id: string; year: number; status: string; narrative: AnnualReportDoc['narrative'] } | null;
}

export interface ComparisonCell {
  path: string;
  label: string;
  previous: number | null;
  current: number | null;
  change: number | null;
  percent: number | null;
  text: string;
}

export interface Board {
  unit: { id: string; name: string };
  year: number;
  today: string;
  own: StatusRow;
  rows: StatusRow[];
  counts: Record<string, number>;
  mayDecide: boolean;
}

export interface Summary {
  unit: { id: string; name: string };
  year: number;
  template: string;
  doc: AnnualReportDoc;
  validation: ValidationResult;
  included: { unitId: string; unitName: string }[];
  notIncluded: { unitId: string; unitName: string; status: string }[];
  nullCells: { path: string; unitIds: string[] }[];
  excluded: { unitId: string; unitName: string; template: string }[];
  breakdown: {
    columns: { path: string; label: string; total: number | null }[];
    rows: { unitId: string; unitName: string; cells: Record<string, { value: number | null; sharePct: number | null }> }[];
  };
}

export const STATUS_COLORS: Record<string, string> = {
  notStarted: 'default', draft: 'processing', submitted: 'gold', returned: 'volcano', accepted: 'cyan', published: 'green',
};

/** The last full year: the report being prepared in January–March. */
export const defaultReportYear = () => new Date().getFullYear() - 1;
