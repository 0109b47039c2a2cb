/**
 * An uploaded historical report under review (历史年报导入, issue 6 item 4). Every upload is kept: the original
 * bytes in the blob store, what the reader made of them, the hand corrections (each with the value it replaced,
 * who and when), and the decision — accepted into a unit's history (annual_reports, origin 'imported') or
 * discarded. A pending review can be resumed by any staff member of the unit's office.
 */
import type { AnnualReportDoc, TemplateId } from '../../annual-report/interchange.js';
import type { Evidence } from '../detect.js';

export const IMPORT_STATUSES = { pending: '待核对', accepted: '已存入年报历史', discarded: '已放弃' } as const;
export type ImportStatus = keyof typeof IMPORT_STATUSES;

/** A cell typed in by a reviewer over what was read. */
export interface ManualCorrection {
  value: number | null;
  /** the value the cell had before this correction (what was read, or an earlier correction) */
  previous: number | null;
  /** the value the reader read from the source (null: not stated) */
  read: number | null;
  by: string;
  at: string;
  note: string;
}

/** What the reader found, apart from the document: shown to the reviewer. */
export interface ReadSummary {
  warnings: string[];
  evidence: { year: Evidence[]; unit: Evidence[]; template: Evidence[] };
  cellsRead: number;
  cellsTotal: number;
}

/** Rules R1–R9 on the document with the corrections applied (messages only: findings about the report). */
export interface ImportFindings {
  ok: boolean;
  errors: { rule: string; message: string; cells: string[] }[];
  warnings: { rule: string; message: string; cells: string[] }[];
  skipped: number;
}

export interface ReportImport {
  id: string;
  ownerUnitId: string;
  unitId: string | null;
  filename: string;
  sourceSha256: string;
  sourceSize: number;
  encoding: string;
  script: 'traditional' | 'simplified';
  detectedTemplate: TemplateId;
  detectedYear: number | null;
  detectedUnitName: string | null;
  template: TemplateId;
  year: number | null;
  /** the document as read; corrections are kept apart and applied on top */
  doc: AnnualReportDoc | null;
  readError: string | null;
  read: ReadSummary;
  findings: ImportFindings | null;
  corrections: Record<string, ManualCorrection>;
  status: ImportStatus;
  acceptedReportId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  uploadedBy: string | null;
  uploadedByName: string | null;
  uploadedAt: string;
  updatedAt: string;
  /** bumped on every change: a stale review cannot overwrite a newer one */
  version: number;
}

export type ReportImportSummary = Omit<ReportImport, 'doc' | 'read' | 'corrections'> & { cellsRead: number; cellsTotal: number; warningCount: number; correctionCount: number };

export interface ReportImportRepository {
  get(id: string): Promise<ReportImport | undefined>;
  /** Imports owned by or targeted at one of the units, newest first. */
  list(q: { unitIds: string[]; status?: ImportStatus | undefined; limit: number }): Promise<ReportImportSummary[]>;
  insert(i: ReportImport): Promise<void>;
  /** Writes only if the version is still the one read; false when another change won. */
  updateIf(i: ReportImport, expectedVersion: number): Promise<boolean>;
}

/** What the reader made of one file (src/infra/report-import/read-file.ts implements it). */
export interface ReadFileResult {
  doc: AnnualReportDoc | null;
  error: string | null;
  template: TemplateId;
  year: number | null;
  unit: string | null;
  script: 'traditional' | 'simplified';
  encoding: string;
  warnings: string[];
  evidence: ReadSummary['evidence'];
  cellsRead: number;
  cellsTotal: number;
  /** the decoded source text the provenance offsets point into */
  sourceText: string;
}

/** Reads stored bytes again (with a chosen year or template); the use cases get it from the caller. */
export type ReportReader = (bytes: Uint8Array, fileName: string, opts: { year?: number | undefined; template?: TemplateId | undefined }) => ReadFileResult;
