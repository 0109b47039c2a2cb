/**
 * 依申请公开 on the public portal, as a citizen meets it without JavaScript: the form (labelled, no purpose
 * field), a submission that lands as 待确认收到 with its receipt number and query code, field errors that keep
 * what was typed (escaped), the progress lookup that reveals nothing to a wrong code, and Chinese pages for
 * forged and too frequent submissions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../src/domain/units/codes.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();

const ID = '11010519491231002X';
const ORIGIN = 'http://localhost:80';
const FIELDS = ['type', 'name', 'idType', 'idNumber', 'orgCode', 'contactPerson', 'phone', 'email', 'address', 'postcode', 'description', 'documentNo', 'provisionForm', 'deliveryMethod', 'proof'];
const valid: Record<string, string> = {
  type: 'natural', name: '欧阳明月', idType: 'residentId', idNumber: ID, orgCode: '', contactPerson: '', phone: '13800138000', email: 'oy@example.cn',
  address: '安澜市府前大道100号3单元', postcode: '564700', description: '2025年度安澜市城区道路改造项目的立项批复文件', documentNo: '安发改投资〔2025〕12号',
  provisionForm: 'email', deliveryMethod: 'email',
};
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe.each(ENGINES)('online application pages on %s', (engine) => {
  let t: TestApp;
  let seq = 0;
  /** Each test posts from its own client address, so the per-address rate limit is tested on its own. */
  const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = { origin: ORIGIN }, remoteAddress = `10.0.0.${++seq}`) =>
    t.app.inject({ method: 'POST', url, payload: form(fields), remoteAddress, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  const count = () => t.rt.deps.store.read(async (r) => (await r.applications.queue({ unitIds: [(await r.units.getBySlug('fgj'))?.id as string], limit: 1000 })).length);
  const receiptOf = (html: string) => {
    const m = /<dt>受理编号<\/dt><dd class="code">([A-Z0-9-]+)<\/dd>\s*<dt>查询码<\/dt><dd class="code">(\d{8})<\/dd>/.exec(html);
    if (!m) throw new Error('no receipt on the page');
    return { receiptNo: m[1] as string, queryCode: m[2] as string };
  };

  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('the unit home links to the application page', async () => {
    const home = await t.app.inject({ url: '/u/fgj/' });
    expect(home.body).toContain('<a href="/u/fgj/apply">依申请公开</a>');
  });

  it('shows the guide text, the Art. 43 help with the office phone, and a labelled form without a purpose field', async () => {
    const res = await t.app.inject({ url: '/u/fgj/apply' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("script-src 'none'");
    const html = res.body;
    expect(html).toContain('<h1>安澜市发展和改革局政府信息公开申请</h1>');
    expect(html).toContain('（一）受理机构'); // the guide's 依申请公开 section
    expect(html).toContain('申请人有阅读困难或者视听障碍的，行政机关应当为其提供必要的帮助（《条例》第四十三条）');
    expect(html).toContain('0851-86222001');
    expect(html).not.toMatch(/\sstyle=|<script/);
    const names = [...new Set([...html.matchAll(/<(?:input|select|textarea)[^>]*\sname="([^"]+)"/g)].map((m) => m[1]))];
    expect(names.sort()).toEqual([...FIELDS].sort());
    expect(html).not.toMatch(/name="(purpose|usage|reason)"/);
    expect(html).toContain('申请人无需说明申请用途');
    // Every control has a label pointing at it; every group has a legend; required is said in words.
    const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*\sid="([^"]+)"/g)].map((m) => m[1] as string);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(html, id).toContain(`<label for="${id}">`);
    expect((html.match(/<fieldset/g) ?? []).length).toBe((html.match(/<legend>/g) ?? []).length);
    expect(html).toContain('<legend>申请人类型<span class="need">（必填）</span></legend>');
    expect(html).toContain('<label for="f-idNumber">证件号码<span class="need">（自然人必填）</span></label>');
    // Per user: the page is never kept by the portal cache, so a second request renders again.
    expect((await t.app.inject({ url: '/u/fgj/apply' })).headers.etag).toBeUndefined();
  });

  it('a valid submission registers an online application awaiting confirmation and shows its receipt number and code once', async () => {
    const before = await count();
    const res = await post('/u/fgj/apply', valid);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { receiptNo, queryCode } = receiptOf(res.body);
    expect(receiptNo).toMatch(/^FGJ-\d{4}-\d{5}$/);
    expect(res.body).toContain('查询码只在本页显示这一次');
    expect(res.body).toContain('第三十一条第（三）项');
    expect(res.body).toContain('您的申请才视为收到');
    expect(await count()).toBe(before + 1);
    const app = await t.rt.deps.store.read((r) => r.applications.getByReceiptNo(receiptNo));
    expect(app?.status).toBe('registered');
    expect(app?.channel).toBe('online');
    expect(app?.receivedOn).toBeNull();
    expect(app?.documentNo).toBe('安发改投资〔2025〕12号');
    expect(JSON.parse(t.rt.deps.secrets.open(app?.applicantSealed as string))).toMatchObject({ name: '欧阳明月', idNumber: ID, email: 'oy@example.cn' });
    expect(JSON.stringify(app)).not.toContain(queryCode); // only its hash is kept

    // The code works on the unit's progress page and on the site-wide one.
    for (const url of ['/u/fgj/apply/progress', '/progress']) {
      const p = await post(url, { receiptNo, queryCode });
      expect(p.statusCode, url).toBe(200);
      expect(p.body).toContain('<strong>待确认收到</strong>');
      expect(p.body).toContain('尚未确认收到');
      expect(p.body).toContain('登记申请');
      expect(p.headers['cache-control']).toBe('no-store');
    }
  });

  it('an organisation applies with its credit code and a contact person; leftover personal ID fields are dropped', async () => {
    const first17 = '91520100MA6DK1234';
    const res = await post('/u/fgj/apply', { ...valid, type: 'commercial', name: '安澜市星河科技有限公司', orgCode: first17 + usccCheckChar(first17), contactPerson: '李四', description: '企业申请的信息' });
    expect(res.statusCode).toBe(200);
    const app = await t.rt.deps.store.read((r) => r.applications.getByReceiptNo(receiptOf(res.body).receiptNo));
    const personal = JSON.parse(t.rt.deps.secrets.open(app?.applicantSealed as string));
    expect(app?.applicantType).toBe('commercial');
    expect(personal.idNumber).toBeUndefined();
    expect(personal.contactPerson).toBe('李四');
  });

  it('an invalid ID number is shown next to its field and in the summary, with what was typed kept, and creates nothing', async () => {
    const before = await count();
    const res = await post('/u/fgj/apply', { ...valid, idNumber: '110105194912310021' });
    expect(res.statusCode).toBe(400);
    expect(await count()).toBe(before);
    const html = res.body;
    expect(html).toContain('<title>提交有误：');
    expect(html).toContain('<h2 id="error-summary-title">提交的内容有 1 处需要修改</h2>');
    expect(html).toContain('<li><a href="#f-idNumber">身份证号码校验位不正确，请核对后重新输入</a></li>');
    expect(html).toContain('<p class="field-error" id="f-idNumber-error"><span class="vh">错误：</span>身份证号码校验位不正确');
    expect(html).toMatch(/<input type="text" id="f-idNumber" name="idNumber" value="110105194912310021"[^>]* aria-invalid="true" aria-describedby="f-idNumber-hint f-idNumber-error">/);
    expect(html).toContain('value="欧阳明月"');
    expect(html).toContain('<input type="radio" id="f-deliveryMethod-email" name="deliveryMethod" value="email" checked>');
    expect(html).toContain('>2025年度安澜市城区道路改造项目的立项批复文件</textarea>');
  });

  it('an empty submission lists every missing item in Chinese, never a 500', async () => {
    const res = await post('/u/fgj/apply', {});
    expect(res.statusCode).toBe(400);
    for (const m of ['请选择申请人类型', '请填写申请人姓名或名称', '请填写联系电话', '请填写所需政府信息的名称或内容描述', '请选择信息的提供形式', '请选择获取信息的方式']) expect(res.body).toContain(m);
    expect(res.body).toContain('<a href="#f-type-natural">请选择申请人类型</a>');
  });

  it('HTML and script typed into the form come back as text', async () => {
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const res = await post('/u/fgj/apply', { ...valid, name: evil, description: `</textarea>${evil}`, documentNo: evil, idNumber: 'bad' });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).not.toContain('</textarea><script>');
    expect(res.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"');
    const textarea = /<textarea id="f-description"[^>]*>([^<]*)<\/textarea>/.exec(res.body)?.[1] ?? '';
    expect(decode(textarea)).toBe(`</textarea>${evil}`);
  });

  it('a submission from another site is refused with a Chinese page and creates nothing', async () => {
    const before = await count();
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site', origin: ORIGIN }, {} as Record<string, string>, { origin: 'null', referer: 'https://evil.example/x' }]) {
      const res = await post('/u/fgj/apply', valid, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.body).toContain('无法确认本次提交来自本平台的申请页面');
      expect(res.body).toContain('value="欧阳明月"');
    }
    // An older browser that sends only a Referer from this site is accepted.
    expect((await post('/u/fgj/apply', { ...valid, description: '只带来源页面的提交' }, { referer: 'http://localhost/u/fgj/apply' })).statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('a wrong query code or an unknown number reveals nothing, in the same words (404)', async () => {
    const { receiptNo, queryCode } = receiptOf((await post('/u/fgj/apply', { ...valid, description: '查询码测试' })).body);
    const wrong = String((Number(queryCode) % 89_999_999) + 10_000_000);
    const a = await post('/progress', { receiptNo, queryCode: wrong });
    const b = await post('/progress', { receiptNo: 'FGJ-2099-99999', queryCode });
    for (const res of [a, b]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('受理编号或查询码不正确，请核对回执后重新输入');
      for (const secret of ['待确认收到', '办理记录', '安澜市发展和改革局', '查询码测试']) expect(res.body).not.toContain(secret);
    }
    const withoutValues = (s: string) => s.replace(/value="[^"]*"/g, '');
    expect(withoutValues(a.body)).toBe(withoutValues(b.body));
    const empty = await post('/progress', { receiptNo: '', queryCode: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a href="#f-receiptNo">请填写受理编号</a>');
  });

  it('too many submissions from one address get the form back with a Chinese 429 page', async () => {
    const max = t.rt.config.rateLimit.publicWritePerMinute;
    const ip = '192.0.2.77';
    for (let i = 0; i < max; i++) expect((await post('/progress', { receiptNo: 'X', queryCode: '1' }, {}, ip)).statusCode).toBe(404);
    const limited = await post('/progress', { receiptNo: 'FGJ-2026-00009', queryCode: '1' }, {}, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(limited.body).toMatch(/提交过于频繁，请在 \d+ 秒后再试/);
    expect(limited.body).toContain('value="FGJ-2026-00009"');

    const ip2 = '192.0.2.78';
    for (let i = 0; i < max; i++) expect((await post('/u/fgj/apply', { ...valid, idNumber: 'bad' }, { origin: ORIGIN }, ip2)).statusCode).toBe(400);
    const before = await count();
    const applyLimited = await post('/u/fgj/apply', valid, { origin: ORIGIN }, ip2);
    expect(applyLimited.statusCode).toBe(429);
    expect(applyLimited.body).toContain('您填写的内容已保留在下方');
    expect(applyLimited.body).toContain('value="欧阳明月"');
    expect(await count()).toBe(before);
  });

  it('a body the form cannot send gets the server Chinese error page', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/u/fgj/apply', payload: '<name>x</name>', headers: { 'content-type': 'application/xml', origin: ORIGIN } });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('不支持的请求格式');
  });

  it('unknown units are a Chinese 404 page', async () => {
    for (const url of ['/u/nosuchunit/apply', '/u/NOPE/apply/progress']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('页面不存在');
    }
  });
});
