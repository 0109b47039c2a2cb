/**
 * 用语词库 and 其他渠道公开 in Chromium against the real app (SQLite, demo city): the system administrator adds a
 * platform-wide entry and sees the checks find it, then registers a gazette issue and sees the year's count.
 * The admin CSP stays enforced; serious axe-core violations fail the test.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDistDir } from '../../src/http/admin-static.js';
import { loggedInAdminPage, submitAdminLogin } from '../support/admin-login.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { adminAxe } from '../support/axe.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';


describe.skipIf(!chromiumAvailable())('用语词库 and 其他渠道公开 in Chromium (sqlite)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(`${adminDistDir()}/index.html`)) throw new Error('dist/admin is missing: run `node scripts/build.mjs admin`');
    t = await buildTestApp('sqlite');
    base = await listen(t.app);
    browser = await launchBrowser();
    page = await loggedInAdminPage(browser, base, 'admin', { problems, timeout: 15_000 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('adds a platform-wide entry and the try-the-checks box finds it with its severity', async () => {
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '用语词库' }).click();
    await page.getByRole('heading', { name: '用语词库' }).waitFor();
    await page.getByRole('cell', { name: '国家工商行政管理总局', exact: true }).waitFor();
    expect((await adminAxe(page)).serious).toEqual([]);

    await page.getByRole('button', { name: '新增词条' }).click();
    const dialog = page.getByRole('dialog', { name: '新增词条' });
    await dialog.getByLabel('全平台').check();
    await dialog.getByLabel('词语').fill('安澜开发区管委员');
    await dialog.getByLabel('建议写法').fill('安澜开发区管委会');
    await dialog.getByLabel('阻止发布').check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByLabel('搜索词语').fill('管委员');
    await page.getByLabel('搜索词语').press('Enter');
    await page.getByRole('cell', { name: '安澜开发区管委员', exact: true }).waitFor();

    await page.getByLabel('要检查的文字').fill('请安澜开发区管委员于截止目前完成。');
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.getByText('建议改为“安澜开发区管委会”').waitFor();
    await page.getByText('建议改为“截至目前”').waitFor();
    expect(problems).toEqual([]);
  });

  it('registers a gazette issue and shows the year\'s count per channel', async () => {
    // The city's disclosure office keeps the register (a system administrator only reads it).
    await t.clientWithRole('e2e.office', 'officeAdmin', 'anlan');
    await page.getByRole('button', { name: '退出登录' }).click();
    await submitAdminLogin(page, 'e2e.office');
    await page.getByRole('navigation', { name: '主菜单' }).waitFor();
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '其他渠道公开' }).click();
    await page.getByRole('heading', { name: '其他渠道公开' }).waitFor();
    await page.getByRole('button', { name: /^(plus )?登记$/ }).click();
    const dialog = page.getByRole('dialog', { name: '登记其他渠道公开的信息' });
    await dialog.getByLabel('标题或内容').fill('《安澜市人民政府公报》第3期');
    await dialog.getByLabel('公开信息条数').fill('7');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '《安澜市人民政府公报》第3期', exact: true }).waitFor();
    const gazette = page.locator('.ant-statistic', { hasText: '政府公报' });
    await expect.poll(() => gazette.innerText()).toContain('7');
    expect((await adminAxe(page)).serious).toEqual([]);
    expect(problems).toEqual([]);
  });
});
