/**
 * Reading a report file: bytes decoded (decode.ts), read by the pure reader with OpenCC for the script, then
 * checked with the consistency rules R1–R9 — findings about the report, kept apart from reading warnings.
 */
import type { TemplateId } from '../../domain/annual-report/interchange.js';
import { validateAnnualReport, type ValidationResult } from '../../domain/annual-report/validate.js';
import { readReport, type ReadReportResult } from '../../domain/imports/read-report.js';
import { decodeReport } from './decode.js';
import { toSimplified } from './script.js';

export interface ImportOptions {
  unit?: string | undefined;
  year?: number | undefined;
  template?: TemplateId | undefined;
}

export interface ImportedReport extends ReadReportResult {
  file: string;
  encoding: string;
  /** the decoded text of the file (shown beside the reading; decoding twice is avoided) */
  text: string;
  bytes: number;
  /** rules R1–R9 on what was read: findings about the report, not reading problems (null: nothing to check) */
  validation: ValidationResult | null;
}

export function importReportBytes(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}): ImportedReport {
  const decoded = decodeReport(bytes);
  const r = readReport(decoded.text, { fileName, encoding: decoded.encoding, toSimplified, unit: opts.unit, year: opts.year, template: opts.template });
  const validation = r.doc ? validateAnnualReport(r.doc) : null;
  return { ...r, file: fileName, encoding: decoded.encoding, text: decoded.text, bytes: bytes.byteLength, validation };
}
