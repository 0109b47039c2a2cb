import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { pdfWorker } from '../../src/infra/documents/pdf-worker.js';
import { DEBIAN_NOTO } from '../../src/infra/documents/render-pdf.js';
import { extractAttachmentText, MAX_TEXT_CHARS } from '../../src/infra/text-extract.js';
import { findPersonalData } from '../../src/domain/publications/checks/personal-data.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ID = '11010519491231002X'; // a number with a valid GB 11643 check character (test data, no real person)

describe('extractAttachmentText', () => {
  it('reads the Chinese text of a PDF', async () => {
    const pdf = await pdfWorker(DEBIAN_NOTO).render(
      { content: [{ text: '关于公布2024年度财政预算的通知' }, { text: `联系人身份证号：${ID}` }], defaultStyle: { font: 'NotoSansSC' } },
      { fontSize: 9, margin: [0, 0, 0, 0] },
    );
    const text = await extractAttachmentText(pdf, PDF, '通知.pdf');
    expect(text.replace(/\s/g, '')).toContain('关于公布2024年度财政预算的通知');
    expect(findPersonalData(text).map((h) => h.rule)).toContain('idCard');
  }, 30_000);

  it('reads a DOCX', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('安澜市发展和改革局')] }), new Paragraph('联系电话13912345678')] }] });
    const data = await Packer.toBuffer(doc);
    const text = await extractAttachmentText(data, DOCX, '附件.docx');
    expect(text).toContain('安澜市发展和改革局');
    expect(text).toContain('13912345678');
  });

  it('reads every cell of every sheet of an XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRows([['姓名', '身份证号'], ['张某', ID]]);
    wb.addWorksheet('汇总').addRow(['合计', 1]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const text = await extractAttachmentText(data, XLSX, '名单.xlsx');
    expect(text).toContain('名单');
    expect(text).toContain(`张某\t${ID}`);
    expect(text).toContain('合计\t1');
  });

  it('reads the text codes of an OFD, page by page', async () => {
    const zip = new JSZip();
    zip.file('OFD.xml', '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>');
    const page = (t: string) => `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer><ofd:TextObject ID="1"><ofd:TextCode X="0" Y="0">${t}</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`;
    zip.file('Doc_0/Pages/Page_1/Content.xml', page('第二页 &amp; 附表'));
    zip.file('Doc_0/Pages/Page_0/Content.xml', page('安澜市人民政府办公室文件'));
    const data = await zip.generateAsync({ type: 'nodebuffer' });
    const text = await extractAttachmentText(data, 'application/ofd', '文件.ofd');
    expect(text).toBe('安澜市人民政府办公室文件\n\n第二页 & 附表');
  });

  it('finds UTF-16 text in an old binary Word file (best effort)', async () => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const data = Buffer.concat([header, Buffer.from('\u0001\u0002', 'utf16le'), Buffer.from('政府信息公开工作年度报告', 'utf16le'), Buffer.alloc(8)]);
    expect(await extractAttachmentText(data, 'application/msword', '报告.doc')).toBe('政府信息公开工作年度报告');
  });

  it('decodes GB18030 plain text', async () => {
    const iconv = (await import('iconv-lite')).default;
    expect(await extractAttachmentText(iconv.encode('政务公开要点，'.repeat(20), 'gb18030'), 'text/plain', 'a.txt')).toContain('政务公开要点');
  });

  it('gives an empty string for images, unknown types and damaged files, never an exception', async () => {
    const junk = Buffer.from('%PDF-1.7 this is not really a pdf');
    expect(await extractAttachmentText(junk, PDF, 'bad.pdf')).toBe('');
    expect(await extractAttachmentText(Buffer.from('PK\u0003\u0004broken'), DOCX, 'bad.docx')).toBe('');
    expect(await extractAttachmentText(Buffer.from('PK\u0003\u0004broken'), XLSX, 'bad.xlsx')).toBe('');
    expect(await extractAttachmentText(Buffer.from('PK\u0003\u0004broken'), 'application/ofd', 'bad.ofd')).toBe('');
    expect(await extractAttachmentText(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png', 'a.png')).toBe('');
    expect(await extractAttachmentText(Buffer.alloc(0), PDF, 'empty.pdf')).toBe('');
  });

  it('caps the text it returns', async () => {
    const big = Buffer.from('公开'.repeat(MAX_TEXT_CHARS), 'utf8');
    const text = await extractAttachmentText(big, 'text/plain', 'big.txt');
    expect(text.length).toBe(MAX_TEXT_CHARS);
  });
});
