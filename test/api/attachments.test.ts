import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { multipart } from '../support/multipart.js';

const ENGINES = await testEngines();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe.each(ENGINES)('guide attachments and the content-addressed store on %s', (engine) => {
  let t: TestApp;
  let fgj: string;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
  });
  afterAll(async () => t?.close());

  const upload = (client = t.admin, unitId = fgj, filename = '政府信息公开申请表.pdf', content = PDF) =>
    client.raw({ method: 'POST', url: `/api/v1/units/${unitId}/attachments`, ...multipart({ file: { filename, content } }) });

  it('stores a PDF once by content and serves it as a download', async () => {
    const first = await upload();
    expect(first.statusCode).toBe(201);
    const second = await upload(t.admin, fgj, '申请表（副本）.pdf');
    expect(second.json().sha256).toBe(first.json().sha256);
    const blobs: string[] = [];
    for await (const h of t.rt.deps.blobs.list()) blobs.push(h);
    expect(blobs).toEqual([first.json().sha256]);
    const dl = await t.app.inject({ url: first.json().url });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''%E6%94%BF");
    expect(dl.headers['content-security-policy']).toContain('sandbox');
    const list = (await t.admin.get(`/api/v1/units/${fgj}/attachments`)).json().items;
    expect(list.map((a: { filename: string }) => a.filename)).toEqual(['政府信息公开申请表.pdf', '申请表（副本）.pdf']);
  });

  it('accepts real OOXML, refuses content that lies about its type', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').addRow(['申请人', '联系电话']);
    expect((await upload(t.admin, fgj, '登记表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).statusCode).toBe(201);
    const html = await upload(t.admin, fgj, '通知.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(415);
    expect(html.json().error.message).toContain('不符');
    const exe = await upload(t.admin, fgj, 'setup.exe', Buffer.from('MZ\x90\x00'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toContain('不支持上传 .exe');
  });

  it('strips paths from names and refuses other units', async () => {
    const res = await upload(t.admin, fgj, '../../etc/公开指南.pdf');
    expect(res.json().filename).toBe('公开指南.pdf');
    const officer = await t.clientWithRole('att.officer', 'infoOfficer', 'jyj');
    expect([403, 404]).toContain((await upload(officer, fgj)).statusCode);
    expect([403, 404]).toContain((await officer.del(`/api/v1/attachments/${res.json().id}`)).statusCode);
    expect((await t.admin.del(`/api/v1/attachments/${res.json().id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ url: res.json().url })).statusCode).toBe(404);
  });
});
