/** Shapes of the 历史年报导入 API (src/http/api/report-imports.routes.ts) as the admin pages use them. */
import type { AnnualReportDoc, TemplateId } from '../../../domain/annual-report/interchange.js';

export type ImportStatus = 'pending' | 'accepted' | 'discarded';

export interface ImportSummary {
  id: string;
  status: ImportStatus;
  statusLabel: string;
  filename: string;
  encoding: string;
  script: 'traditional' | 'simplified';
  detected: { template: TemplateId; year: number | null; unitName: string | null };
  template: TemplateId;
  year: number | null;
  unitId: string | null;
  unitName?: string | null;
  ownerUnitId: string;
  ownerUnitName?: string;
  readError: string | null;
  findings: { ok: boolean; errors: number; warnings: number } | null;
  acceptedReportId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  uploadedByName: string | null;
  uploadedAt: string;
  version: number;
  cellsRead?: number;
  cellsTotal?: number;
  warningCount?: number;
  correctionCount?: number;
}

export interface Evidence {
  what: string;
  phrase: string;
  offset: number;
}

export interface Correction {
  value: number | null;
  previous: number | null;
  read: number | null;
  by: string;
  at: string;
  note: string;
}

export interface Finding {
  rule: string;
  message: string;
  cells: string[];
}

export interface ImportDetail extends Omit<ImportSummary, 'findings'> {
  unitName: string | null;
  ownerUnitName: string;
  existingReport: { id: string; origin: string; status: string } | null;
  read: { warnings: string[]; evidence: { year: Evidence[]; unit: Evidence[]; template: Evidence[] }; cellsRead: number; cellsTotal: number };
  findings: { ok: boolean; errors: Finding[]; warnings: Finding[]; skipped: number } | null;
  corrections: Record<string, Correction>;
  doc: AnnualReportDoc | null;
  correctedDoc: AnnualReportDoc | null;
  sourceText: string | null;
}

export const TEMPLATE_LABELS: Record<TemplateId, string> = { '2021': '2021 年格式', '2019': '2019 年格式', pre2019: '2019 年以前（附表）' };
