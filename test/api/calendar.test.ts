import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseArrangement } from '../../src/infra/calendar-import.js';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { multipart } from '../support/multipart.js';

const ENGINES = await testEngines();

// A made-up 2027 arrangement in the ICS shape calendar services publish (the real one is not out yet).
const ICS_2027 = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//CN',
  'BEGIN:VEVENT', 'UID:a', 'DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270104', 'SUMMARY:元旦(休)', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:b', 'DTSTART;VALUE=DATE:20270204', 'DTEND;VALUE=DATE:20270212', 'SUMMARY:春节(休)', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:c', 'DTSTART;VALUE=DATE:20270213', 'DTEND;VALUE=DATE:20270214', 'SUMMARY:春节(班)', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n');

describe('importing a year arrangement', () => {
  it('reads ICS spans (DTEND exclusive) and 班/休 markers', async () => {
    const a = await parseArrangement(ICS_2027, '2027.ics');
    expect(a.years).toEqual([2027]);
    expect(a.days.filter((d) => d.kind === 'off').map((d) => d.date).slice(0, 3)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect(a.days.find((d) => d.date === '2027-02-13')).toEqual({ date: '2027-02-13', kind: 'work', name: '春节调休上班' });
  });
  it('reads JSON lists and refuses contradictions in Chinese', async () => {
    expect((await parseArrangement('[{"date":"2027-05-01","kind":"off","name":"劳动节"}]', 'x.json')).days).toHaveLength(1);
    await expect(parseArrangement('[{"date":"2027-02-30","kind":"off"}]', 'x.json')).rejects.toThrow('不是有效日期');
    await expect(parseArrangement('[{"date":"2027-05-01","kind":"off"},{"date":"2027-05-01","kind":"work"}]', 'x.json')).rejects.toThrow('同时被标为');
    await expect(parseArrangement('hello', 'x.txt')).rejects.toThrow('既不是 ICS');
  });
});

describe.each(ENGINES)('calendar changes recompute open applications on %s', (engine) => {
  let t: TestApp;
  let handler: Client;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-20T02:00:00Z'));
    t = await buildTestApp(engine);
    handler = await t.clientWithRole('cal.handler', 'caseHandler', 'fgj');
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });

  const register = async (unit: string, receivedOn: string) =>
    (await handler.post('/api/v1/applications', {
      unitId: await t.unitId(unit), description: `期限测试 ${receivedOn}`, provisionForm: 'paper', deliveryMethod: 'post', channel: 'inPerson', receivedOn,
      applicant: { type: 'natural', name: '张三', idNumber: '11010519491231002X', phone: '13800138000', address: '安澜市某路1号' },
    })).json().application;

  it('a period reaching 2027 is provisional until the 2027 arrangement is imported, then recomputed with a recorded reason', async () => {
    const app = await register('fgj', '2026-12-15');
    expect(app.replyDue).toBe('2027-01-12');
    expect(app.replyDueProvisional).toBe(true);
    const res = await t.admin.raw({ method: 'POST', url: '/api/v1/calendar/import', ...multipart({ file: { filename: '2027.ics', content: Buffer.from(ICS_2027) } }) });
    expect(res.statusCode).toBe(200);
    expect(res.json().recomputed).toEqual([{ receiptNo: app.receiptNo, from: '2027-01-12', to: '2027-01-13' }]);
    const detail = (await handler.get(`/api/v1/applications/${app.id}`)).json();
    expect(detail.replyDue).toBe('2027-01-13');
    expect(detail.clock.provisional).toBe(false);
    const ev = detail.events.at(-1);
    expect(ev.action).toBe('recomputeDeadline');
    expect(ev.data.reason).toContain('导入2027年节假日安排');
  });

  it('a local holiday of one unit moves only that unit\'s deadlines', async () => {
    const fgjApp = await register('fgj', '2026-12-01');
    const other = await t.clientWithRole('cal.handler2', 'caseHandler', 'jyj');
    const jyjApp = (await other.post('/api/v1/applications', {
      unitId: await t.unitId('jyj'), description: '教育局期限测试', provisionForm: 'paper', deliveryMethod: 'post', channel: 'inPerson', receivedOn: '2026-12-01',
      applicant: { type: 'natural', name: '李四', idNumber: '11010519491231002X', phone: '13800138001', address: '安澜市某路2号' },
    })).json().application;
    expect(fgjApp.replyDue).toBe(jyjApp.replyDue);
    const res = await t.admin.post('/api/v1/calendar/overrides', { unitId: await t.unitId('fgj'), date: '2026-12-10', kind: 'off', name: '地方性节日' });
    expect(res.statusCode).toBe(201);
    expect(res.json().recomputed.map((x: { receiptNo: string }) => x.receiptNo)).toContain(fgjApp.receiptNo);
    expect(res.json().recomputed.map((x: { receiptNo: string }) => x.receiptNo)).not.toContain(jyjApp.receiptNo);
    const after = (await handler.get(`/api/v1/applications/${fgjApp.id}`)).json();
    expect(after.replyDue > fgjApp.replyDue).toBe(true);
  });

  it('only a system administrator changes the deployment-wide calendar', async () => {
    const gkb = await t.clientWithRole('cal.gkb', 'officeAdmin', 'anlan');
    expect((await gkb.post('/api/v1/calendar/overrides', { unitId: null, date: '2026-12-24', kind: 'off', name: '不应生效' })).statusCode).toBe(403);
    expect((await handler.post('/api/v1/calendar/overrides', { unitId: await t.unitId('fgj'), date: '2026-12-24', kind: 'off', name: '不应生效' })).statusCode).toBe(403);
  });
});
