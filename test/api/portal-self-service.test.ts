import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { multipart } from '../support/multipart.js';

const ENGINES = await testEngines();

describe.each(ENGINES)('the applicant\'s progress page on %s', (engine) => {
  let t: TestApp;
  let handler: Client;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    handler = await t.clientWithRole('portal.self', 'caseHandler', 'fgj');
  });
  afterAll(async () => t?.close());

  const form = (url: string, fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.rt.config.publicUrl }, payload: new URLSearchParams(fields).toString() });

  it('offers the correction form when one is asked for, restarts the clock, and downloads the notice', async () => {
    const { application, queryCode } = (await handler.post('/api/v1/applications', {
      unitId: await t.unitId('fgj'), description: '门户补正测试', provisionForm: 'paper', deliveryMethod: 'post', channel: 'inPerson', receivedOn: '2025-03-03',
      applicant: { type: 'natural', name: '赵六', idNumber: '11010519491231002X', phone: '13800138000', address: '安澜市某路6号' },
    })).json();
    const creds = { receiptNo: application.receiptNo, queryCode };
    await handler.post(`/api/v1/applications/${application.id}/actions/requestCorrection`, { on: '2025-03-04', items: '请写明文件年份' });
    const page = await form('/progress', creds);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('提交补正内容');
    expect(page.body).toContain('<label for="correction-text">');
    const short = await form('/progress/correction', { ...creds, text: '短' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('补正内容至少5个字');
    const sent = await form('/progress/correction', { ...creds, text: '需要2024年度的立项批复文件' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('办理中');
    expect(sent.body).toContain('重新起算');
    expect(sent.body).not.toContain('提交补正内容');
    await handler.post(`/api/v1/applications/${application.id}/notices`, { kind: 'receipt' });
    const withNotice = await form('/progress', creds);
    const id = /name="attachmentId" value="([^"]+)"/.exec(withNotice.body)?.[1] as string;
    const pdf = await form('/progress/notice', { ...creds, attachmentId: id });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await form('/progress/notice', { ...creds, queryCode: '00000000', attachmentId: id })).statusCode).toBe(404);
  });
});

describe('online application with a proof of identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  const fields = { type: 'natural', name: '钱七', idNumber: '11010519491231002X', phone: '13800138000', email: 'qq@example.cn', address: '安澜市某路7号', description: '带身份证明的申请', provisionForm: 'email', deliveryMethod: 'email' };
  const submit = (file: { filename: string; content: Buffer }) => {
    const m = multipart({ ...fields, proof: file });
    return t.app.inject({ method: 'POST', url: '/u/fgj/apply', headers: { ...m.headers, origin: t.rt.config.publicUrl }, payload: m.payload });
  };

  it('stores the uploaded proof sealed with the application; a wrong file type is refused with the form kept', async () => {
    const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.from('proof-marker-91'), Buffer.from('ffd9', 'hex')]);
    const ok = await submit({ filename: '身份证.jpg', content: jpeg });
    expect(ok.statusCode).toBe(200);
    const receiptNo = /FGJ-\d{4}-\d{5}/.exec(ok.body)?.[0] as string;
    const app = await t.rt.deps.store.read((r) => r.applications.getByReceiptNo(receiptNo));
    const evidence = await t.rt.deps.store.read((r) => r.attachments.listForOwner('applicationEvidence', app?.id as string));
    expect(evidence).toHaveLength(1);
    const raw = await t.rt.deps.blobs.get(evidence[0]?.sha256 as string);
    expect(raw?.includes(Buffer.from('proof-marker-91'))).toBe(false);
    expect(t.rt.deps.secrets.openBytes(raw as Buffer).equals(jpeg)).toBe(true);
    const bad = await submit({ filename: 'id.exe', content: Buffer.from('MZ') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('身份证明材料：请上传 PDF、JPG 或 PNG 文件');
    expect(bad.body).toContain('带身份证明的申请');
  });
});
