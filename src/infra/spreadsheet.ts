/**
 * Reads the first sheet of an uploaded CSV or XLSX into header-mapped rows. csv-parse handles quoting and
 * BOMs; ExcelJS reads XLSX (including cells typed as numbers or rich text). GBK-encoded CSV from older Excel
 * versions is detected and decoded, since county offices still save CSV that way.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { DomainError } from '../domain/errors.js';

export interface SheetRows {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

export async function readSpreadsheet(data: Buffer, filename: string): Promise<SheetRows> {
  const lower = filename.toLowerCase();
  const isZip = data.length > 4 && data[0] === 0x50 && data[1] === 0x4b;
  if (lower.endsWith('.xlsx') || isZip) {
    if (!isZip) throw new DomainError('UNSUPPORTED_FILE', '文件不是有效的 XLSX 表格，请用 Excel/WPS 另存为 .xlsx 后重试');
    return readXlsx(data);
  }
  if (lower.endsWith('.xls')) throw new DomainError('UNSUPPORTED_FILE', '不支持旧版 .xls 格式，请另存为 .xlsx 或 .csv 后重试');
  return readCsv(data);
}

function decodeText(data: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(data);
  if (!utf8.includes('\uFFFD')) return utf8.replace(/^\uFEFF/, '');
  return new TextDecoder('gb18030').decode(data);
}

function readCsv(data: Buffer): SheetRows {
  if (data.includes(0)) throw new DomainError('UNSUPPORTED_FILE', '文件不是文本格式的 CSV，请检查后重试');
  let records: string[][];
  try {
    records = parse(decodeText(data), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new DomainError('UNSUPPORTED_FILE', `CSV 文件格式有误：${(e as Error).message.slice(0, 100)}`);
  }
  const [headers, ...rest] = records;
  if (!headers) throw new DomainError('VALIDATION', '文件是空的，请按模板填写后再导入');
  return { headers, rows: rest.map((cells, i) => ({ row: i + 2, cells })) };
}

async function readXlsx(data: Buffer): Promise<SheetRows> {
  // ExcelJS takes ~0.5 s to load: only when someone actually imports a spreadsheet.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('UNSUPPORTED_FILE', '无法读取该 XLSX 文件，文件可能已损坏或加密');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new DomainError('VALIDATION', '表格中没有工作表');
  const out: { row: number; cells: string[] }[] = [];
  let headers: string[] | null = null;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    const count = Math.max(row.cellCount, headers?.length ?? 0);
    for (let c = 1; c <= count; c++) cells.push(cellText(row.getCell(c).value));
    if (!headers) headers = cells;
    else if (cells.some((x) => x !== '')) out.push({ row: n, cells });
  });
  if (!headers) throw new DomainError('VALIDATION', '文件是空的，请按模板填写后再导入');
  return { headers, rows: out };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}
