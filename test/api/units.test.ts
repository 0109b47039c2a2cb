import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';
import { multipart } from '../support/multipart.js';

const ENGINES = await testEngines();

const auditCount = (t: TestApp) => t.rt.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));

describe.each(ENGINES)('units API on %s', (engine) => {
  let t: TestApp;
  let gov: string;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    gov = await t.unitId('anlan');
  });
  afterAll(async () => t?.close());

  it('creates a unit with a readable slug and writes its audit row', async () => {
    const res = await t.admin.post('/api/v1/units', {
      parentId: gov, name: '安澜市卫生健康局', shortName: '市卫健局', type: 'department', level: 'county',
      phone: '0851-86228001', postcode: '564700', email: 'wjj@anlan.gov.cn', officeName: '市卫健局办公室',
    });
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit.slug).toBe('shiweijianju');
    const audit = await t.admin.get(`/api/v1/audit?entityId=${unit.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['unit.create']);
    expect(audit.json().items[0].after.name).toBe('安澜市卫生健康局');
  });

  it('refuses invalid input with field-level Chinese messages and writes nothing', async () => {
    const before = await auditCount(t);
    const res = await t.admin.post('/api/v1/units', {
      parentId: gov, name: '某', code: '91350100M000100Y44', type: 'ministry', level: 'county',
      email: 'not-an-email', postcode: '5647', website: 'www.example.cn',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION');
    const byField = Object.fromEntries(body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(byField.name).toBe('单位名称至少2个字');
    expect(byField.code).toContain('校验位');
    expect(byField.type).toBe('请选择单位类型');
    expect(byField.email).toBe('电子邮箱格式不正确');
    expect(byField.postcode).toBe('邮政编码应为6位数字');
    expect(byField.website).toContain('http');
    expect(await auditCount(t)).toBe(before);
  });

  it('refuses a duplicate code and a duplicate slug (409) without side effects', async () => {
    const fgj = (await t.admin.get(`/api/v1/units/${await t.unitId('fgj')}`)).json();
    const before = await auditCount(t);
    const dupCode = await t.admin.post('/api/v1/units', { parentId: gov, name: '重复代码单位', code: fgj.code, type: 'department', level: 'county' });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().error.message).toContain('安澜市发展和改革局');
    const dupSlug = await t.admin.post('/api/v1/units', { parentId: gov, name: '重复标识单位', slug: 'fgj', type: 'department', level: 'county' });
    expect(dupSlug.statusCode).toBe(409);
    expect(await auditCount(t)).toBe(before);
  });

  it('edits facts and records before and after', async () => {
    const id = await t.unitId('jyj');
    const res = await t.admin.patch(`/api/v1/units/${id}`, { phone: '0851-86223999', officeHours: '工作日 8:30-17:30' });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('0851-86223999');
    const audit = (await t.admin.get(`/api/v1/audit?entityId=${id}&action=unit.update`)).json().items[0];
    expect(audit.before.phone).toBe('0851-86223001');
    expect(audit.after.phone).toBe('0851-86223999');
  });

  it('moves a unit, but never under itself or its descendants', async () => {
    const sub = (await t.admin.post('/api/v1/units', { parentId: await t.unitId('jyj'), name: '安澜市教育局基础教育股', type: 'other', level: 'county' })).json();
    const cyc = await t.admin.post(`/api/v1/units/${await t.unitId('jyj')}/move`, { parentId: sub.id });
    expect(cyc.statusCode).toBe(409);
    expect(cyc.json().error.message).toContain('下级');
    const ok = await t.admin.post(`/api/v1/units/${sub.id}/move`, { parentId: await t.unitId('fgj') });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().parentId).toBe(await t.unitId('fgj'));
  });

  it('deactivates a unit with its accounts, and never hard-deletes a unit that has records', async () => {
    const u = (await t.admin.post('/api/v1/units', { parentId: gov, name: '安澜市撤并办', type: 'department', level: 'county' })).json();
    const acc = await t.admin.post('/api/v1/accounts', { unitId: u.id, username: 'chebing', displayName: '赵敏', roles: [{ unitId: u.id, role: 'infoOfficer' }] });
    expect(acc.statusCode).toBe(201);
    const del = await t.admin.del(`/api/v1/units/${u.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toContain('只能停用');
    const parentDeact = await t.admin.post(`/api/v1/units/${gov}/deactivate`);
    expect(parentDeact.statusCode).toBe(409); // still has active children
    const deact = await t.admin.post(`/api/v1/units/${u.id}/deactivate`);
    expect(deact.statusCode).toBe(200);
    expect(deact.json().status).toBe('inactive');
    const account = (await t.admin.get(`/api/v1/accounts/${acc.json().account.id}`)).json();
    expect(account.status).toBe('disabled');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'chebing', password: acc.json().initialPassword } });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('ACCOUNT_DISABLED');
    // A unit created by mistake, with nothing attached, can be deleted.
    const mistake = (await t.admin.post('/api/v1/units', { parentId: gov, name: '误建单位', type: 'other', level: 'county' })).json();
    expect((await t.admin.del(`/api/v1/units/${mistake.id}`)).statusCode).toBe(204);
    expect((await t.admin.get(`/api/v1/units/${mistake.id}`)).statusCode).toBe(404);
  });

  it('imports a CSV tree in dependency order, parents referenced by name', async () => {
    const csv = [
      '单位名称,简称,统一社会信用代码,上级单位,单位类型,行政层级,联系电话,邮政编码',
      '安澜市东城街道办事处,东城街道,,安澜市人民政府,街道,乡级,0851-86230001,564700',
      '东城街道社区服务中心,,,安澜市东城街道办事处,其他单位,乡级,,',
    ].join('\n');
    const res = await t.admin.raw({ method: 'POST', url: '/api/v1/units/import', ...multipart({ file: { filename: 'units.csv', content: Buffer.from(csv) } }) });
    expect(res.statusCode).toBe(200);
    expect(res.json().created.map((c: { name: string }) => c.name)).toEqual(['安澜市东城街道办事处', '东城街道社区服务中心']);
    const units = (await t.admin.get('/api/v1/units')).json().items as { name: string; id: string; parentId: string }[];
    const street = units.find((u) => u.name === '安澜市东城街道办事处');
    expect(units.find((u) => u.name === '东城街道社区服务中心')?.parentId).toBe(street?.id);
  });

  it('imports nothing when any row is wrong, and names every bad row', async () => {
    const before = (await t.admin.get('/api/v1/units')).json().items.length;
    const auditBefore = await auditCount(t);
    const csv = [
      '单位名称,统一社会信用代码,上级单位,单位类型,行政层级,电子邮箱',
      '安澜市水务局,,安澜市人民政府,政府部门,县级,slj@anlan.gov.cn',
      '安澜市林业局,91350100M000100Y44,安澜市人民政府,政府部门,县级,',
      '安澜市统计局,,不存在的单位,政府部门,县级,',
      '安澜市医保局,,安澜市人民政府,部委,县级,abc',
      '安澜市水务局,,安澜市人民政府,政府部门,县级,',
    ].join('\n');
    const res = await t.admin.raw({ method: 'POST', url: '/api/v1/units/import', ...multipart({ file: { filename: 'bad.csv', content: Buffer.from(csv) } }) });
    expect(res.statusCode).toBe(400);
    const problems = res.json().error.details.problems as { row: number; field: string; message: string }[];
    const rows = problems.map((p) => `${p.row}:${p.field}`);
    expect(rows).toContain('3:统一社会信用代码');
    expect(rows).toContain('4:上级单位');
    expect(rows).toContain('5:单位类型');
    expect(rows).toContain('5:电子邮箱');
    expect(rows).toContain('6:单位名称');
    expect(problems.find((p) => p.row === 4)?.message).toContain('不存在的单位');
    expect((await t.admin.get('/api/v1/units')).json().items.length).toBe(before);
    expect(await auditCount(t)).toBe(auditBefore);
  });

  it('imports XLSX (with a GBK-free header and numeric cells) and supports a dry run', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('单位');
    ws.addRow(['单位名称', '上级单位', '单位类型', '行政层级', '排序号', '邮政编码']);
    ws.addRow(['安澜市审计局', '安澜市人民政府', '政府部门', '县级', 88, 564700]);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await t.admin.raw({ method: 'POST', url: '/api/v1/units/import', ...multipart({ file: { filename: 'u.xlsx', content }, dryRun: 'true' }) });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().dryRun).toBe(true);
    expect(dry.json().created[0].name).toBe('安澜市审计局');
    const names = () => t.admin.get('/api/v1/units').then((r) => r.json().items.map((u: { name: string }) => u.name));
    expect(await names()).not.toContain('安澜市审计局');
    const real = await t.admin.raw({ method: 'POST', url: '/api/v1/units/import', ...multipart({ file: { filename: 'u.xlsx', content } }) });
    expect(real.statusCode).toBe(200);
    expect(await names()).toContain('安澜市审计局');
  });

  it('rejects a file that is not a spreadsheet with a clear message', async () => {
    const res = await t.admin.raw({ method: 'POST', url: '/api/v1/units/import', ...multipart({ file: { filename: 'x.xlsx', content: Buffer.from('PK\u0003\u0004garbage') } }) });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toContain('XLSX');
    const gbk = Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0xb0, 0xb2, 0xc0, 0xbd, 0xca, 0xd0, 0xb2, 0xe2, 0xca, 0xd4, 0x0a]); // 单位名称\n安澜市测试\n in GBK
    const res2 = await t.admin.raw({ method: 'POST', url: '/api/v1/units/import', ...multipart({ file: { filename: 'gbk.csv', content: gbk } }) });
    // Decoded as GBK: the header is recognised, and the row fails only for its missing type/level.
    expect(res2.statusCode).toBe(400);
    const fields = res2.json().error.details.problems.map((p: { field: string }) => p.field);
    expect(fields).toContain('单位类型');
    expect(fields).not.toContain('单位名称');
  });
});
