/**
 * 历史年报导入 over HTTP on both engines: upload several scraped reports and get each one read (document,
 * warnings, evidence, rule findings, the source text provenance points into); accept a reviewed report with a
 * hand correction into a unit's history (origin 历史导入, the correction kept as a manual cell, audited); never
 * over an existing year; another unit's officer gets 404; bad input 400 and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { multipart } from '../support/multipart.js';
import { fixtureText } from './support.js';

const ENGINES = await testEngines();

describe.each(ENGINES)('report imports API on %s', (engine) => {
  let t: TestApp;
  let fgj: string;
  let fgjAdmin: Client;
  let jyjAdmin: Client;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    fgjAdmin = await t.clientWithRole('imp.fgj', 'officeAdmin', 'fgj');
    jyjAdmin = await t.clientWithRole('imp.jyj', 'officeAdmin', 'jyj');
  });
  afterAll(async () => t?.close());

  const readFiles = (client: Client, files: Record<string, string>) =>
    client.raw({
      method: 'POST',
      url: '/api/v1/report-imports/read',
      ...multipart(Object.fromEntries(Object.entries(files).map(([name, text], i) => [`file${i}`, { filename: name, content: Buffer.from(text), type: 'text/plain' }]))),
    });

  it('reads several reports at once, each with its document, warnings, evidence, findings and source text', async () => {
    const res = await readFiles(fgjAdmin, { '2024.txt': fixtureText('2024-town-aga-2021-format'), '2017.txt': fixtureText('2017-town-hengnan-traditional') });
    expect(res.statusCode).toBe(200);
    const [a, b] = res.json().items;
    expect(a).toMatchObject({ file: '2024.txt', template: '2021', year: 2024, unit: '阿戛镇人民政府', cellsRead: 200, validation: { ok: true } });
    const prov = a.doc.source.cells['applications.received.natural'];
    expect(a.sourceText.slice(prov.offset, prov.offset + prov.text.length)).toBe('0');
    expect(b).toMatchObject({ template: 'pre2019', year: 2017, unit: null, script: 'traditional' });
    expect(b.warnings.join()).toContain('没有找到单位名称');
  });

  it('accepts a reviewed report with a hand correction into the unit history, once', async () => {
    const read = (await readFiles(fgjAdmin, { '2017.txt': fixtureText('2017-town-hengnan-traditional') })).json().items[0];
    const res = await fgjAdmin.post('/api/v1/report-imports/accept', {
      unitId: fgj, doc: read.doc, corrections: [{ path: 'indicators.org.readingPoints', value: 4, note: '纸质版附表载明 4 个' }],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ year: 2017, template: 'pre2019', origin: 'imported', status: 'accepted' });
    expect(body.manualCells['indicators.org.readingPoints']).toMatchObject({ value: 4, by: expect.any(String) });
    expect(body.manualCells['indicators.org.readingPoints'].note).toContain('导入读取值：未载明');
    const detail = (await fgjAdmin.get(`/api/v1/reports/${body.id}`)).json();
    const doc = detail.doc ?? detail.report?.doc;
    expect(doc.indicators['org.readingPoints']).toBe(4);
    expect(doc.indicators['proactive.total']).toBe(63);
    expect(doc.unit.name).not.toBe('未识别单位');
    const again = await fgjAdmin.post('/api/v1/report-imports/accept', { unitId: fgj, doc: read.doc });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('不能用导入覆盖');
    const events = await t.rt.deps.store.read((r) => r.annualReports.events(body.id));
    expect(events.map((e) => [e.action, e.toStatus, e.comment])).toEqual([['import', 'accepted', '导入自 2017.txt']]);
    const audit = await t.rt.deps.store.read((r) => r.audit.list({ limit: 20 } as never));
    expect(JSON.stringify(audit)).toContain('annualReport.import');
  });

  it('another unit answers 404; bad documents and cells answer 400 and store nothing', async () => {
    const read = (await readFiles(fgjAdmin, { '2024.txt': fixtureText('2024-town-aga-2021-format') })).json().items[0];
    const other = await jyjAdmin.post('/api/v1/report-imports/accept', { unitId: fgj, doc: read.doc });
    expect(other.statusCode).toBe(404);
    const badDoc = await fgjAdmin.post('/api/v1/report-imports/accept', { unitId: fgj, doc: { ...read.doc, template: '1999' } });
    expect(badDoc.statusCode).toBe(400);
    const badCell = await fgjAdmin.post('/api/v1/report-imports/accept', { unitId: fgj, doc: read.doc, corrections: [{ path: 'indicators.org.staff', value: 1 }] });
    expect(badCell.statusCode).toBe(400);
    expect(badCell.json().error.message).toContain('不属于');
    const stored = await t.rt.deps.store.read((r) => r.annualReports.getByUnitYear(fgj, 2024));
    expect(stored).toBeUndefined();
    const empty = await fgjAdmin.raw({ method: 'POST', url: '/api/v1/report-imports/read', ...multipart({ note: 'x' }) });
    expect(empty.statusCode).toBe(400);
  });
});
