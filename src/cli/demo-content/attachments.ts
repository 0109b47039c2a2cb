/**
 * The demo's attachment files: a handful of real documents made once with the same renderers the platform uses
 * (PDF through the pdfmake worker, DOCX with docx, XLSX with exceljs), their text extracted as at upload, and
 * their bytes stored once: every item that carries one points at the same content-addressed blob.
 */
import type { NoticeDocument } from '../../domain/requests/notices/notice-model.js';
import type { BlobStore } from '../../domain/ports.js';
import { extractAttachmentText } from '../../infra/text-extract.js';
import type { AttachmentKind } from './plan.js';

export interface DemoFile {
  kind: AttachmentKind;
  filename: string;
  mime: string;
  sha256: string;
  size: number;
  text: string;
}

const MIME: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const NAMES: Record<AttachmentKind, string> = { pdf: '文件全文.pdf', docx: '附件1：申请表.docx', xlsx: '附件2：情况汇总表.xlsx' };

function document(): NoticeDocument {
  return {
    kind: 'reply', templateKey: 'demo.attachment', shortName: '文件全文', title: ['安澜市政务公开示范文件'], docNo: '安府办发〔2025〕1号', addressee: '各乡镇人民政府，市直各部门：',
    blocks: [
      { type: 'paragraph', text: '为进一步做好政务公开工作，提高政府工作透明度，保障人民群众依法获取政府信息，现就有关事项通知如下。' },
      { type: 'paragraph', text: '一、各单位要按照《中华人民共和国政府信息公开条例》规定，及时、准确公开政府信息，做到应公开尽公开。' },
      { type: 'paragraph', text: '二、行政规范性文件应当在印发之日起20个工作日内在政府网站公开，并同步发布政策解读。' },
      { type: 'table', rows: [{ label: '联系单位', value: '安澜市人民政府办公室政务公开科' }, { label: '联系电话', value: '0851-86221010' }] },
    ],
    signature: { unitName: '安澜市人民政府办公室', date: '2025年3月10日', seal: '' }, notes: ['（此件公开发布）'], receiptNo: '', issuedOn: '2025-03-10',
  };
}

function applicationForm(): NoticeDocument {
  return {
    ...document(), shortName: '申请表', title: ['补贴（补助）申请表'], docNo: '', addressee: '',
    blocks: [
      { type: 'table', rows: [{ label: '申请人姓名', value: '' }, { label: '所在村（社区）', value: '' }, { label: '申请项目', value: '耕地地力保护补贴 / 学生资助 / 临时救助' }, { label: '申请理由', value: '' }] },
      { type: 'paragraph', text: '本人承诺所填信息真实有效，如有虚假，愿承担相应责任。' },
    ],
    signature: { unitName: '申请人（签字）', date: '年　月　日', seal: '' }, notes: [],
  };
}

async function workbook(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('情况汇总');
  ws.addRow(['序号', '村（社区）', '户数（户）', '人数（人）', '金额（元）']);
  const villages = ['东街社区', '西关村', '河坝村', '石桥村', '龙井村', '桃源村', '杏花村'];
  villages.forEach((v, i) => ws.addRow([i + 1, v, 20 + i * 7, 45 + i * 13, 12000 + i * 3150]));
  ws.addRow(['合计', '', { formula: `SUM(C2:C${villages.length + 1})` }, { formula: `SUM(D2:D${villages.length + 1})` }, { formula: `SUM(E2:E${villages.length + 1})` }]);
  ws.columns.forEach((c) => { c.width = 16; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Makes the three files (PDF in the worker thread, so it overlaps with the database work), stores them, extracts text. */
export async function makeDemoFiles(blobs: BlobStore): Promise<Record<AttachmentKind, DemoFile>> {
  const docs = await import('../../infra/documents/index.js');
  const [pdf, docx, xlsx] = await Promise.all([docs.documentRenderers.pdf(document()), docs.documentRenderers.docx(applicationForm()), workbook()]);
  const out = {} as Record<AttachmentKind, DemoFile>;
  for (const [kind, data] of [['pdf', pdf], ['docx', docx], ['xlsx', xlsx]] as [AttachmentKind, Buffer][]) {
    const { sha256, size } = await blobs.put(data);
    out[kind] = { kind, filename: NAMES[kind], mime: MIME[kind], sha256, size, text: await extractAttachmentText(data, MIME[kind], NAMES[kind]) };
  }
  return out;
}
