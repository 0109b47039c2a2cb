/**
 * The 主动公开 admin pages in Chromium against the real app (SQLite, demo city): paste from Word arrives clean in
 * the editor; the editor fits a phone; the 公开办 adds a column to a unit's catalogue and moves it; the ledger lists
 * the review steps and exports XLSX; timeliness counts the month; the chart page draws the month and gives the
 * same numbers as a table; 分类表 shows the subject tree with usage and deactivates a code; the 用语检查报告 counts;
 * a finding clicked in the editor selects its text. axe-core (WCAG 2.1 A/AA) finds no violations on these pages.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDistDir } from '../../src/http/admin-static.js';
import { TEST_PASSWORD, buildTestApp, type TestApp } from '../support/app.js';
import { loggedInAdminPage, submitAdminLogin } from '../support/admin-login.js';
import { adminAxe, WCAG21 } from '../support/axe.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{mso-style-parent:"";}</style></head>
<body><!--StartFragment--><h2 class=MsoTitle style="mso-outline-level:1">一、监测范围</h2>
<p class=MsoNormal style="mso-pagination:none;text-indent:2em"><span style="mso-bidi-font-family:宋体">粮油肉蛋菜奶等重要民生商品。</span><o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<![if !supportLists]><span>1.</span><![endif]>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>品种<o:p></o:p></p></td><td><p class=MsoNormal>频次</p></td></tr>
<tr><td><p class=MsoNormal>猪肉</p></td><td><p class=MsoNormal>每周</p></td></tr></table><!--EndFragment--></body></html>`;

describe.skipIf(!chromiumAvailable())('主动公开 admin pages in Chromium (sqlite)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let fgj: string;
  let page: Page;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(`${adminDistDir()}/index.html`)) throw new Error('dist/admin is missing: run `node scripts/build.mjs admin`');
    t = await buildTestApp('sqlite');
    base = await listen(t.app);
    fgj = await t.unitId('fgj');
    // One published item so the ledger, timeliness and chart have something to show (API, default three stages).
    const drafter = await t.clientWithRole('ap.draft', 'infoOfficer', 'fgj');
    const r1 = await t.clientWithRole('ap.r1', 'reviewer', 'fgj');
    const r2 = await t.clientWithRole('ap.r2', 'reviewer', 'fgj');
    await t.clientWithRole('ap.head', 'officeAdmin', 'anlan', 'zfb');
    const head = await t.login('ap.head', TEST_PASSWORD);
    const cols = (await drafter.get(`/api/v1/units/${fgj}/columns`)).json().items as { id: string; code: string }[];
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const created = await drafter.post('/api/v1/publications/items', {
      unitId: fgj, columnId: cols.find((c) => c.code === 'tzgg')!.id, title: '安澜市发展和改革局关于公布2026年第一季度价格监测结果的通告', summary: '公布价格监测结果。',
      bodyHtml: '<p>现将第一季度价格监测结果通告如下。</p>', publisher: '安澜市发展和改革局', docNumber: '安发改〔2026〕5号', createdOn: today,
      subject: '国民经济管理、国有资产监管\\物价', genre: '通告', keywords: ['价格监测'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await drafter.post(`/api/v1/publications/items/${id}/submit`)).statusCode).toBe(200);
    expect((await r1.post(`/api/v1/publications/items/${id}/approve`, { confidentialityConfirmed: true, comment: '初审通过' })).statusCode).toBe(200);
    expect((await r2.post(`/api/v1/publications/items/${id}/approve`, {})).statusCode).toBe(200);
    expect((await head.post(`/api/v1/publications/items/${id}/approve`, {})).statusCode).toBe(200);

    browser = await launchBrowser();
    // The 公开办 of the city manages catalogues and reads every unit's reports; the drafter role is tested in the story.
    page = await loggedInAdminPage(browser, base, 'ap.head', { problems, contexts, timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('cleans a paste from Word (no Office tags, comments or spacer paragraphs; headings and tables kept) and fits a phone', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    contexts.push(ctx);
    const phone = await ctx.newPage();
    phone.setDefaultTimeout(60_000);
    phone.on('pageerror', (e) => problems.push(e.message));
    await phone.goto(`${base}/admin/login`);
    await submitAdminLogin(phone, 'ap.draft');
    await phone.getByRole('button', { name: '打开菜单' }).waitFor();
    await phone.goto(`${base}/admin/publications/new?unitId=${fgj}`);
    const body = phone.getByRole('textbox', { name: '正文', exact: true });
    await body.click();
    await body.evaluate((el, html) => {
      const dt = new DataTransfer();
      dt.setData('text/html', html);
      dt.setData('text/plain', '一、监测范围');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, WORD_HTML);
    await body.locator('table').waitFor();
    const html = await body.innerHTML();
    expect(html).toContain('<h2>一、监测范围</h2>');
    expect(html).toContain('粮油肉蛋菜奶等重要民生商品。');
    expect(html).toMatch(/<td[^>]*>.*品种.*<\/td>/s);
    expect(html).not.toMatch(/mso-|o:p|MsoNormal|<!--|supportLists|StartFragment/);
    // No empty spacer paragraph between the text and the table (ProseMirror keeps only what had content).
    expect(html).not.toMatch(/<p>(\s|&nbsp;|<br[^>]*>)*<\/p>\s*<(div|table)/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    expect((await adminAxe(phone, WCAG21)).all).toEqual([]);
  }, 180_000);

  it('adds a column with its time limit and freshness rule to a unit\'s catalogue and moves it up', async () => {
    await page.goto(`${base}/admin/publications/catalogue?unitId=${fgj}`);
    await page.getByRole('heading', { name: '栏目管理' }).waitFor();
    await page.getByRole('button', { name: /新增一级栏目/ }).click();
    await page.getByLabel('栏目名称').fill('专项资金公示');
    await page.getByLabel('栏目代码').fill('zxzj');
    await page.getByLabel('发布时限（工作日）').fill('10');
    await page.getByLabel('更新周期（天）').fill('90');
    await page.getByRole('button', { name: '保存栏目' }).click();
    await page.getByText('栏目：专项资金公示').waitFor();
    const col = async () => ((await t.admin.get(`/api/v1/units/${fgj}/columns`)).json().items as { code: string; parentId: string | null; sortOrder: number; timeLimitDays: number; freshnessDays: number }[]);
    const roots = async () => (await col()).filter((c) => c.parentId === null).sort((a, b) => a.sortOrder - b.sortOrder).map((c) => c.code);
    expect((await col()).find((c) => c.code === 'zxzj')).toMatchObject({ timeLimitDays: 10, freshnessDays: 90 });
    const before = await roots();
    expect(before.at(-1)).toBe('zxzj');
    await page.getByRole('button', { name: '上移' }).click();
    await expect.poll(async () => (await roots()).indexOf('zxzj')).toBe(before.length - 2);
    await page.getByRole('heading', { name: '审核环节' }).or(page.getByText('审核环节', { exact: true })).first().waitFor();
    expect(await page.getByLabel('第1环节名称').inputValue()).toBe('初审');
    expect((await adminAxe(page, WCAG21)).all).toEqual([]);
  }, 120_000);

  it('lists the review steps in the ledger and exports them as XLSX', async () => {
    await page.goto(`${base}/admin/publications/ledger?unitId=${fgj}`);
    await page.getByRole('cell', { name: '初审通过' }).waitFor();
    expect(await page.getByText('已确认保密审查').count()).toBeGreaterThan(0);
    const href = await page.getByRole('link', { name: /导出 XLSX/ }).getAttribute('href');
    const res = await page.request.get(`${base}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
    expect((await adminAxe(page, WCAG21)).all).toEqual([]);
  }, 120_000);

  it('counts the month in 时效监测 and draws it in 发布统计 with the same numbers as a table', async () => {
    await page.goto(`${base}/admin/publications/timeliness?unitId=${fgj}`);
    await expect.poll(() => page.getByText(/共发布/).innerText()).toMatch(/共发布 1 条，其中超过栏目发布时限的 0 条/);
    expect((await adminAxe(page, WCAG21)).all).toEqual([]);

    await page.goto(`${base}/admin/publications/charts`);
    await page.getByRole('heading', { name: '发布统计' }).waitFor();
    const chart = page.getByRole('img', { name: /共发布 1 条信息/ });
    await chart.waitFor();
    expect(await chart.locator('canvas').count()).toBe(1);
    const month = new Date(Date.now() + 8 * 3_600_000).getUTCMonth() + 1;
    const row = page.getByRole('row').filter({ hasText: '发改局' }).or(page.getByRole('row').filter({ hasText: '发展和改革局' })).first();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[month]).toBe('1');
    expect(cells.at(-1)).toBe('1');
    expect((await adminAxe(page, WCAG21)).all).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('filters 信息发布 by year on 发布日期 (the year in the address, so the filtered list can be shared)', async () => {
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    await page.goto(`${base}/admin/publications?unitId=${fgj}&dateBy=publishedOn&year=${year}`);
    await page.getByRole('link', { name: /价格监测结果的通告/ }).waitFor();
    expect(await page.getByLabel('年份').inputValue()).toBe(String(year));
    expect((await adminAxe(page, WCAG21)).all).toEqual([]);
    if (process.env.GK_SHOTS) await page.screenshot({ path: '/tmp/gk-items-year.png' });
    await page.goto(`${base}/admin/publications?unitId=${fgj}&dateBy=publishedOn&year=${year - 1}`);
    await page.locator('.ant-table-placeholder').waitFor();
    expect(await page.getByRole('link', { name: /价格监测结果的通告/ }).count()).toBe(0);
  }, 120_000);

  it('分类表: the subject tree with usage counts, adds a second-level code, deactivates it; a code in use offers no delete', async () => {
    await page.goto(`${base}/admin/publications/codes`);
    await page.getByRole('heading', { name: '分类表' }).waitFor();
    const economy = page.getByRole('row').filter({ hasText: '国民经济管理、国有资产监管' }).first();
    await economy.waitFor();
    expect(await economy.innerText()).toContain('1 条');
    await economy.getByRole('button', { name: /展开|Expand/ }).click();
    const prices = page.getByRole('row').filter({ hasText: '国民经济管理、国有资产监管\\物价' });
    await prices.waitFor();
    expect(await prices.innerText()).toContain('已有 1 条信息使用，不能删除');
    expect(await prices.getByRole('button', { name: /^删除/ }).count()).toBe(0);

    await page.getByRole('button', { name: '新增二级分类（综合政务）' }).click();
    await page.getByLabel('分类名称').fill('营商环境');
    await page.getByRole('button', { name: '保存分类' }).click();
    await page.getByText('已保存“综合政务\\营商环境”').waitFor();
    const codes = async () => (await t.admin.get('/api/v1/publication-codes?list=subject')).json().items as { code: string; active: boolean }[];
    expect((await codes()).find((c) => c.code === '综合政务\\营商环境')?.active).toBe(true);
    const row = page.getByRole('row').filter({ hasText: '综合政务\\营商环境' });
    await row.waitFor();
    await row.getByRole('button', { name: '停用“综合政务\\营商环境”' }).click();
    await row.getByText('已停用').waitFor();
    expect((await codes()).find((c) => c.code === '综合政务\\营商环境')?.active).toBe(false);
    expect((await adminAxe(page, WCAG21)).all).toEqual([]);
    if (process.env.GK_SHOTS) await page.screenshot({ path: '/tmp/gk-codes.png' });

    await page.getByRole('tab', { name: '体裁分类' }).click();
    const notice = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '通告', exact: true }) });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('1 条');
    expect((await adminAxe(page, WCAG21)).all).toEqual([]);

    await page.goto(`${base}/admin/publications/check-report?unitId=${fgj}`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '用现行词库检查' }).innerText()).toMatch(/检查 1 条信息，其中 0 条有问题/);
    if (process.env.GK_SHOTS) await page.screenshot({ path: '/tmp/gk-report.png' });
    expect((await adminAxe(page, WCAG21)).all).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('clicking a finding selects its text in the body editor (across a heading, list, table and bold) and in the title, also after an edit', async () => {
    const drafter = await t.login('ap.draft', TEST_PASSWORD);
    const cols = (await drafter.get(`/api/v1/units/${fgj}/columns`)).json().items as { id: string; code: string }[];
    const created = await drafter.post('/api/v1/publications/items', {
      unitId: fgj, columnId: cols.find((c) => c.code === 'tzgg')!.id, title: '关于转发国土资源部文件的通知', summary: '',
      bodyHtml: '<h2>一、背景</h2><ul><li><p>第一项</p></li></ul><table><tbody><tr><th><p>品种</p></th><th><p>频次</p></th></tr><tr><td><p>猪肉</p></td><td><p>每周</p></td></tr></tbody></table>'
        + '<p>根据<strong>国土</strong>资源部有关规定，<br>特此通知。</p>',
      publisher: '安澜市发展和改革局', createdOn: '2026-03-02', subject: '综合政务\\政务公开', genre: '通知', docNumber: '安发改〔2026〕9号',
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = await loggedInAdminPage(browser, base, 'ap.draft', { problems, contexts, viewport: { width: 1280, height: 640 }, timeout: 60_000 });
    await p.goto(`${base}/admin/publications/${created.json().id}/edit`);
    const inBody = p.getByRole('button', { name: /^正文第\d+字/ });
    await inBody.waitFor();
    const selected = () => p.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el && el.tagName === 'INPUT' ? el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0) : String(window.getSelection());
    });
    await inBody.click();
    await expect.poll(selected).toBe('国土资源部');
    if (process.env.GK_SHOTS) await p.screenshot({ path: '/tmp/gk-editor.png' });
    // The selection is scrolled into view.
    const inView = () => p.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(await inView()).toBe(true);

    await p.getByRole('button', { name: /^标题第5字/ }).click();
    await expect.poll(selected).toBe('国土资源部');

    // After typing at the start of the body (unsaved), the offsets moved: the finding is found again by its text.
    const body = p.getByRole('textbox', { name: '正文', exact: true });
    await body.locator('h2').click();
    await p.keyboard.press('Home');
    await p.keyboard.type('补充说明');
    await p.getByText('有未保存的修改，请先保存').waitFor();
    await inBody.click();
    await expect.poll(selected).toBe('国土资源部');
    expect((await adminAxe(p, WCAG21)).all).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);
});
