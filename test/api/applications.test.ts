import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { multipart } from '../support/multipart.js';

const ENGINES = await testEngines();

const ID = '11010519491231002X';
const PHONE = '13800138000';
const natural = { type: 'natural', name: '欧阳明月', idType: 'residentId', idNumber: ID, phone: PHONE, email: 'oy@example.cn', address: '安澜市府前大道100号3单元', postcode: '564700' };
const body = (unitId: string, over: Record<string, unknown> = {}) => ({
  unitId, applicant: natural, description: '2025年度安澜市城区道路改造项目的立项批复文件', documentNo: '安发改投资〔2025〕12号',
  provisionForm: 'email', deliveryMethod: 'email', channel: 'inPerson', receivedOn: '2025-03-03', ...over,
});

describe.each(ENGINES)('applications (依申请公开) on %s', (engine) => {
  let t: TestApp;
  let handler: Client;
  let head: Client;
  let fgj: string;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    handler = await t.clientWithRole('handler.fgj', 'caseHandler', 'fgj');
    head = await t.clientWithRole('head.gkb', 'officeAdmin', 'anlan');
  });
  afterAll(async () => t?.close());

  const act = (c: Client, id: string, action: string, payload: Record<string, unknown> = {}) => c.post(`/api/v1/applications/${id}/actions/${action}`, payload);

  it('registers an in-person application as received on the day submitted, with a due date and a query code', async () => {
    const res = await handler.post('/api/v1/applications', body(fgj));
    expect(res.statusCode).toBe(201);
    const { application, queryCode } = res.json();
    expect(application.receiptNo).toMatch(/^FGJ-\d{4}-00001$/);
    expect(application.status).toBe('received');
    expect(application.replyDue).toBe('2025-03-31');
    expect(application.applicant).toBe('欧***');
    expect(queryCode).toMatch(/^\d{8}$/);
  });

  it('refuses a bad ID number, a missing contact route, and a purpose is never asked for', async () => {
    const res = await handler.post('/api/v1/applications', body(fgj, { applicant: { ...natural, idNumber: '110105194912310021', email: '', address: '' } }));
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields['applicant.idNumber']).toContain('校验位');
    expect(fields['applicant.address']).toContain('通信地址或电子邮箱');
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const fieldsAsked = Object.keys(doc.paths['/api/v1/public/applications'].post.requestBody.content['application/json'].schema.properties);
    expect(fieldsAsked.sort()).toEqual(['applicant', 'deliveryMethod', 'description', 'documentNo', 'provisionForm', 'unitId']);
  });

  it('runs the statute: correction restarts the clock, consultation pauses it, the head approves an extension, partial disclosure is served', async () => {
    const { application } = (await handler.post('/api/v1/applications', body(fgj, { receivedOn: '2025-03-03', description: '城区道路改造项目环评报告' }))).json();
    const id = application.id;
    expect((await act(handler, id, 'requestCorrection', { on: '2025-03-05', items: '请明确项目名称和所需文件的年份' })).statusCode).toBe(200);
    let detail = (await handler.get(`/api/v1/applications/${id}`)).json();
    expect(detail.replyDue).toBeNull();
    expect((await act(handler, id, 'receiveCorrection', { on: '2025-03-10' })).statusCode).toBe(200);
    detail = (await handler.get(`/api/v1/applications/${id}`)).json();
    expect(detail.replyDue).toBe('2025-04-08');
    const consult = (await act(handler, id, 'startConsultation', { on: '2025-03-12', kind: 'thirdParty', party: '安澜市城建投资有限公司' })).json();
    expect(consult.application.status).toBe('consulting');
    expect((await handler.get(`/api/v1/applications/${id}`)).json().replyDue).toBeNull(); // clock stopped
    const consultationId = consult.event.data.consultationId;
    expect((await act(handler, id, 'receiveConsultationAnswer', { on: '2025-03-18', consultationId, answer: '不同意公开其中的商业报价部分' })).statusCode).toBe(200);
    detail = (await handler.get(`/api/v1/applications/${id}`)).json();
    expect(detail.replyDue).toBe('2025-04-15'); // 04-08 plus the 5 working days of 03-12..03-18 not counted
    expect(detail.clock.steps.map((s: { text: string }) => s.text).join('\n')).toContain('不计入答复期限');
    expect((await act(handler, id, 'requestExtension', { on: '2025-04-01', days: 20, reason: '需调取档案' })).statusCode).toBe(200);
    // Art. 33: only the head of the disclosure office may approve.
    expect((await act(handler, id, 'approveExtension', { on: '2025-04-02' })).statusCode).toBe(403);
    expect((await act(head, id, 'approveExtension', { on: '2025-04-02' })).statusCode).toBe(200);
    detail = (await handler.get(`/api/v1/applications/${id}`)).json();
    expect(detail.replyDue).toBe('2025-05-15'); // +20 working days across Labour Day and the 04-27 make-up Sunday
    const partialWithoutGround = await act(handler, id, 'reply', { on: '2025-04-20', outcome: 'partiallyDisclosed' });
    expect(partialWithoutGround.statusCode).toBe(400);
    expect(partialWithoutGround.json().error.message).toContain('第三十七条');
    const replied = await act(handler, id, 'reply', { on: '2025-04-20', outcome: 'partiallyDisclosed', withheld: [{ what: '商业报价明细', ground: 'withheldThirdParty' }] });
    expect(replied.statusCode).toBe(200);
    expect(replied.json().application.outcomeLabel).toBe('部分公开');
    expect((await act(handler, id, 'serve', { on: '2025-04-21', method: 'post' })).statusCode).toBe(200);
    expect((await act(handler, id, 'archive', { on: '2025-04-22' })).statusCode).toBe(200);
    const illegal = await act(handler, id, 'reply', { outcome: 'disclosed' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.message).toContain('已归档');
    detail = (await handler.get(`/api/v1/applications/${id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['register', 'requestCorrection', 'receiveCorrection', 'startConsultation', 'receiveConsultationAnswer', 'requestExtension', 'approveExtension', 'reply', 'serve', 'archive']);
  });

  it('of two concurrent transitions on one application only one wins', async () => {
    const { application } = (await handler.post('/api/v1/applications', body(fgj, { description: '并发测试申请' }))).json();
    // Each is legal from 已收到 but not after any of the others: whichever commits first wins.
    const results = await Promise.all([1, 2, 3].map((i) => act(handler, application.id, 'requestCorrection', { items: `补正事项${i}` })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(2);
    const events = (await handler.get(`/api/v1/applications/${application.id}`)).json().events;
    expect(events).toHaveLength(2);
  });

  it('online applications wait for confirmation (Art. 31), then the clock starts on the confirmation day', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/applications', payload: { ...body(fgj), channel: undefined, receivedOn: undefined } });
    expect(res.statusCode).toBe(201);
    const { receiptNo, queryCode, status } = res.json();
    expect(status).toBe('registered');
    const progress = (code: string) => t.app.inject({ method: 'POST', url: '/api/v1/public/applications/progress', payload: { receiptNo, queryCode: code } });
    expect((await progress('00000000')).statusCode).toBe(404);
    expect((await progress(queryCode)).json().statusLabel).toBe('待确认收到');
    const queue = (await handler.get(`/api/v1/applications?unitId=${fgj}`)).json().items;
    const item = queue.find((a: { receiptNo: string }) => a.receiptNo === receiptNo);
    expect(item.urgency).toBe('stopped');
    await act(handler, item.id, 'confirmReceipt', { on: '2025-09-26' });
    const p = (await progress(queryCode)).json();
    expect(p.replyDue).toBe('2025-10-30');
    expect(p.steps.map((s: { text: string }) => s.text).join('')).toContain('双方确认之日');
  });

  it('transfers to the competent unit: the sender answers 本机关不掌握, the receiver gets a linked application', async () => {
    const { application, queryCode } = (await handler.post('/api/v1/applications', body(fgj, { description: '某学校的招生计划' }))).json();
    const res = await act(handler, application.id, 'transfer', { toUnitId: await t.unitId('jyj'), reason: '属教育局职责' });
    // The applicant's original receipt and code now also show the receiving unit's handling.
    const progress = (await t.app.inject({ method: 'POST', url: '/api/v1/public/applications/progress', payload: { receiptNo: application.receiptNo, queryCode } })).json();
    expect(progress.transferredTo.unitName).toBe('安澜市教育局');
    expect(progress.transferredTo.statusLabel).toBe('已收到');
    expect(res.statusCode).toBe(200);
    expect(res.json().application.outcome).toBe('unavailableNotHeld');
    expect(res.json().created.unitId).toBe(await t.unitId('jyj'));
    // The sender's handler cannot see the receiver's copy.
    expect((await handler.get(`/api/v1/applications/${res.json().created.id}`)).statusCode).toBe(404);
  });

  it('flags a repeated application by the same applicant (重复申请)', async () => {
    const first = (await handler.post('/api/v1/applications', body(fgj, { description: '安澜市2024年财政预算执行报告' }))).json();
    const again = (await handler.post('/api/v1/applications', body(fgj, { description: '安澜市 2024 年财政预算执行报告。' }))).json();
    expect(again.possibleDuplicates.map((d: { receiptNo: string }) => d.receiptNo)).toEqual([first.application.receiptNo]);
    expect(again.application.duplicateOf).toBe(first.application.id);
  });

  it('keeps personal data sealed: not in the raw database, masked in lists, full view audited and limited to handlers', async () => {
    const { application } = (await handler.post('/api/v1/applications', body(fgj, { description: '个人信息保护测试' }))).json();
    const list = (await handler.get(`/api/v1/applications?unitId=${fgj}`)).body;
    expect(list).not.toContain(ID);
    expect(list).not.toContain(PHONE);
    expect(list).not.toContain('欧阳明月');
    const full = await handler.get(`/api/v1/applications/${application.id}/personal-data`);
    expect(full.json().idNumber).toBe(ID);
    const sup = await t.clientWithRole('sup.app', 'supervisor', 'anlan');
    expect((await sup.get(`/api/v1/applications/${application.id}`)).statusCode).toBe(200);
    expect((await sup.get(`/api/v1/applications/${application.id}/personal-data`)).statusCode).toBe(403);
    const audit = (await t.admin.get(`/api/v1/audit?entityId=${application.id}`)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toContain('application.viewPersonalData');
    const other = await t.clientWithRole('handler.jyj', 'caseHandler', 'jyj');
    expect((await other.get(`/api/v1/applications/${application.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/applications/${application.id}/personal-data`)).statusCode).toBe(404);
    expect((await act(other, application.id, 'accept')).statusCode).toBe(404);
    if (engine === 'sqlite') {
      await t.rt.db.kysely.selectFrom('applications').select('id').execute(); // flush
      const dir = t.db.dataDir;
      const raw = Buffer.concat(fs.readdirSync(dir).filter((f) => f.startsWith('gongkai.sqlite')).map((f) => fs.readFileSync(path.join(dir, f))));
      for (const secret of [ID, PHONE, '欧阳明月', 'oy@example.cn', '府前大道100号']) expect(raw.includes(Buffer.from(secret)), secret).toBe(false);
    } else {
      const dump = JSON.stringify(await t.rt.db.kysely.selectFrom('applications').selectAll().execute()) + JSON.stringify(await t.rt.db.kysely.selectFrom('audit_log').selectAll().execute());
      for (const secret of [ID, PHONE, '欧阳明月']) expect(dump).not.toContain(secret);
    }
  });
});

describe.each(ENGINES)('fees and lapses on %s', (engine) => {
  let t: TestApp;
  let handler: Client;
  let fgj: string;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    handler = await t.clientWithRole('fee.handler', 'caseHandler', 'fgj');
  });
  afterAll(async () => t?.close());
  const act = (id: string, action: string, payload: Record<string, unknown> = {}) => handler.post(`/api/v1/applications/${id}/actions/${action}`, payload);

  it('computes the fee by volume, suspends the clock, and allows the unpaid outcome only after 20 working days', async () => {
    const { application } = (await handler.post('/api/v1/applications', body(fgj, { receivedOn: '2025-03-03', description: '近十年全部会议纪要' }))).json();
    await act(application.id, 'accept', { on: '2025-03-04' });
    expect((await act(application.id, 'issueFeeNotice', { on: '2025-03-05', method: 'perVolume', pages: 20 })).json().error.message).toContain('不收费');
    const notice = await act(application.id, 'issueFeeNotice', { on: '2025-03-05', method: 'perVolume', pages: 150 });
    expect(notice.statusCode).toBe(200);
    expect(notice.json().event.data.amountYuan).toBe(1700);
    const detail = (await handler.get(`/api/v1/applications/${application.id}`)).json();
    expect(detail.replyDue).toBeNull(); // suspended while the fee notice is outstanding (default)
    expect(detail.clock.feePaymentDue).toBe('2025-04-02'); // 20 working days after the notice
    const early = await act(application.id, 'reply', { on: '2025-04-02', outcome: 'otherFeeUnpaid' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('2025-04-02');
    expect((await act(application.id, 'reply', { on: '2025-04-03', outcome: 'otherFeeUnpaid' })).statusCode).toBe(200);
  });

  it('charges per application from the 11th application of the same applicant in a month', async () => {
    let last = '';
    for (let i = 1; i <= 11; i++) {
      const { application } = (await handler.post('/api/v1/applications', body(fgj, { receivedOn: '2025-06-03', description: `第${i}份材料` }))).json();
      last = application.id;
    }
    await act(last, 'accept', { on: '2025-06-04' });
    const notice = await act(last, 'issueFeeNotice', { on: '2025-06-05', method: 'perApplication' });
    expect(notice.json().event.data.amountYuan).toBe(100);
  });

  it('closes for no correction only after the correction period', async () => {
    const { application } = (await handler.post('/api/v1/applications', body(fgj, { receivedOn: '2025-03-03', description: '内容不明确的申请' }))).json();
    await act(application.id, 'requestCorrection', { on: '2025-03-04', items: '请说明所需信息的名称', periodDays: 10 });
    expect((await act(application.id, 'reply', { on: '2025-03-18', outcome: 'otherNoCorrection' })).statusCode).toBe(409);
    expect((await act(application.id, 'reply', { on: '2025-03-19', outcome: 'otherNoCorrection' })).statusCode).toBe(200);
  });
});

describe.each(ENGINES)('notes, assignment and the dashboard on %s', (engine) => {
  let t: TestApp;
  let handler: Client;
  let fgj: string;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    handler = await t.clientWithRole('dash.handler', 'caseHandler', 'fgj');
  });
  afterAll(async () => t?.close());

  it('notes stay internal; assignment only to a handler of the unit', async () => {
    const reg = (await t.app.inject({ method: 'POST', url: '/api/v1/public/applications', payload: { ...body(fgj), channel: undefined, receivedOn: undefined } })).json();
    const item = (await handler.get(`/api/v1/applications?unitId=${fgj}`)).json().items.find((a: { receiptNo: string }) => a.receiptNo === reg.receiptNo);
    expect((await handler.post(`/api/v1/applications/${item.id}/notes`, { text: '申请人来电，说明需要纸质件' })).statusCode).toBe(201);
    const progress = (await t.app.inject({ method: 'POST', url: '/api/v1/public/applications/progress', payload: { receiptNo: reg.receiptNo, queryCode: reg.queryCode } })).json();
    expect(JSON.stringify(progress)).not.toContain('纸质件');
    const me = (await handler.get('/api/v1/auth/session')).json().account.id;
    expect((await handler.post(`/api/v1/applications/${item.id}/assign`, { handlerId: me })).statusCode).toBe(200);
    const adminId = (await t.admin.get('/api/v1/auth/session')).json().account.id;
    expect((await handler.post(`/api/v1/applications/${item.id}/assign`, { handlerId: adminId })).statusCode).toBe(400);
    expect((await handler.get(`/api/v1/applications?unitId=${fgj}&mine=true`)).json().items.map((a: { id: string }) => a.id)).toEqual([item.id]);
  });

  it('counts received by channel and applicant type, on-time replies and working days used', async () => {
    const a = (await handler.post('/api/v1/applications', body(fgj, { receivedOn: '2025-03-03', description: '统计测试一' }))).json().application;
    const b = (await handler.post('/api/v1/applications', body(fgj, { receivedOn: '2025-03-03', channel: 'registeredPost', deliveryMethod: 'post', description: '统计测试二', applicant: { type: 'commercial', name: '安澜某某建设有限公司', orgCode: '91350100M000100Y43', contactPerson: '王五', phone: '0851-86000000', address: '安澜市工业园1号' } }))).json().application;
    await handler.post(`/api/v1/applications/${a.id}/actions/reply`, { on: '2025-03-17', outcome: 'disclosed' }); // 10 working days
    await handler.post(`/api/v1/applications/${b.id}/actions/reply`, { on: '2025-04-10', outcome: 'disclosed' }); // after 03-31: late
    const s = (await handler.get(`/api/v1/applications/stats?unitId=${fgj}&year=2025`)).json();
    expect(s.received).toBe(2);
    expect(s.byChannel).toMatchObject({ inPerson: 1, registeredPost: 1 });
    expect(s.byApplicantType).toMatchObject({ natural: 1, commercial: 1 });
    expect(s.replied).toBe(2);
    expect(s.onTimeRate).toBe(0.5);
    expect(s.averageWorkingDaysToReply).toBe(18.5); // (10 + 27) / 2: Qingming 04-04 not counted
  });
});

describe('delivery needs a usable address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(async () => t?.close());
  it('refuses e-mail delivery without an e-mail address (Art. 29(三))', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/applications', payload: { ...body(await t.unitId('fgj')), channel: undefined, receivedOn: undefined, applicant: { ...natural, email: '' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual({ path: 'applicant.email', message: '选择通过电子邮件获取时，请填写电子邮箱' });
  });
});

describe('assignable handlers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(async () => t?.close());
  it('a case handler sees the colleagues who can take over, and nobody from another unit', async () => {
    const fgj = await t.unitId('fgj');
    const a = await t.clientWithRole('h.one', 'caseHandler', 'fgj');
    await t.clientWithRole('h.two', 'caseHandler', 'fgj');
    await t.clientWithRole('h.jyj', 'caseHandler', 'jyj');
    const list = (await a.get(`/api/v1/applications/handlers?unitId=${fgj}`)).json().items.map((x: { username: string }) => x.username).sort();
    expect(list).toEqual(['h.one', 'h.two']);
    expect((await a.get(`/api/v1/applications/handlers?unitId=${await t.unitId('jyj')}`)).statusCode).toBe(404);
    expect(Object.keys((await a.get('/api/v1/meta')).json().applications.outcomes)).toHaveLength(21);
  });
});

describe.each(ENGINES)('the applicant\'s own actions on %s', (engine) => {
  let t: TestApp;
  let handler: Client;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    handler = await t.clientWithRole('self.handler', 'caseHandler', 'fgj');
  });
  afterAll(async () => t?.close());
  const pub = (url: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/public/applications/${url}`, payload });

  it('sends the correction online (the clock restarts that day) and downloads the served notice with the code', async () => {
    const { application, queryCode } = (await handler.post('/api/v1/applications', body(await t.unitId('fgj'), { receivedOn: '2025-03-03', description: '在线补正测试' }))).json();
    const creds = { receiptNo: application.receiptNo, queryCode };
    expect((await pub('correction', { ...creds, text: '补充说明：需要2024年的文件' })).json().error.message).toBe('本申请目前不需要补正');
    await handler.post(`/api/v1/applications/${application.id}/actions/requestCorrection`, { on: '2025-03-04', items: '请写明年份' });
    expect((await pub('correction', { ...creds, queryCode: '12345678', text: '补充说明：需要2024年的文件' })).statusCode).toBe(404);
    const ok = await pub('correction', { ...creds, text: '补充说明：需要2024年的文件' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('inProgress');
    const detail = (await handler.get(`/api/v1/applications/${application.id}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ action: 'receiveCorrection', actorName: '申请人（在线补正）' });
    expect(detail.clock.steps.map((s: { text: string }) => s.text).join('')).toContain('重新起算');
    const gen = await handler.post(`/api/v1/applications/${application.id}/notices`, { kind: 'receipt' });
    expect(gen.statusCode).toBe(201);
    const progress = (await pub('progress', creds)).json();
    expect(progress.notices).toHaveLength(1);
    const file = await pub('notice', { ...creds, attachmentId: progress.notices[0].id });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pub('notice', { ...creds, queryCode: '00000000', attachmentId: progress.notices[0].id })).statusCode).toBe(404);
  });
});

describe.each(ENGINES)('year-end carry-over on %s', (engine) => {
  let t: TestApp;
  let handler: Client;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    handler = await t.clientWithRole('ye.handler', 'caseHandler', 'fgj');
  });
  afterAll(async () => t?.close());

  it('an application open on 31 December is carried forward and counts as carried over next year', async () => {
    const fgj = await t.unitId('fgj');
    const reg = async (receivedOn: string, d: string) => (await handler.post('/api/v1/applications', body(fgj, { receivedOn, description: d }))).json().application;
    const lateDec = await reg('2024-12-20', '跨年申请');
    const early = await reg('2024-11-01', '年内办结');
    await handler.post(`/api/v1/applications/${lateDec.id}/actions/reply`, { on: '2025-01-10', outcome: 'disclosed' });
    await handler.post(`/api/v1/applications/${early.id}/actions/reply`, { on: '2024-11-20', outcome: 'disclosed' });
    const y2024 = (await handler.get(`/api/v1/applications/stats?unitId=${fgj}&year=2024`)).json();
    const y2025 = (await handler.get(`/api/v1/applications/stats?unitId=${fgj}&year=2025`)).json();
    expect(y2024.received).toBe(2);
    expect(y2024.carriedForward).toBe(1);
    expect(y2025.carriedOver).toBe(1);
    expect(y2025.carriedForward).toBe(0);
    // R1 of table 三 balances for 2024: received + carried over = replied in the year + carried forward.
    expect(y2024.received + y2024.carriedOver).toBe(y2024.replied + y2024.carriedForward);
  });
});

describe.each(ENGINES)('proof of identity on %s', (engine) => {
  let t: TestApp;
  let handler: Client;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    handler = await t.clientWithRole('ev.handler', 'caseHandler', 'fgj');
  });
  afterAll(async () => t?.close());

  it('is sealed in the store, readable by the unit\'s handlers only, and every read is audited', async () => {
    const { application } = (await handler.post('/api/v1/applications', body(await t.unitId('fgj'), { description: '材料测试' }))).json();
    // A JPEG (by its signature) whose comment makes the plaintext recognisable in the store.
    const marker = '身份证复印件-标记-7d3f';
    const png = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.from(marker), Buffer.from('ffd9', 'hex')]);
    const up = await handler.raw({ method: 'POST', url: `/api/v1/applications/${application.id}/evidence`, ...multipart({ file: { filename: '身份证.jpg', content: png } }) });
    expect(up.statusCode).toBe(201);
    for await (const h of t.rt.deps.blobs.list()) {
      const raw = await t.rt.deps.blobs.get(h);
      expect(raw?.includes(Buffer.from(marker))).toBe(false);
    }
    const back = await handler.get(`/api/v1/applications/${application.id}/evidence/${up.json().id}`);
    expect(back.rawPayload.equals(png)).toBe(true);
    const sup = await t.clientWithRole('ev.sup', 'supervisor', 'anlan');
    expect((await sup.get(`/api/v1/applications/${application.id}/evidence/${up.json().id}`)).statusCode).toBe(403);
    const other = await t.clientWithRole('ev.other', 'caseHandler', 'jyj');
    expect((await other.get(`/api/v1/applications/${application.id}/evidence`)).statusCode).toBe(404);
    const bad = await handler.raw({ method: 'POST', url: `/api/v1/applications/${application.id}/evidence`, ...multipart({ file: { filename: 'id.docx', content: Buffer.from('PK') } }) });
    expect(bad.statusCode).toBe(415);
    const audit = (await t.admin.get(`/api/v1/audit?entityId=${application.id}`)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['application.evidence', 'application.viewPersonalData']));
  });
});
