/**
 * The R1–R9 result of a stored report (validate.ts), with the context the rules need: the previous year's
 * report of the same unit (R5, R7) and whether fee records exist (R8). Errors block submission and publication.
 */
import type { Repos } from '../ports.js';
import type { AnnualReportDoc } from './interchange.js';
import { validateAnnualReport } from './validate.js';
import type { AnnualReport } from './workflow-record.js';

export type ReportValidation = ReturnType<typeof validateAnnualReport>;

export function validateDoc(doc: AnnualReportDoc, previous: AnnualReportDoc | null, fees: { amountYuan: number; payments: number } | null = null): ReportValidation {
  return validateAnnualReport(doc, { previous, feeRecords: fees ? { exist: fees.payments > 0, amountWan: fees.amountYuan / 10_000 } : null });
}

export async function validateStoredReport(r: Repos, report: AnnualReport): Promise<ReportValidation> {
  const [prev, fees] = await Promise.all([r.annualReports.getByUnitYear(report.unitId, report.year - 1), r.annualReports.feesCollectedYuan(report.unitId, report.year)]);
  return validateDoc(report.doc, prev?.doc ?? null, fees);
}
