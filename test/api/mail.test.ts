/**
 * Mail to applicants through a real SMTP server (smtp-server on a loopback port, with AUTH): queued in the same
 * transaction as each step, delivered by the outbox sender, in Chinese, with the receipt number and the progress
 * address but never the query code or the applicant's identity; nothing lost while the server is down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/infra/mailer.js';
import { createOutboxSender, RETRY_DELAYS_MS, startOutboxSender, type OutboxSender, type SenderLog } from '../../src/infra/outbox-sender.js';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { startSmtp, stopSmtp, type Received, type TestSmtp } from '../support/smtp.js';

const ENGINES = await testEngines();

const ID = '11010519491231002X';
const EMAIL = 'oy.mingyue@example.cn';
const applicant = { type: 'natural', name: '欧阳明月', idType: 'residentId', idNumber: ID, phone: '13800138000', email: EMAIL, address: '安澜市府前大道100号3单元', postcode: '564700' };
const FROM = '安澜市政府信息公开 <gk@anlan.gov.cn>';
const PUBLIC_URL = 'https://gk.anlan.gov.cn';
const SMTP_AUTH = { user: 'gongkai', pass: 's3cret' };

describe.each(ENGINES)('mail to applicants on %s', (engine) => {
  let t: TestApp;
  let handler: Client;
  let smtp: TestSmtp;
  let sender: OutboxSender;
  const inbox: Received[] = [];
  const logs: { level: string; msg: string; obj: object }[] = [];
  const log: SenderLog = {
    info: (obj, msg) => logs.push({ level: 'info', msg, obj }),
    warn: (obj, msg) => logs.push({ level: 'warn', msg, obj }),
    error: (obj, msg) => logs.push({ level: 'error', msg, obj }),
  };
  let offsetMs = 0; // the sender's clock runs ahead of real time when a test needs the backoff to pass
  const clock = { now: () => new Date(Date.now() + offsetMs).toISOString() };
  const act = (id: string, action: string, payload: Record<string, unknown> = {}) => handler.post(`/api/v1/applications/${id}/actions/${action}`, payload);
  const outbox = (applicationId: string) => t.rt.deps.store.read((r) => r.outbox.listForApplication(applicationId));

  async function submitOnline(over: Record<string, unknown> = {}) {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/public/applications',
      payload: { unitId: await t.unitId('fgj'), applicant, description: '2025年度安澜市城区道路改造项目的立项批复文件', provisionForm: 'email', deliveryMethod: 'email', ...over },
    });
    expect(res.statusCode).toBe(201);
    const { receiptNo, queryCode } = res.json() as { receiptNo: string; queryCode: string };
    const app = await t.rt.deps.store.read((r) => r.applications.getByReceiptNo(receiptNo));
    return { receiptNo, queryCode, id: app?.id as string };
  }

  beforeAll(async () => {
    smtp = await startSmtp(inbox, { auth: SMTP_AUTH });
    const url = `smtp://gongkai:s3cret@127.0.0.1:${smtp.port}`;
    t = await buildTestApp(engine, { SMTP_URL: url, GONGKAI_MAIL_FROM: FROM, GONGKAI_PUBLIC_URL: PUBLIC_URL });
    handler = await t.clientWithRole('mail.handler', 'caseHandler', 'fgj');
    sender = createOutboxSender({ store: t.rt.deps.store, secrets: t.rt.deps.secrets, mailer: smtpMailer(url, FROM), clock, log });
  });
  afterAll(async () => {
    await sender?.stop();
    if (smtp) await stopSmtp(smtp);
    await t?.close();
  });

  it('tells the applicant of each step, in Chinese, with the receipt number and never the query code or identity', async () => {
    const { receiptNo, queryCode, id } = await submitOnline();
    // Queued in the registration's transaction, before any sender ran; the address is sealed in the table.
    const queued = await outbox(id);
    expect(queued.map((m) => m.status)).toEqual(['queued']);
    expect(queued[0]?.toSealed).not.toContain(EMAIL);
    expect(t.rt.deps.secrets.open(queued[0]?.toSealed as string)).toBe(EMAIL);
    expect(await sender.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect((await act(id, 'confirmReceipt')).statusCode).toBe(200);
    expect((await act(id, 'requestCorrection', { items: '请写明所需批复文件的项目名称和年份', periodDays: 10 })).statusCode).toBe(200);
    expect((await act(id, 'receiveCorrection')).statusCode).toBe(200);
    expect((await act(id, 'startConsultation', { kind: 'thirdParty', party: '安澜市城建投资有限公司' })).statusCode).toBe(200); // internal: no mail
    const consultationId = (await handler.get(`/api/v1/applications/${id}`)).json().events.at(-1).data.consultationId;
    expect((await act(id, 'receiveConsultationAnswer', { consultationId, answer: '同意公开' })).statusCode).toBe(200);
    expect((await act(id, 'reply', { outcome: 'disclosed' })).statusCode).toBe(200);
    expect(await sender.runOnce()).toEqual({ sent: 4, retrying: 0, failed: 0 });

    const mine = inbox.filter((m) => m.subject.includes(receiptNo));
    expect(mine.map((m) => m.subject)).toEqual([
      `【安澜市发展和改革局】您的政府信息公开申请已提交，待确认收到（受理编号：${receiptNo}）`,
      `【安澜市发展和改革局】已确认收到您的政府信息公开申请（受理编号：${receiptNo}）`,
      `【安澜市发展和改革局】政府信息公开申请补正告知（受理编号：${receiptNo}）`,
      `【安澜市发展和改革局】已收到您补正后的申请（受理编号：${receiptNo}）`,
      `【安澜市发展和改革局】您的政府信息公开申请已作出答复（受理编号：${receiptNo}）`,
    ]);
    for (const m of mine) {
      expect(m.to).toEqual([EMAIL]);
      expect(m.from).toBe('gk@anlan.gov.cn');
      expect(m.body).toContain(`受理编号：${receiptNo}`);
      expect(m.body).toContain(`${PUBLIC_URL}/progress`);
      expect(m.body).toMatch(/安澜市发展和改革局\n\d{4}年\d{1,2}月\d{1,2}日\n$/); // signed by the unit, dated
      for (const secret of [queryCode, ID, '欧阳明月', '13800138000', '府前大道100号']) {
        expect(m.raw, secret).not.toContain(secret);
        expect(m.body, secret).not.toContain(secret);
      }
    }
    const [registered, confirmed, correction, , replied] = mine.map((m) => m.body);
    expect(registered).toContain('第三十一条第（三）项');
    expect(confirmed).toMatch(/本机关将于\d{4}年\d{1,2}月\d{1,2}日前作出答复/);
    expect(correction).toContain('请写明所需批复文件的项目名称和年份');
    expect(correction).toContain('10个工作日内');
    expect(correction).toContain('视为放弃申请');
    expect(replied).toContain('处理结果为：予以公开');
    expect(replied).toContain('第五十一条');
    const rows = await outbox(id);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(rows.every((r) => r.sentAt && r.attempts === 1 && r.lastError === null)).toBe(true);
  });

  it('tells of a fee notice, an approved extension and a transfer; internal steps send nothing', async () => {
    const head = await t.clientWithRole('mail.head', 'officeAdmin', 'anlan');
    const { receiptNo, queryCode, id } = await submitOnline({ description: '近十年全部会议纪要' });
    for (const [action, payload] of [
      ['confirmReceipt', {}], ['accept', {}], ['issueFeeNotice', { method: 'perVolume', pages: 150 }], ['recordPayment', { amountYuan: 1700 }],
      ['requestExtension', { days: 20, reason: '需调取档案' }],
    ] as const) expect((await act(id, action, payload)).statusCode, action).toBe(200);
    expect((await head.post(`/api/v1/applications/${id}/actions/approveExtension`, {})).statusCode).toBe(200);
    expect((await act(id, 'transfer', { toUnitId: await t.unitId('jyj'), reason: '属教育局职责' })).statusCode).toBe(200);
    expect(await sender.runOnce()).toMatchObject({ sent: 5, failed: 0 });
    const mine = inbox.filter((m) => m.subject.includes(receiptNo));
    expect(mine.map((m) => m.subject.replace(/^【安澜市发展和改革局】|（受理编号：.*$/g, ''))).toEqual([
      '您的政府信息公开申请已提交，待确认收到', '已确认收到您的政府信息公开申请', '政府信息公开信息处理费缴费告知',
      '政府信息公开申请延长答复期限告知', '您的政府信息公开申请已转安澜市教育局办理',
    ]);
    const [, , fee, extension, transfer] = mine.map((m) => m.body);
    expect(fee).toContain('收取信息处理费人民币1700元');
    expect(fee).toContain('国办函〔2020〕109号');
    expect(fee).toMatch(/请于\d{4}年\d{1,2}月\d{1,2}日前缴纳/);
    expect(fee).toContain('缴费期间不计算在答复期限内');
    expect(extension).toContain('延长20个工作日');
    expect(extension).toMatch(/延长后的答复期限为\d{4}年/);
    expect(transfer).toContain('第三十六条第（五）项');
    expect(transfer).toContain('负责公开该政府信息的行政机关为安澜市教育局');
    for (const m of mine) expect(m.raw).not.toContain(queryCode);
  });

  it('queues nothing for an applicant who gave no e-mail address', async () => {
    const { id } = await submitOnline({ applicant: { ...applicant, email: '' }, deliveryMethod: 'post', description: '无电子邮箱的申请' });
    expect(await outbox(id)).toEqual([]);
  });

  it('keeps mail queued while the SMTP server is down, counting attempts, and delivers it once it is back', async () => {
    const { receiptNo, id } = await submitOnline({ description: '服务器停机期间的申请' });
    const port = smtp.port;
    await stopSmtp(smtp);
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [row] = await outbox(id);
    expect(row?.status).toBe('queued');
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toMatch(/ECONNECTION|ECONNREFUSED/);
    expect(row?.lastError).not.toContain('@');
    const retryIn = Date.parse(row?.nextAttemptAt as string) - Date.now();
    expect(retryIn).toBeGreaterThan(50_000);
    expect(retryIn).toBeLessThanOrEqual(60_000);

    smtp = await startSmtp(inbox, { port, auth: SMTP_AUTH });
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 }); // not due yet: backoff
    offsetMs = RETRY_DELAYS_MS[0] + 1_000;
    try {
      expect(await sender.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    } finally {
      offsetMs = 0;
    }
    [row] = await outbox(id);
    expect(row?.status).toBe('sent');
    expect(row?.attempts).toBe(2);
    expect(inbox.filter((m) => m.subject.includes(receiptNo))).toHaveLength(1);
  });

  it('backs off 1, 5 and 30 minutes, then marks the message failed', async () => {
    const { id } = await submitOnline({ description: '持续发送失败的申请' });
    const port = smtp.port;
    await stopSmtp(smtp);
    try {
      let elapsed = 0;
      for (const [i, delay] of [...RETRY_DELAYS_MS, null].entries()) {
        offsetMs = elapsed;
        const r = await sender.runOnce();
        const [row] = await outbox(id);
        expect(row?.attempts).toBe(i + 1);
        if (delay === null) {
          expect(r.failed).toBe(1);
          expect(row?.status).toBe('failed');
          expect(row?.nextAttemptAt).toBeNull();
        } else {
          expect(r.retrying).toBe(1);
          expect(Date.parse(row?.nextAttemptAt as string) - (Date.now() + elapsed)).toBeGreaterThan(delay - 10_000);
          elapsed += delay + 1_000;
        }
      }
      expect(logs.some((l) => l.level === 'warn' && l.msg.includes('for good'))).toBe(true);
      expect(JSON.stringify(logs)).not.toContain(EMAIL);
    } finally {
      offsetMs = 0;
      smtp = await startSmtp(inbox, { port, auth: SMTP_AUTH });
    }
  });

  it('the sender of gongkai serve delivers right after the write, without waiting for a poll', async () => {
    const live = startOutboxSender(t.rt, log);
    try {
      const { receiptNo } = await submitOnline({ description: '服务进程发送的邮件' });
      await expect.poll(() => inbox.some((m) => m.subject.includes(receiptNo)), { timeout: 1_500, interval: 50 }).toBe(true);
    } finally {
      await live.stop();
    }
  });

  it('without SMTP_URL sends nothing, says so once in the log, and leaves the rows queued', async () => {
    const { id } = await submitOnline({ description: '未配置邮件时的申请' });
    const disabledLog: string[] = [];
    const off = createOutboxSender({
      store: t.rt.deps.store, secrets: t.rt.deps.secrets, mailer: null, clock,
      log: { info: (_o, m) => disabledLog.push(m), warn: (_o, m) => disabledLog.push(m), error: (_o, m) => disabledLog.push(m) },
    });
    await off.runOnce();
    await off.runOnce();
    await off.stop();
    expect(disabledLog).toHaveLength(1);
    expect(disabledLog[0]).toContain('mail disabled');
    expect((await outbox(id)).map((m) => [m.status, m.attempts])).toEqual([['queued', 0]]);
    expect(await sender.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 }); // the configured sender picks it up
  });
});
