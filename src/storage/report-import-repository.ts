/** 历史年报导入 records (0010-report-imports): uploaded report files, what was read, corrections and the decision. */
import type { Kysely, Transaction } from 'kysely';
import type { TemplateId } from '../domain/annual-report/interchange.js';
import type { ImportStatus, ReportImport, ReportImportRepository, ReportImportSummary } from '../domain/imports/review/model.js';
import type { Database, Row } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;

type HeadRow = Omit<Row<'report_imports'>, 'doc_json'>;

const HEAD_COLUMNS = [
  'id', 'owner_unit_id', 'unit_id', 'filename', 'source_sha256', 'source_size', 'encoding', 'script', 'detected_template', 'detected_year',
  'detected_unit_name', 'template', 'year', 'read_error', 'read_json', 'findings_json', 'corrections_json', 'status', 'accepted_report_id',
  'decided_by', 'decided_at', 'uploaded_by', 'uploaded_by_name', 'uploaded_at', 'updated_at', 'version',
] as const;

const num = (v: number | null) => (v === null ? null : Number(v));

function headFromRow(r: HeadRow): Omit<ReportImport, 'doc'> {
  return {
    id: r.id, ownerUnitId: r.owner_unit_id, unitId: r.unit_id, filename: r.filename, sourceSha256: r.source_sha256, sourceSize: Number(r.source_size),
    encoding: r.encoding, script: r.script as ReportImport['script'], detectedTemplate: r.detected_template as TemplateId,
    detectedYear: num(r.detected_year), detectedUnitName: r.detected_unit_name, template: r.template as TemplateId, year: num(r.year),
    readError: r.read_error, read: JSON.parse(r.read_json), findings: r.findings_json ? JSON.parse(r.findings_json) : null,
    corrections: JSON.parse(r.corrections_json), status: r.status as ImportStatus, acceptedReportId: r.accepted_report_id,
    decidedBy: r.decided_by, decidedAt: r.decided_at, uploadedBy: r.uploaded_by, uploadedByName: r.uploaded_by_name,
    uploadedAt: r.uploaded_at, updatedAt: r.updated_at, version: Number(r.version),
  };
}

const toRow = (i: ReportImport): Row<'report_imports'> => ({
  id: i.id, owner_unit_id: i.ownerUnitId, unit_id: i.unitId, filename: i.filename, source_sha256: i.sourceSha256, source_size: i.sourceSize,
  encoding: i.encoding, script: i.script, detected_template: i.detectedTemplate, detected_year: i.detectedYear,
  detected_unit_name: i.detectedUnitName, template: i.template, year: i.year, doc_json: i.doc ? JSON.stringify(i.doc) : null,
  read_error: i.readError, read_json: JSON.stringify(i.read), findings_json: i.findings ? JSON.stringify(i.findings) : null,
  corrections_json: JSON.stringify(i.corrections), status: i.status, accepted_report_id: i.acceptedReportId, decided_by: i.decidedBy,
  decided_at: i.decidedAt, uploaded_by: i.uploadedBy, uploaded_by_name: i.uploadedByName, uploaded_at: i.uploadedAt,
  updated_at: i.updatedAt, version: i.version,
});

export function reportImportRepository(q: Q): ReportImportRepository {
  return {
    async get(id) {
      const r = await q.selectFrom('report_imports').selectAll().where('id', '=', id).executeTakeFirst();
      return r && { ...headFromRow(r), doc: r.doc_json ? JSON.parse(r.doc_json) : null };
    },
    async list({ unitIds, status, limit }) {
      if (unitIds.length === 0) return [];
      let qb = q.selectFrom('report_imports').select([...HEAD_COLUMNS])
        .where((eb) => eb.or([eb('owner_unit_id', 'in', unitIds), eb('unit_id', 'in', unitIds)]));
      if (status) qb = qb.where('status', '=', status);
      const rows = await qb.orderBy('uploaded_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r): ReportImportSummary => {
        const { read, corrections, ...head } = headFromRow(r);
        return { ...head, cellsRead: read.cellsRead, cellsTotal: read.cellsTotal, warningCount: read.warnings.length, correctionCount: Object.keys(corrections).length };
      });
    },
    async insert(i) {
      await q.insertInto('report_imports').values(toRow(i)).execute();
    },
    async updateIf(i, expectedVersion) {
      const { id: _id, owner_unit_id: _o, source_sha256: _s, uploaded_at: _u, ...set } = toRow(i);
      const res = await q.updateTable('report_imports').set(set).where('id', '=', i.id).where('version', '=', expectedVersion).executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}
