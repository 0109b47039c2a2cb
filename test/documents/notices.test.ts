/**
 * Notices (告知书) end to end on SQLite: an application is taken through correction, third-party consultation,
 * extension, fee and a partial-disclosure reply; every notice is generated through the API, stored as DOCX and
 * PDF, downloaded, and read back — the PDF with poppler's pdftotext, the DOCX by converting it with LibreOffice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { buildNoticeApp, on, pdfText, run, tool } from './support.js';

const pdftotext = tool('pdftotext', 'poppler-utils');
const soffice = tool('soffice', 'libreoffice-writer-nogui');

const natural = { type: 'natural', name: '欧阳明月', idType: 'residentId', idNumber: '11010519491231002X', phone: '13800138000', email: 'oy@example.cn', address: '安澜市府前大道100号3单元', postcode: '564700' };
const body = (unitId: string, over: Record<string, unknown> = {}) => ({
  unitId, applicant: natural, description: '2025年度安澜市城区道路改造项目的立项批复文件', documentNo: '安发改投资〔2025〕12号',
  provisionForm: 'email', deliveryMethod: 'email', channel: 'inPerson', receivedOn: '2025-03-03', ...over,
});

interface Generated {
  label: string;
  applicationId: string;
  receiptNo: string;
  kind: string;
  title: string;
  items: { id: string; filename: string; mime: string; url: string }[];
  files: { docx: string; pdf: string };
}

describe('notices (告知书) on sqlite', () => {
  let t: TestApp;
  let notices: FastifyInstance;
  let handler: Client;
  let head: Client;
  let dir: string;
  let queryCode: string;
  let mainId: string;
  let withholdId: string;
  const generated: Generated[] = [];

  const act = async (c: Client, id: string, action: string, payload: Record<string, unknown> = {}) => {
    const res = await c.post(`/api/v1/applications/${id}/actions/${action}`, payload);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const register = async (over: Record<string, unknown> = {}) => {
    const res = await handler.post('/api/v1/applications', body(await t.unitId('fgj'), over));
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as { application: { id: string; receiptNo: string }; queryCode: string };
  };
  const generate = async (label: string, app: { id: string; receiptNo: string }, kind: string) => {
    const res = await on(notices, handler).post(`/api/v1/applications/${app.id}/notices`, { kind });
    if (res.statusCode !== 201) throw new Error(`${label}: ${res.statusCode} ${res.body}`);
    const { notice, items } = res.json();
    const files = { docx: '', pdf: '' };
    for (const item of items as Generated['items']) {
      const dl = await on(notices, handler).get(item.url);
      const ext = item.filename.endsWith('.pdf') ? 'pdf' : 'docx';
      files[ext] = path.join(dir, `${label}.${ext}`);
      fs.writeFileSync(files[ext], dl.rawPayload);
    }
    const g = { label, applicationId: app.id, receiptNo: app.receiptNo, kind, title: notice.title.at(-1), items, files };
    generated.push(g);
    return g;
  };
  const find = (label: string) => generated.find((g) => g.label === label) as Generated;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-notices-'));
    t = await buildTestApp('sqlite');
    notices = await buildNoticeApp(t);
    handler = await t.clientWithRole('handler.notice', 'caseHandler', 'fgj');
    head = await t.clientWithRole('head.notice', 'officeAdmin', 'anlan');

    // One application through every step that produces a notice (rules.md §3).
    const main = await register();
    queryCode = main.queryCode;
    const id = (mainId = main.application.id);
    await generate('receipt', main.application, 'receipt');
    await act(handler, id, 'requestCorrection', { on: '2025-03-05', items: '请明确所需文件的项目名称和年份' });
    await generate('correction', main.application, 'correction');
    await act(handler, id, 'receiveCorrection', { on: '2025-03-10' });
    const consult = await act(handler, id, 'startConsultation', { on: '2025-03-12', kind: 'thirdParty', party: '安澜市城建投资有限公司', matter: '商业报价明细' });
    await generate('thirdParty', main.application, 'thirdParty');
    await act(handler, id, 'receiveConsultationAnswer', { on: '2025-03-18', consultationId: consult.event.data.consultationId, answer: '不同意公开商业报价部分' });
    await act(handler, id, 'requestExtension', { on: '2025-04-01', days: 20, reason: '需调取相关年度档案' });
    await act(head, id, 'approveExtension', { on: '2025-04-02' });
    await generate('extension', main.application, 'extension');
    await act(handler, id, 'issueFeeNotice', { on: '2025-04-03', method: 'perVolume', pages: 150 });
    await generate('fee', main.application, 'fee');
    await act(handler, id, 'recordPayment', { on: '2025-04-08', amountYuan: 1700 });
    await act(handler, id, 'reply', { on: '2025-04-20', outcome: 'partiallyDisclosed', withheld: [{ what: '商业报价明细', ground: 'withheldThirdParty' }] });
    await generate('partial', main.application, 'reply');

    const secret = await register({ description: '某涉密工程的设计图纸' });
    withholdId = secret.application.id;
    await act(handler, withholdId, 'reply', { on: '2025-03-20', outcome: 'withheldStateSecret' });
    await generate('withhold', secret.application, 'reply');

    const elsewhere = await register({ description: '某中学2025年招生计划' });
    await act(handler, elsewhere.application.id, 'transfer', { on: '2025-03-06', toUnitId: await t.unitId('jyj') });
    await generate('notCompetent', elsewhere.application, 'reply');
  }, 300_000);

  afterAll(async () => {
    await notices?.close();
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores every notice with the application as a DOCX and a PDF, listed and downloadable by its handler', async () => {
    expect(generated.map((g) => g.label)).toEqual(['receipt', 'correction', 'thirdParty', 'extension', 'fee', 'partial', 'withhold', 'notCompetent']);
    for (const g of generated) {
      expect(g.items.map((i) => i.mime).sort()).toEqual(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
      expect(fs.readFileSync(g.files.pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(fs.readFileSync(g.files.docx).subarray(0, 2).toString()).toBe('PK');
    }
    const { receiptNo } = find('correction');
    expect(receiptNo).toMatch(/^FGJ-\d{4}-00001$/);
    expect(find('correction').items.map((i) => i.filename).sort()).toEqual([`补正告知书-${receiptNo}.docx`, `补正告知书-${receiptNo}.pdf`]);
    const list = (await on(notices, handler).get(`/api/v1/applications/${mainId}/notices`)).json().items;
    expect(list).toHaveLength(12);
    const dl = await on(notices, handler).get(find('fee').items[0]?.url as string);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(dl.headers['content-disposition']))).toContain(`收费通知书-${receiptNo}`);
    const audit = (await t.admin.get(`/api/v1/audit?entityId=${mainId}`)).json().items.map((e: { action: string }) => e.action);
    expect(audit.filter((a: string) => a === 'application.notice')).toHaveLength(6);
    expect(audit).toContain('application.noticeDownload');
  });

  it.skipIf(!!pdftotext.skip)(`PDF text carries the title, the addressee and the receipt number${pdftotext.skip ? `（跳过：${pdftotext.skip}）` : ''}`, async () => {
    for (const g of generated) {
      const text = await pdfText(pdftotext.path as string, g.files.pdf);
      expect(text, g.label).toContain(g.title);
      expect(text, g.label).toContain(g.receiptNo);
      expect(text, g.label).toContain('安澜市发展和改革局');
      if (g.kind === 'thirdParty') {
        // Addressed to the third party; the applicant's identity is not theirs to know.
        expect(text).toContain('安澜市城建投资有限公司：');
        expect(text).not.toContain('欧阳明月');
        expect(text).toContain('15个工作日');
      } else expect(text, g.label).toContain('欧阳明月：');
    }
  });

  it.skipIf(!!pdftotext.skip)('says what each notice must say (Art. 30, 32, 33, 36, 37; 国办函〔2020〕109号)', async () => {
    const text = async (label: string) => pdfText(pdftotext.path as string, find(label).files.pdf);
    const receipt = await text('receipt');
    expect(receipt).toContain('2025年3月3日');
    expect(receipt).toContain('以提交之日为收到申请之日');
    expect(receipt).toContain('2025年3月31日前');
    expect(receipt).toContain('征求第三方和其他机关意见所需时间不计算在答复期限内');
    // The query code is shown once on screen and never stored in a document.
    expect(receipt).not.toContain(queryCode);
    expect(receipt).toContain('通信地址');
    const correction = await text('correction');
    expect(correction).toContain('请明确所需文件的项目名称和年份');
    expect(correction).toContain('15个工作日内');
    expect(correction).toContain('视为放弃申请');
    // 文号: the unit's prefix, a mark for the kind, the year and serial of the receipt number.
    expect(correction).toContain(`市发改局依申请补〔${find('correction').receiptNo.slice(4, 8)}〕1号`);
    const extension = await text('extension');
    expect(extension).toContain('因需调取相关年度档案');
    expect(extension).toContain('延长20个工作日');
    expect(extension).toMatch(/将于2025年5月\d+日前作出答复/);
    const fee = await text('fee');
    expect(fee).toContain('1700元（大写：壹仟柒佰元整）');
    expect(fee).toContain('按量计收');
    expect(fee).toContain('101–200页：50页×20元=1000元');
    expect(fee).toContain('20个工作日内缴纳');
    expect(fee).toContain('国办函〔2020〕109号');
    const partial = await text('partial');
    expect(partial).toContain('“商业报价明细”');
    expect(partial).toContain('《条例》第十五条');
    expect(partial).toContain('《条例》第三十七条');
    const withhold = await text('withhold');
    expect(withhold).toContain('属于国家秘密');
    expect(withhold).toContain('《条例》第十四条');
    const notCompetent = await text('notCompetent');
    expect(notCompetent).toContain('由安澜市教育局负责公开');
    expect(notCompetent).toContain('第三十六条第（五）项');
    for (const label of ['partial', 'withhold', 'notCompetent']) {
      const reply = await text(label);
      expect(reply, label).toContain('60日内向上一级行政机关或者本级人民政府申请行政复议');
      expect(reply, label).toContain('6个月内向有管辖权的人民法院提起行政诉讼');
    }
  });

  it.skipIf(!!soffice.skip || !!pdftotext.skip)(`every DOCX opens in LibreOffice${soffice.skip ? `（跳过：${soffice.skip}）` : ''}`, async () => {
    const out = path.join(dir, 'lo');
    const profile = path.join(dir, 'lo-profile');
    // One invocation for all files: starting LibreOffice is most of the cost.
    await run(soffice.path as string, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...generated.map((g) => g.files.docx)], { timeout: 180_000 });
    for (const g of generated) {
      const converted = path.join(out, `${g.label}.pdf`);
      expect(fs.existsSync(converted), g.label).toBe(true);
      const text = await pdfText(pdftotext.path as string, converted);
      expect(text, g.label).toContain(g.title);
      expect(text, g.label).toContain(g.receiptNo);
    }
  }, 240_000);

  it('refuses a notice the application has nothing for yet, saying what to do first', async () => {
    const res = await on(notices, handler).post(`/api/v1/applications/${withholdId}/notices`, { kind: 'extension' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('负责人批准');
    const bad = await on(notices, handler).post(`/api/v1/applications/${withholdId}/notices`, { kind: 'poster' });
    expect(bad.statusCode).toBe(400);
  });

  it('another unit cannot see, generate, preview or download them; a supervisor may list but not open them', async () => {
    const other = on(notices, await t.clientWithRole('handler.jyj.notice', 'caseHandler', 'jyj'));
    const g = find('partial');
    expect((await other.post(`/api/v1/applications/${mainId}/notices`, { kind: 'reply' })).statusCode).toBe(404);
    expect((await other.get(`/api/v1/applications/${mainId}/notices`)).statusCode).toBe(404);
    expect((await other.get(g.items[0]?.url as string)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/applications/${mainId}/notices/preview?kind=reply`)).statusCode).toBe(404);
    const sup = on(notices, await t.clientWithRole('sup.notice', 'supervisor', 'anlan'));
    expect((await sup.get(`/api/v1/applications/${mainId}/notices`)).statusCode).toBe(200);
    expect((await sup.get(g.items[0]?.url as string)).statusCode).toBe(403);
    // A notice id from another application is not reachable through this one.
    expect((await on(notices, handler).get(`/api/v1/applications/${withholdId}/notices/${g.items[0]?.id}`)).statusCode).toBe(404);
    expect((await notices.inject({ url: `/api/v1/applications/${mainId}/notices` })).statusCode).toBe(401);
  });

  it('serves the print view as scriptless HTML under its own CSP', async () => {
    const res = await on(notices, handler).get(`/api/v1/applications/${mainId}/notices/preview?kind=reply`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("style-src 'unsafe-inline'");
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).not.toMatch(/<script|javascript:|\son\w+=/i);
    expect(res.body).toContain('政府信息部分公开告知书');
    expect(res.body).toContain('欧阳明月：');
    expect(res.body).toContain('@page');
  });

  it('uses the unit’s own 文号 prefix, remedies bodies and wording; bad placeholders are refused', async () => {
    const fgj = await t.unitId('fgj');
    const url = `/api/v1/units/${fgj}/notice-settings`;
    const settings = { docNoPrefix: '安发改依申请', reconsiderationBody: '安澜市人民政府', court: '安澜市人民法院', templates: { 'reply.withhold': { notes: ['（联系人：办公室 {{联系电话}}）'] } } };
    expect((await on(notices, handler).put(url, settings)).statusCode).toBe(403);
    const bad = await on(notices, head).put(url, { templates: { 'reply.withhold': { body: ['{{申请人}}您好，{{查询码}}'] } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toContain('未知的占位符{{查询码}}');
    expect((await on(notices, head).put(url, settings)).statusCode).toBe(200);
    const got = (await on(notices, handler).get(url)).json();
    expect(got.effective.court).toBe('安澜市人民法院');
    expect(got.placeholders.receipt.map((p: { name: string }) => p.name)).toContain('答复期限');
    const html = (await on(notices, handler).get(`/api/v1/applications/${withholdId}/notices/preview?kind=reply`)).body;
    expect(html).toContain(`安发改依申请〔${find('withhold').receiptNo.slice(4, 8)}〕2号`);
    expect(html).toContain('60日内向安澜市人民政府申请行政复议');
    expect(html).toContain('6个月内向安澜市人民法院提起行政诉讼');
    expect(html).toContain('（联系人：办公室 0851-86222001）');
  });
});
