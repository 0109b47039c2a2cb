/**
 * The upload half of the CSV/XLSX import routes (units, wording dictionary, report statistics): one file part
 * plus plain form fields in a multipart body, read into header + rows by readSpreadsheet. What the rows mean
 * stays with each route.
 */
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { readSpreadsheet, type SheetRows } from '../../infra/spreadsheet.js';

/** The uploaded sheet and the other form fields (as strings) of a multipart import request. */
export async function readImportUpload(req: FastifyRequest): Promise<{ sheet: SheetRows; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new DomainError('VALIDATION', '请上传 CSV 或 XLSX 文件', { fields: [{ path: 'file', message: '请选择文件' }] });
  let file: { name: string; data: Buffer } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (file) throw new DomainError('VALIDATION', '一次只能导入一个文件');
      file = { name: part.filename, data: await part.toBuffer() };
    } else fields[part.fieldname] = String(part.value);
  }
  if (!file || file.data.length === 0) throw new DomainError('VALIDATION', '请选择要导入的文件', { fields: [{ path: 'file', message: '请选择文件' }] });
  return { sheet: await readSpreadsheet(file.data, file.name), fields };
}

/**
 * Each sheet row as named values, by a column map from header mapping (`map[i]` is the key of column i, or
 * null for a column the import does not know). Missing cells read as ''.
 */
export function rowsByColumnMap(sheet: SheetRows, map: readonly (string | null | undefined)[]): { row: number; values: Record<string, string> }[] {
  return sheet.rows.map((r) => {
    const values: Record<string, string> = {};
    map.forEach((key, i) => {
      if (key) values[key] = r.cells[i] ?? '';
    });
    return { row: r.row, values };
  });
}
