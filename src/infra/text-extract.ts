/**
 * The text inside an attachment, for the checks before publication (personal data, wording) and for search.
 * PDF via unpdf (PDF.js built for servers), DOCX via mammoth, XLSX via exceljs (every cell's text), OFD by reading
 * the text nodes of its page XML with jszip (already installed as a dependency of exceljs and mammoth), old binary
 * Word/Excel (.doc/.xls) best effort: runs of UTF-16LE text found in the compound file. Images and unknown types
 * give ''. A damaged or hostile file never throws: it gives '' (or what was read before the problem). Input size,
 * time and output size are bounded so one upload cannot stall the server.
 */
import iconv from 'iconv-lite';

/** Larger files are not read at all (the upload limit is lower; this guards direct callers). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** The text kept: about 1 MB of UTF-16 code units, far more than any check or search snippet needs. */
export const MAX_TEXT_CHARS = 1024 * 1024;
export const EXTRACT_TIMEOUT_MS = 10_000;

type Kind = 'pdf' | 'docx' | 'xlsx' | 'ofd' | 'cfb' | 'text' | 'none';

function kindOf(mime: string, filename: string): Kind {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  const m = mime.toLowerCase();
  if (m === 'application/pdf' || ext === 'pdf') return 'pdf';
  if (m.includes('wordprocessingml') || ext === 'docx') return 'docx';
  if (m.includes('spreadsheetml') || ext === 'xlsx') return 'xlsx';
  if (m === 'application/ofd' || ext === 'ofd') return 'ofd';
  if (m === 'application/msword' || m === 'application/vnd.ms-excel' || m === 'application/x-cfb' || ext === 'doc' || ext === 'xls') return 'cfb';
  if (m.startsWith('text/') || ext === 'txt' || ext === 'csv') return 'text';
  return 'none';
}

export async function extractAttachmentText(data: Buffer, mime: string, filename: string): Promise<string> {
  if (!data || data.length === 0 || data.length > MAX_INPUT_BYTES) return '';
  const kind = kindOf(mime ?? '', filename ?? '');
  if (kind === 'none') return '';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(''), EXTRACT_TIMEOUT_MS);
    timer.unref?.();
  });
  try {
    const text = await Promise.race([extract(kind, data).catch(() => ''), timeout]);
    return normalise(text);
  } catch {
    return '';
  } finally {
    if (timer) clearTimeout(timer);
  }
}

async function extract(kind: Kind, data: Buffer): Promise<string> {
  switch (kind) {
    case 'pdf': return pdfText(data);
    case 'docx': return docxText(data);
    case 'xlsx': return xlsxText(data);
    case 'ofd': return ofdText(data);
    case 'cfb': return cfbText(data);
    case 'text': return plainText(data);
    default: return '';
  }
}

/** Collapses runs of spaces and blank lines, keeps line breaks, caps the length. */
function normalise(s: string): string {
  const t = s.replace(/\r\n?/g, '\n').replace(/[\f\v\u00a0 ]+/g, ' ').replace(/ *\t */g, '	').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return t.length > MAX_TEXT_CHARS ? t.slice(0, MAX_TEXT_CHARS) : t;
}

async function pdfText(data: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  // PDF.js takes ownership of the array it is given: pass a copy so the caller's buffer stays intact.
  const pdf = await getDocumentProxy(new Uint8Array(data), { isEvalSupported: false, stopAtErrors: false });
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return text.join('\n\n');
  } finally {
    await pdf.destroy().catch(() => {});
  }
}

async function docxText(data: Buffer): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.extractRawText({ buffer: data });
  return value;
}

async function xlsxText(data: Buffer): Promise<string> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const lines: string[] = [];
  let size = 0;
  for (const ws of wb.worksheets) {
    lines.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) => {
      if (size > MAX_TEXT_CHARS) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell) => {
        const t = cell.text;
        if (t) cells.push(t);
      });
      const line = cells.join('\t');
      size += line.length;
      lines.push(line);
    });
  }
  return lines.join('\n');
}

/** OFD (GB/T 33190): a zip whose pages are Doc_N/Pages/Page_M/Content.xml with the text in <ofd:TextCode>. */
async function ofdText(data: Buffer): Promise<string> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(data);
  const pageNo = (p: string) => Number(/Page_(\d+)/i.exec(p)?.[1] ?? 0);
  const pages = Object.keys(zip.files)
    .filter((p) => /^Doc_\d+\/Pages\/[^/]+\/Content\.xml$/i.test(p))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }) || pageNo(a) - pageNo(b));
  const out: string[] = [];
  let size = 0;
  for (const p of pages) {
    if (size > MAX_TEXT_CHARS) break;
    const xml = await zip.file(p)!.async('string');
    const parts: string[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?TextCode\b[^>]*>([\s\S]*?)<\/(?:\w+:)?TextCode>/g)) parts.push(xmlUnescape(m[1] ?? ''));
    const page = parts.join('');
    size += page.length;
    out.push(page);
  }
  return out.join('\n\n');
}

function xmlUnescape(s: string): string {
  return s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1').replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'amp') return '&';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  });
}

/**
 * Word 97–2003 / Excel 97–2003 (OLE compound files): best effort without a full parser. Chinese text in these
 * files is stored as UTF-16LE; runs of at least 4 plausible characters (CJK, full-width punctuation, ASCII
 * letters/digits) are kept. Good enough for finding ID numbers and listed phrases, not for display.
 */
async function cfbText(data: Buffer): Promise<string> {
  const runs: string[] = [];
  let cur = '';
  let size = 0;
  const flush = () => {
    if (cur.replace(/\s/g, '').length >= 4) {
      runs.push(cur);
      size += cur.length;
    }
    cur = '';
  };
  for (let i = 0; i + 1 < data.length && size < MAX_TEXT_CHARS; i += 2) {
    const c = data.readUInt16LE(i);
    const plausible =
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x20 && c <= 0x7e) || c === 0x0d || c === 0x0a || c === 0x09;
    if (plausible) cur += c === 0x0d ? '\n' : String.fromCharCode(c);
    else flush();
  }
  flush();
  return runs.join('\n');
}

async function plainText(data: Buffer): Promise<string> {
  if (data.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) return data.subarray(3).toString('utf8');
  const utf8 = data.toString('utf8');
  if (!utf8.includes('\ufffd')) return utf8;
  const chardet = (await import('chardet')).default;
  const enc = chardet.detect(data.subarray(0, 64 * 1024)) ?? 'GB18030';
  return iconv.encodingExists(enc) ? iconv.decode(data, enc) : iconv.decode(data, 'GB18030');
}
