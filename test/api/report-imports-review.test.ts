/**
 * 历史年报导入 review records over HTTP on both engines: the three published fixtures uploaded at once become
 * pending records with the template/year the reader detected and the original bytes kept; a hand correction is
 * recorded with the value it replaced and the rules run again; choosing a year re-reads the stored original;
 * accepting writes the unit's annual report (origin imported) and the comparison API then shows the imported
 * figures; never over an existing year; another unit's staff get 404; unreadable files answer 400 in Chinese and
 * nothing is stored; a discarded import is kept and can be restored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureText } from '../imports/support.js';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { multipart } from '../support/multipart.js';

const ENGINES = await testEngines();

type Files = Record<string, { filename: string; content: Buffer; type?: string } | string>;
const fixtureFiles = (names: readonly string[]): Files =>
  Object.fromEntries(names.map((n, i) => [`file${i}`, { filename: `${n}.txt`, content: Buffer.from(fixtureText(n)), type: 'text/plain' }]));

describe.each(ENGINES)('report import review on %s', (engine) => {
  let t: TestApp;
  let fgj: string;
  let fgjAdmin: Client;
  let jyjAdmin: Client;
  const ids: Record<string, string> = {};

  const upload = (client: Client, files: Files) => client.raw({ method: 'POST', url: '/api/v1/report-imports', ...multipart(files) });
  const get = async (id: string) => (await fgjAdmin.get(`/api/v1/report-imports/${id}`)).json();
  const count = () => t.rt.deps.store.read(async (r) => ({
    imports: (await r.reportImports.list({ unitIds: [fgj], limit: 500 })).length,
    attachments: (await t.rt.db.kysely.selectFrom('attachments').select('id').where('owner_type', '=', 'reportImport').execute()).length,
  }));

  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    fgjAdmin = await t.clientWithRole('rir.fgj', 'officeAdmin', 'fgj');
    jyjAdmin = await t.clientWithRole('rir.jyj', 'officeAdmin', 'jyj');
  }, 120_000);
  afterAll(async () => t?.close());

  it('uploads the three fixtures into pending records with the detected template and year, keeping the original bytes', async () => {
    const res = await upload(fgjAdmin, fixtureFiles(FIXTURES));
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as { id: string; filename: string; template: string; year: number; status: string; cellsRead: number }[];
    expect(items.map((i) => [i.filename, i.template, i.year, i.status])).toEqual([
      ['2024-town-aga-2021-format.txt', '2021', 2024, 'pending'],
      ['2017-town-hengnan-traditional.txt', 'pre2019', 2017, 'pending'],
      ['2018-city-lushan-narrative.txt', 'pre2019', 2018, 'pending'],
    ]);
    for (const [i, name] of FIXTURES.entries()) ids[name] = items[i]!.id;
    expect(items[0]!.cellsRead).toBe(200);

    const list = (await fgjAdmin.get('/api/v1/report-imports?status=pending')).json().items;
    expect(list.map((x: { id: string }) => x.id).sort()).toEqual(Object.values(ids).sort());
    expect(list[0]).toMatchObject({ ownerUnitName: '安澜市发展和改革局', unitId: null, uploadedByName: expect.any(String) });

    // Another staff member resumes the review: the record, its provenance and the source text re-read from the stored bytes.
    const other = await t.clientWithRole('rir.fgj2', 'officeAdmin', 'fgj');
    const d = (await other.get(`/api/v1/report-imports/${ids['2017-town-hengnan-traditional']}`)).json();
    expect(d).toMatchObject({ template: 'pre2019', year: 2017, script: 'traditional', detected: { template: 'pre2019', year: 2017, unitName: null } });
    const prov = d.doc.source.cells['indicators.proactive.total'];
    expect(d.sourceText.slice(prov.offset, prov.offset + prov.text.length)).toBe(prov.text);
    expect(prov.text).toContain('63');
    expect(d.read.warnings.join()).toContain('没有找到单位名称');
    const original = await fgjAdmin.get(`/api/v1/report-imports/${ids['2017-town-hengnan-traditional']}/original`);
    expect(original.rawPayload.equals(Buffer.from(fixtureText('2017-town-hengnan-traditional')))).toBe(true);
    expect(await count()).toEqual({ imports: 3, attachments: 3 });
  });

  it('records a hand correction with the value it replaced and validates the corrected report again', async () => {
    const id = ids['2024-town-aga-2021-format']!;
    let d = await get(id);
    expect(d.findings.ok).toBe(true);
    const read = d.doc.tables.applications.received.total as number;
    const res = await fgjAdmin.patch(`/api/v1/report-imports/${id}/cells`, {
      version: d.version, corrections: [{ path: 'applications.received.total', value: read + 2, note: '核对纸质版' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
    expect(d.corrections['applications.received.total']).toMatchObject({ value: read + 2, previous: read, read, note: '核对纸质版', by: '测试rir.fgj' });
    expect(d.correctedDoc.tables.applications.received.total).toBe(read + 2);
    expect(d.doc.tables.applications.received.total).toBe(read);
    // R1 (received + carried over = handled + carried forward) and R2 (总计 = the parts) now fail.
    expect(d.findings.ok).toBe(false);
    expect(d.findings.errors.map((e: { rule: string }) => e.rule)).toEqual(expect.arrayContaining(['R1', 'R2']));
    const stale = await fgjAdmin.patch(`/api/v1/report-imports/${id}/cells`, { version: d.version - 1, corrections: [{ path: 'applications.received.total', revert: true }] });
    expect(stale.statusCode).toBe(409);
    d = (await fgjAdmin.patch(`/api/v1/report-imports/${id}/cells`, {
      version: d.version, corrections: [{ path: 'applications.received.total', revert: true }, { path: 'proactive.normativeDocuments.issued', value: 2, note: '规范性文件 2 件' }],
    })).json();
    expect(Object.keys(d.corrections)).toEqual(['proactive.normativeDocuments.issued']);
    expect(d.findings.ok).toBe(true);
    const bad = await fgjAdmin.patch(`/api/v1/report-imports/${id}/cells`, { version: d.version, corrections: [{ path: 'indicators.org.staff', value: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('不属于');
    const neg = await fgjAdmin.patch(`/api/v1/report-imports/${id}/cells`, { version: d.version, corrections: [{ path: 'applications.received.total', value: -1 }] });
    expect(neg.statusCode).toBe(400);
    const audit = await t.rt.deps.store.read((r) => r.audit.list({ entityType: 'reportImport', entityId: id, limit: 10 }));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['reportImport.upload', 'reportImport.correct']));
  });

  it('re-reads the stored original when another year is chosen, keeping the corrections', async () => {
    const id = ids['2017-town-hengnan-traditional']!;
    let d = await get(id);
    d = (await fgjAdmin.patch(`/api/v1/report-imports/${id}/cells`, { version: d.version, corrections: [{ path: 'indicators.org.readingPoints', value: 4 }] })).json();
    expect(d.corrections['indicators.org.readingPoints']).toMatchObject({ value: 4, previous: null, read: null });
    const res = await fgjAdmin.patch(`/api/v1/report-imports/${id}`, { version: d.version, year: 2016 });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
    expect(d).toMatchObject({ year: 2016, template: 'pre2019', detected: { year: 2017 } });
    expect(d.doc.year).toBe(2016);
    expect(d.doc.indicators['proactive.total']).toBe(63);
    expect(d.corrections['indicators.org.readingPoints'].value).toBe(4);
    const future = await fgjAdmin.patch(`/api/v1/report-imports/${id}`, { version: d.version, year: 2999 });
    expect(future.statusCode).toBe(400);
    d = (await fgjAdmin.patch(`/api/v1/report-imports/${id}`, { version: d.version, year: 2017, unitId: fgj })).json();
    expect(d).toMatchObject({ year: 2017, unitId: fgj, unitName: '安澜市发展和改革局' });
  });

  it('keeps a report whose year cannot be found, and reads it once the year is chosen', async () => {
    const text = fixtureText('2024-town-aga-2021-format').replace(/20\d\d/g, '');
    const res = await upload(fgjAdmin, { file0: { filename: 'no-year.html', content: Buffer.from(text) } });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json().items[0];
    expect(item).toMatchObject({ year: null, status: 'pending' });
    expect(item.readError).toContain('没有找到报告年份');
    let d = await get(item.id);
    expect(d.doc).toBeNull();
    const early = await fgjAdmin.patch(`/api/v1/report-imports/${item.id}/cells`, { version: d.version, corrections: [{ path: 'applications.received.total', value: 1 }] });
    expect(early.statusCode).toBe(400);
    d = (await fgjAdmin.patch(`/api/v1/report-imports/${item.id}`, { version: d.version, year: 2023 })).json();
    expect(d).toMatchObject({ year: 2023, template: '2021', readError: null });
    expect(d.doc.tables.applications.received.total).toBe(0);
    expect(d.read.cellsRead).toBe(200);
    await fgjAdmin.post(`/api/v1/report-imports/${item.id}/discard`, { version: d.version });
  });

  it('accepts into the unit history (origin imported) and the comparison shows the imported figures; never over an existing year', async () => {
    const id = ids['2024-town-aga-2021-format']!;
    let d = await get(id);
    const noUnit = await fgjAdmin.post(`/api/v1/report-imports/${id}/accept`, { version: d.version });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.message).toContain('单位');
    d = (await fgjAdmin.patch(`/api/v1/report-imports/${id}`, { version: d.version, unitId: fgj })).json();
    const res = await fgjAdmin.post(`/api/v1/report-imports/${id}/accept`, { version: d.version });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'accepted', report: { origin: 'imported', status: 'accepted', year: 2024, template: '2021' } });
    const stored = await t.rt.deps.store.read((r) => r.annualReports.getByUnitYear(fgj, 2024));
    expect(stored).toMatchObject({ id: body.acceptedReportId, origin: 'imported', status: 'accepted' });
    expect(stored!.doc.unit.name).toBe('安澜市发展和改革局');
    expect(stored!.doc.tables.proactive.normativeDocuments!.issued).toBe(2);
    expect(stored!.manualCells['proactive.normativeDocuments.issued']).toMatchObject({ value: 2, by: '测试rir.fgj' });
    expect(stored!.manualCells['proactive.normativeDocuments.issued']!.note).toContain('导入读取值：0');
    expect(stored!.doc.source?.cells['proactive.normativeDocuments.issued']).toBeUndefined();
    expect(stored!.doc.source?.cells['applications.received.total']).toBeDefined();

    const y2017 = ids['2017-town-hengnan-traditional']!;
    const acc = await fgjAdmin.post(`/api/v1/report-imports/${y2017}/accept`, { version: (await get(y2017)).version });
    expect(acc.statusCode, acc.body).toBe(201);

    const cmp = await fgjAdmin.get(`/api/v1/reports/comparison?unit=${fgj}&from=2017&to=2024`);
    expect(cmp.statusCode, cmp.body).toBe(200);
    const row = (year: number) => cmp.json().rows.find((r: { unitId: string; year: number }) => r.unitId === fgj && r.year === year);
    expect(row(2024)).toMatchObject({ originLabel: '历史导入', figures: { received: 0, docsIssued: 2 } });
    expect(row(2017).figures.itemsPublished).toBe(63);

    // The same report uploaded again cannot overwrite the year.
    const again = (await upload(fgjAdmin, { ...fixtureFiles(['2024-town-aga-2021-format']), unitId: fgj })).json().items[0];
    expect(again.unitId).toBe(fgj);
    expect((await get(again.id)).existingReport).toMatchObject({ id: body.acceptedReportId, origin: 'imported' });
    const refused = await fgjAdmin.post(`/api/v1/report-imports/${again.id}/accept`, { version: again.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('不能用导入覆盖');
    const accepted = await fgjAdmin.patch(`/api/v1/report-imports/${id}/cells`, { version: body.version, corrections: [{ path: 'applications.received.total', value: 1 }] });
    expect(accepted.statusCode).toBe(409);

    // Discarded, kept and restorable.
    const gone = await fgjAdmin.post(`/api/v1/report-imports/${again.id}/discard`, { version: again.version, reason: '重复上传' });
    expect(gone.json()).toMatchObject({ status: 'discarded', decidedBy: '测试rir.fgj' });
    expect((await fgjAdmin.get('/api/v1/report-imports?status=discarded')).json().items.map((x: { id: string }) => x.id)).toContain(again.id);
    expect((await fgjAdmin.get('/api/v1/report-imports?status=pending')).json().items.map((x: { id: string }) => x.id)).not.toContain(again.id);
    expect((await fgjAdmin.post(`/api/v1/report-imports/${again.id}/restore`, { version: gone.json().version })).json().status).toBe('pending');
  });

  it('answers 404 to another unit, and refuses a target unit the user may not edit', async () => {
    const id = ids['2018-city-lushan-narrative']!;
    expect((await jyjAdmin.get(`/api/v1/report-imports/${id}`)).statusCode).toBe(404);
    expect((await jyjAdmin.get(`/api/v1/report-imports/${id}/original`)).statusCode).toBe(404);
    expect((await jyjAdmin.patch(`/api/v1/report-imports/${id}/cells`, { version: 1, corrections: [{ path: 'indicators.org.readingPoints', value: 1 }] })).statusCode).toBe(404);
    expect((await jyjAdmin.post(`/api/v1/report-imports/${id}/discard`, { version: 1 })).statusCode).toBe(404);
    expect((await jyjAdmin.get('/api/v1/report-imports')).json().items).toEqual([]);
    const own = (await upload(jyjAdmin, fixtureFiles(['2018-city-lushan-narrative']))).json().items[0];
    const steal = await jyjAdmin.patch(`/api/v1/report-imports/${own.id}`, { version: own.version, unitId: fgj });
    expect(steal.statusCode).toBe(404);
    expect((await fgjAdmin.get(`/api/v1/report-imports/${own.id}`)).statusCode).toBe(404);
    const viewer = await t.clientWithRole('rir.viewer', 'infoOfficer', 'fgj');
    expect((await upload(viewer, fixtureFiles(['2018-city-lushan-narrative']))).statusCode).toBe(403);
  });

  it('answers 400 in Chinese for unreadable files and stores nothing of the batch', async () => {
    const before = await count();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(200, 7), Buffer.from('\n%%EOF\n')]);
    const cases: [Files, RegExp][] = [
      [{ file0: { filename: 'empty.txt', content: Buffer.alloc(0) } }, /empty\.txt：文件是空的/],
      [{ file0: { filename: 'report.pdf', content: pdf } }, /report\.pdf：这是PDF文件.*另存为/],
      [{ file0: { filename: 'notes.txt', content: Buffer.from('会议纪要\n今天讨论了道路维修和绿化工作，下周继续。\n'.repeat(20)) } }, /notes\.txt：没有找到政府信息公开工作年度报告的内容/],
      [{ ...fixtureFiles(['2024-town-aga-2021-format']), file9: { filename: 'noise.bin', content: Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256)) } }, /noise\.bin：/],
      [{ note: 'x' }, /请选择要上传的年度报告文件/],
    ];
    for (const [files, message] of cases) {
      const res = await upload(fgjAdmin, files);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    expect(await count()).toEqual(before);
    const json = await fgjAdmin.post('/api/v1/report-imports', {});
    expect(json.statusCode).toBe(400);
  });
});
