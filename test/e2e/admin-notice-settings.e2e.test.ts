/**
 * 告知书设置 in the admin app: an administrator rewords a notice template; a placeholder the template cannot use
 * is refused with the server's Chinese message and the list of usable ones; the corrected wording is saved.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDistDir } from '../../src/http/admin-static.js';
import { TEST_PASSWORD, buildTestApp, type TestApp } from '../support/app.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';

describe.skipIf(!chromiumAvailable())('告知书设置 (Chromium, sqlite)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!fs.existsSync(`${adminDistDir()}/index.html`)) throw new Error('dist/admin is missing: run `node scripts/build.mjs admin`');
    t = await buildTestApp('sqlite');
    base = await listen(t.app);
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(30_000);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('rewords a template, refusing an unknown placeholder', async () => {
    await page.goto(`${base}/admin/`);
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/admin/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '您好，系统管理员' }).waitFor();
    await page.goto(`${base}/admin/notice-settings`);
    await page.getByRole('heading', { name: '告知书设置' }).waitFor();
    const body = page.getByLabel('正文');
    await expect.poll(async () => (await body.inputValue()).length, { timeout: 15_000 }).toBeGreaterThan(10);
    await page.getByLabel('发文机关代字（文号前缀）').fill('安府办依申请');
    await body.fill(`${await body.inputValue()}\n\n请注意{{不存在的占位符}}。`);
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByRole('alert').filter({ hasText: '未知的占位符{{不存在的占位符}}' }).waitFor();
    await body.fill((await body.inputValue()).replace('请注意{{不存在的占位符}}。', '如有疑问，请致电{{联系电话}}。'));
    await page.getByRole('button', { name: '保存设置' }).click();
    const unitId = await t.unitId('anlan');
    await expect.poll(async () => JSON.stringify((await t.admin.get(`/api/v1/units/${unitId}/notice-settings`)).json().own), { timeout: 15_000 }).toContain('如有疑问');
    const own = (await t.admin.get(`/api/v1/units/${unitId}/notice-settings`)).json().own;
    expect(own.docNoPrefix).toBe('安府办依申请');
  });
});
