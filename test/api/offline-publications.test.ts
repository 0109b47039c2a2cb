import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOfflineByChannel } from '../../src/domain/publications/offline/manage-offline.js';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();

describe.each(ENGINES)('offline channel register on %s', (engine) => {
  let t: TestApp;
  let officer: Client; // 信息员 of fgj
  let reader: Client; // 审核员 of fgj: reads, does not register
  let other: Client; // 信息员 of jyj
  let fgj: string;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.clientWithRole('off.officer', 'infoOfficer', 'fgj');
    reader = await t.clientWithRole('off.reviewer', 'reviewer', 'fgj');
    other = await t.clientWithRole('off.other', 'infoOfficer', 'jyj');
    fgj = await t.unitId('fgj');
  }, 60_000);
  afterAll(() => t?.close());

  const record = (body: Record<string, unknown>, c: Client = officer) =>
    c.post('/api/v1/offline-publications', { unitId: fgj, channel: 'gazette', publishedOn: '2025-03-15', title: '《安澜市人民政府公报》2025年第3期', count: 1, ...body });

  it('registers records and counts them per channel and year, for the annual report too', async () => {
    expect((await record({ count: 6 })).statusCode).toBe(201);
    expect((await record({ channel: 'wechat', title: '关于2025年春季招生的通知', publishedOn: '2025-04-02', reference: 'https://mp.weixin.qq.com/s/abc' })).statusCode).toBe(201);
    expect((await record({ channel: 'wechat', title: '政策解读：居民医保缴费', publishedOn: '2025-12-31' })).statusCode).toBe(201);
    expect((await record({ channel: 'wechat', title: '上一年的推送', publishedOn: '2024-12-31' })).statusCode).toBe(201);
    expect((await record({ channel: 'pressConference', title: '2025年一季度经济运行新闻发布会', publishedOn: '2025-04-20', count: 3 })).statusCode).toBe(201);

    const res = await reader.get(`/api/v1/offline-publications/counts?unitId=${fgj}&year=2025`);
    expect(res.statusCode).toBe(200);
    const byChannel = Object.fromEntries(res.json().channels.map((c: { channel: string; label: string; records: number; items: number }) => [c.label, [c.records, c.items]]));
    expect(byChannel).toMatchObject({ 政府公报: [1, 6], 政务微信: [2, 2], 新闻发布会: [1, 3], 政务微博: [0, 0] });
    expect(res.json().total).toEqual({ records: 4, items: 11 });

    const forReport = await t.rt.deps.store.read((r) => countOfflineByChannel(r, fgj, 2024));
    expect(forReport.wechat).toEqual({ records: 1, items: 1 });
    expect(forReport.gazette).toEqual({ records: 0, items: 0 });
  });

  it('lists a year\'s records newest first and filters by channel', async () => {
    const list = await reader.get(`/api/v1/offline-publications?unitId=${fgj}&year=2025&channel=wechat`);
    expect(list.json().items.map((i: { title: string }) => i.title)).toEqual(['政策解读：居民医保缴费', '关于2025年春季招生的通知']);
    expect(list.json().total).toBe(2);
  });

  it('updates and deletes with audit entries; readers and other units cannot change records', async () => {
    const created = (await record({ channel: 'noticeBoard', title: '村务公开栏张贴', publishedOn: '2025-06-01' })).json();
    expect((await reader.put(`/api/v1/offline-publications/${created.id}`, { channel: 'noticeBoard', publishedOn: '2025-06-01', title: 'x', count: 1 })).statusCode).toBe(403);
    expect((await other.del(`/api/v1/offline-publications/${created.id}`)).statusCode).toBe(404);
    expect((await record({}, other)).statusCode).toBe(404);
    const upd = await officer.put(`/api/v1/offline-publications/${created.id}`, { channel: 'noticeBoard', publishedOn: '2025-06-02', title: '政务公开栏张贴：低保名单', count: 2 });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ publishedOn: '2025-06-02', count: 2 });
    expect((await officer.del(`/api/v1/offline-publications/${created.id}`)).statusCode).toBe(204);
    const audit = await t.admin.get(`/api/v1/audit?entityType=offlinePublication&entityId=${created.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action).sort()).toEqual(['offline.create', 'offline.delete', 'offline.update']);
  });

  it('refuses bad records with Chinese messages and stores nothing', async () => {
    const before = (await reader.get(`/api/v1/offline-publications/counts?unitId=${fgj}&year=2025`)).json().total;
    for (const bad of [{ channel: 'fax' }, { publishedOn: '2025-02-30' }, { title: '  ' }, { count: 0 }, { itemId: 'nosuchitem' }]) {
      const res = await record(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.body).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await reader.get(`/api/v1/offline-publications/counts?unitId=${fgj}&year=2025`)).json().total).toEqual(before);
  });
});
