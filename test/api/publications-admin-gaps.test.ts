/**
 * 主动公开 back-office gaps on both engines: the item list filtered by year or a date range (on 生成日期 or 发布日期)
 * with Chinese 400s; the code lists refuse to delete or rename a code items use (deactivating is the way); and the
 * 用语检查报告 re-checks published items with today's dictionary — an entry added after publication finds them,
 * worst first, counted per kind and severity, exported as XLSX with formula injection neutralised.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationItem } from '../../src/domain/publications/model.js';
import { buildTestApp, type Client, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();

describe.each(ENGINES)('publication admin gaps on %s', (engine) => {
  let t: TestApp;
  let fgj: string;
  let jyj: string;
  let tzgg: string;
  let drafter: Client;
  let office: Client;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    fgj = await t.unitId('fgj');
    jyj = await t.unitId('jyj');
    drafter = await t.clientWithRole('gaps.draft', 'infoOfficer', 'fgj');
    office = await t.clientWithRole('gaps.office', 'officeAdmin', 'anlan');
    tzgg = ((await drafter.get(`/api/v1/units/${fgj}/columns`)).json().items as { id: string; code: string }[]).find((c) => c.code === 'tzgg')!.id;
  }, 120_000);
  afterAll(async () => t?.close());

  const draft = async (title: string, over: Record<string, unknown> = {}) => {
    const res = await drafter.post('/api/v1/publications/items', {
      unitId: fgj, columnId: tzgg, title, summary: '', bodyHtml: '<p>正文</p>', publisher: '安澜市发展和改革局', createdOn: '2025-06-01',
      subject: '综合政务\\政务公开', genre: '通知', docNumber: '安发改〔2025〕1号', ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as PublicationItem;
  };

  /** Published items written straight through the repositories (the workflow has its own tests), with their dates. */
  let serial = 0;
  const published = async (unitId: string, columnId: string, items: { title: string; body?: string; publishedOn: string; status?: 'published' | 'draft'; attachment?: string }[]) =>
    t.rt.deps.store.write(async (r) => {
      const ids: string[] = [];
      for (const x of items) {
        const id = `gap-${engine}-${String(++serial).padStart(5, '0')}`;
        const at = `${x.publishedOn}T02:00:00.000Z`;
        const pub = x.status !== 'draft';
        await r.publications.insert({
          id, unitId, columnId, status: x.status ?? 'published', stage: null, title: x.title, summary: '', bodyHtml: x.body ?? '<p>现将有关事项通知如下。</p>',
          publisher: '安澜市', docNumber: null, createdOn: x.publishedOn, subject: '综合政务\\政务公开', genre: '通知', keywords: [], disclosureMethod: '主动公开',
          disclosurePeriod: '常年公开', disclosureScope: '面向全社会', validity: null, effectiveOn: null, validityChangedOn: null,
          indexNumber: pub ? `GAP-${serial}` : null, publishedAt: pub ? at : null, publishedOn: pub ? x.publishedOn : null, publishAt: null,
          workingDays: pub ? 1 : null, timeLimitDays: pub ? 20 : null, correctedAt: null, correctionNote: null, withdrawnAt: null, withdrawalReason: null,
          pending: null, createdBy: null, createdByName: '测试', createdAt: at, updatedAt: at,
        });
        if (x.attachment) {
          const aid = `${id}-a`;
          await r.attachments.insert({ id: aid, sha256: 'x'.repeat(64), filename: '名单.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 10, unitId, ownerType: 'publication', ownerId: id, createdBy: null, createdAt: at });
          await r.publications.putAttachmentText({ attachmentId: aid, itemId: id, text: x.attachment });
        }
        ids.push(id);
      }
      return ids;
    }, { publicContent: false });

  it('filters the item list by year and by a date range on 生成日期 or 发布日期, with Chinese 400s for bad values', async () => {
    const mark = '年份筛选';
    for (const d of ['2024-05-01', '2025-03-01', '2025-12-31', '2026-01-02']) await draft(`${mark}${d}`, { createdOn: d });
    const [p24] = await published(fgj, tzgg, [{ title: `${mark}已发布2024`, publishedOn: '2024-11-20' }, { title: `${mark}已发布2025`, publishedOn: '2025-02-10' }]);
    const titles = async (qs: string) => {
      const res = await drafter.get(`/api/v1/publications/items?unitId=${fgj}&q=${encodeURIComponent(mark)}&limit=50&${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { title: string }[]).map((i) => i.title.replace(mark, '')).sort();
    };
    expect(await titles('year=2025')).toEqual(['2025-03-01', '2025-12-31', '已发布2025']);
    expect(await titles('year=2024')).toEqual(['2024-05-01', '已发布2024']);
    expect(await titles('from=2025-12-31&to=2026-01-02')).toEqual(['2025-12-31', '2026-01-02']);
    expect(await titles('year=2025&from=2025-06-01')).toEqual(['2025-12-31']);
    // 发布日期: drafts have none and drop out.
    expect(await titles('year=2024&dateBy=publishedOn')).toEqual(['已发布2024']);
    expect(await titles('dateBy=publishedOn&from=2024-01-01&to=2025-12-31')).toEqual(['已发布2024', '已发布2025']);
    expect(p24).toBeTruthy();

    const before = (await drafter.get(`/api/v1/publications/items?unitId=${fgj}&limit=200`)).json().total;
    for (const [qs, says] of [
      ['year=abc', '年份应为四位数字'], ['year=1800', '年份应在1949年至2100年之间'], ['year=2025.5', '年份应为四位数字'],
      ['from=2025-02-30', '开始日期应为有效日期'], ['from=2025-03-01&to=2025-01-01', '开始日期不能晚于结束日期'],
      ['year=2024&from=2025-01-01', '不在2024年内'], ['dateBy=updatedAt', '日期类型只能是'],
    ] as const) {
      const res = await drafter.get(`/api/v1/publications/items?unitId=${fgj}&${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(JSON.stringify(res.json().error), qs).toContain(says);
    }
    expect((await drafter.get(`/api/v1/publications/items?unitId=${fgj}&limit=200`)).json().total).toBe(before);
  });

  it('never deletes or renames a code items use, deactivates it instead, and tells how many items use each code', async () => {
    const genre = await office.post('/api/v1/publication-codes', { list: 'genre', name: '白皮书' });
    expect(genre.statusCode, genre.body).toBe(201);
    const top = (await office.post('/api/v1/publication-codes', { list: 'subject', name: '测试主题' })).json();
    const child = (await office.post('/api/v1/publication-codes', { list: 'subject', name: '营商环境', parentCode: '测试主题' })).json();
    expect(child.code).toBe('测试主题\\营商环境');
    await draft('使用新分类的信息', { genre: '白皮书', subject: '测试主题\\营商环境' });

    const usage = (await drafter.get('/api/v1/publication-codes/usage')).json().items as { list: string; code: string; count: number }[];
    expect(usage.find((u) => u.list === 'genre' && u.code === '白皮书')?.count).toBe(1);
    expect(usage.find((u) => u.list === 'subject' && u.code === '测试主题\\营商环境')?.count).toBe(1);

    const del = await office.del(`/api/v1/publication-codes/${genre.json().id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toContain('已有 1 条信息使用分类“白皮书”，不能删除');
    const rename = await office.put(`/api/v1/publication-codes/${child.id}`, { list: 'subject', name: '优化营商环境', parentCode: '测试主题' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.message).toContain('不能改名');
    expect((await office.del(`/api/v1/publication-codes/${child.id}`)).statusCode).toBe(409);
    expect((await office.del(`/api/v1/publication-codes/${top.id}`)).statusCode).toBe(409);

    const off = await office.put(`/api/v1/publication-codes/${genre.json().id}`, { list: 'genre', name: '白皮书', active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    const codes = (await drafter.get('/api/v1/publication-codes?list=genre')).json().items as { code: string; active: boolean }[];
    expect(codes.find((c) => c.code === '白皮书')?.active).toBe(false);
    // A code nobody uses may still be renamed and deleted (mistakes happen).
    const spare = (await office.post('/api/v1/publication-codes', { list: 'genre', name: '白皮节' })).json();
    const fixed = await office.put(`/api/v1/publication-codes/${spare.id}`, { list: 'genre', name: '蓝皮书' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await office.del(`/api/v1/publication-codes/${spare.id}`)).statusCode).toBe(204);
    expect((await drafter.post('/api/v1/publication-codes', { list: 'genre', name: '绿皮书' })).statusCode).toBe(403);
  });

  it('re-checks published items with today\'s dictionary: a later entry finds them, worst first, per kind and severity', async () => {
    const phrase = '安澜新区筹建办公室';
    const bulk = Array.from({ length: 40 }, (_, k) => ({ title: `检查报告普通信息${k}`, publishedOn: `2025-0${1 + (k % 9)}-1${k % 10}` }));
    const ids = await published(fgj, tzgg, [
      ...bulk,
      { title: '两处旧称的通知', publishedOn: '2025-03-03', body: `<p>由${phrase}负责。</p><h2>二、职责</h2><p>${phrase}牵头。</p>` },
      { title: '一处旧称的通知', publishedOn: '2025-04-04', body: `<p>联系${phrase}。</p>` },
      { title: '=HYPERLINK("http://evil.example","点此")', publishedOn: '2025-05-05', body: `<p>${phrase}</p>` },
      { title: '过时机构名称的通知', publishedOn: '2025-06-06', body: '<p>根据国土资源部有关规定。</p>' },
      { title: '附件含手机号的通知', publishedOn: '2025-07-07', attachment: '联系人 张三 13812345678' },
      { title: '去年的旧称通知', publishedOn: '2024-07-07', body: `<p>${phrase}</p>` },
      { title: '草稿中的旧称', publishedOn: '2025-08-08', status: 'draft', body: `<p>${phrase}</p>` },
    ]);
    await published(jyj, ((await t.admin.get(`/api/v1/units/${jyj}/columns`)).json().items as { id: string; code: string }[]).find((c) => c.code === 'tzgg')!.id,
      [{ title: '教育局的旧称通知', publishedOn: '2025-03-03', body: `<p>${phrase}</p>` }]);
    expect(ids).toHaveLength(47);
    const report = async (qs: string, who: Client = drafter) => {
      const res = await who.get(`/api/v1/publications/check-report?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        checked: number; withFindings: number; withBlock: number; total: number;
        counts: { kind: string; severity: string; findings: number; items: number }[];
        rows: { item: { title: string; unitId: string }; block: number; warn: number; byKind: Record<string, number>; findings: { kind: string; excerpt: string; start?: number; end?: number; field: string; attachmentName?: string }[] }[];
      };
    };

    const before = await report(`unitId=${fgj}&year=2025`);
    expect(before.checked).toBe(46); // 40 + 5 published in 2025 of this test + the 2025 one of the year-filter test
    expect(before.rows.map((r) => r.item.title)).toEqual(['附件含手机号的通知', '过时机构名称的通知']);
    expect(before.rows[0]!.findings[0]).toMatchObject({ kind: 'personalData', field: 'attachment', attachmentName: '名单.docx' });
    expect(before.rows[0]!.findings[0]!.excerpt).not.toContain('13812345678');

    const entry = await t.admin.post('/api/v1/publication-checks/wording', { unitId: null, phrase, kind: 'outdatedName', suggestion: '安澜新区管理委员会', severity: 'block' });
    expect(entry.statusCode, entry.body).toBe(201);
    const after = await report(`unitId=${fgj}&year=2025`);
    expect(after.checked).toBe(46);
    expect(after.withBlock).toBe(4);
    expect(after.withFindings).toBe(5);
    expect(after.rows.map((r) => r.item.title)).toEqual([
      '两处旧称的通知', '附件含手机号的通知', '=HYPERLINK("http://evil.example","点此")', '一处旧称的通知', '过时机构名称的通知',
    ]);
    const two = after.rows[0]!;
    expect(two).toMatchObject({ block: 2, warn: 0, byKind: { wording: 2 } });
    // Positions are offsets into the body's plain text ('\n' between blocks).
    expect(two.findings.map((f) => [f.field, f.start, f.end])).toEqual([['body', 1, 1 + phrase.length], ['body', 19, 19 + phrase.length]]);
    expect(after.counts).toEqual(expect.arrayContaining([
      { kind: 'wording', severity: 'block', findings: 4, items: 3 },
      { kind: 'wording', severity: 'warn', findings: 1, items: 1 },
      { kind: 'personalData', severity: 'block', findings: 1, items: 1 },
    ]));
    expect(after.rows.some((r) => r.item.unitId !== fgj)).toBe(false);

    expect((await report(`unitId=${fgj}&year=2025&kind=personalData`)).rows.map((r) => r.item.title)).toEqual(['附件含手机号的通知']);
    expect((await report(`unitId=${fgj}&year=2025&severity=warn`)).rows.map((r) => r.item.title)).toEqual(['过时机构名称的通知']);
    expect((await report(`unitId=${fgj}&from=2024-01-01&to=2024-12-31`)).rows.map((r) => r.item.title)).toEqual(['去年的旧称通知']);
    expect((await report(`unitId=${fgj}&scope=draft&year=2025`)).rows.map((r) => r.item.title)).toEqual(['草稿中的旧称']);
    const paged = await report(`unitId=${fgj}&year=2025&offset=1&limit=2`);
    expect(paged.total).toBe(5);
    expect(paged.rows.map((r) => r.item.title)).toEqual(['附件含手机号的通知', '=HYPERLINK("http://evil.example","点此")']);
    // The city office reads every unit; the drafter of fgj does not see 教育局.
    const city = await report('year=2025', office);
    expect(city.rows.some((r) => r.item.unitId === jyj)).toBe(true);
    expect((await drafter.get(`/api/v1/publications/check-report?unitId=${jyj}`)).statusCode).toBe(404);

    for (const [qs, says] of [['year=20x5', '年份应为四位数字'], ['scope=all', '检查范围只能是'], ['severity=fatal', '严重程度只能是'], ['from=2025-05-01&to=2025-04-01', '开始日期不能晚于结束日期']] as const) {
      const res = await drafter.get(`/api/v1/publications/check-report?unitId=${fgj}&${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(JSON.stringify(res.json().error), qs).toContain(says);
    }
  });

  it('exports the report as XLSX with a sheet per item and per finding, formulas neutralised, personal data masked', async () => {
    const res = await drafter.get(`/api/v1/publications/check-report.xlsx?unitId=${fgj}&year=2025`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('用语检查报告-');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按信息汇总', '问题明细', '说明']);
    const values = (name: string) => wb.getWorksheet(name)!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    const items = values('按信息汇总');
    expect(items[0]).toEqual(['单位', '标题', '索引号', '文号', '状态', '发布日期', '生成日期', '阻止发布', '提示', '用语', '个人信息', '链接']);
    expect(items).toHaveLength(6);
    expect(items[1]!.slice(1, 2)).toEqual(['两处旧称的通知']);
    expect(items[1]![7]).toBe(2);
    expect(items[3]![1]).toBe('\'=HYPERLINK("http://evil.example","点此")');
    const detail = values('问题明细');
    expect(detail).toHaveLength(1 + 6);
    expect(detail.flat().join('|')).not.toContain('13812345678');
    expect(detail.some((r) => r[5] === '附件“名单.docx”第8字')).toBe(true);
    expect(JSON.stringify(values('说明'))).toContain('已发布的信息');
  });
});
