/**
 * 历史年报导入 in Chromium against the real app (SQLite, demo city): 发改局's office uploads the 2024 published report,
 * sees it read as the 2021 template, opens the side-by-side review (a cell shows its provenance in the source and a
 * highlighted number shows its cell), corrects one cell in place (shown as 手工更正 with the previous value), chooses
 * the unit and accepts it into the unit's history. The admin CSP holds; serious axe-core violations fail the test.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellLabel, templateById } from '../../src/domain/annual-report/templates.js';
import { adminDistDir } from '../../src/http/admin-static.js';
import { fixtureText } from '../imports/support.js';
import { loggedInAdminPage } from '../support/admin-login.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { adminAxe } from '../support/axe.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';

const FIXTURE = '2024-town-aga-2021-format';

describe.skipIf(!chromiumAvailable())('历史年报导入 in Chromium (sqlite)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let fgj: string;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(`${adminDistDir()}/index.html`)) throw new Error('dist/admin is missing: run `node scripts/build.mjs admin`');
    t = await buildTestApp('sqlite');
    fgj = await t.unitId('fgj');
    await t.clientWithRole('imp.e2e', 'officeAdmin', 'fgj');
    base = await listen(t.app);
    browser = await launchBrowser();
    page = await loggedInAdminPage(browser, base, 'imp.e2e', { problems });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('uploads the 2024 report, reviews it side by side, corrects a cell and accepts it; axe clean', async () => {
    await page.goto(`${base}/admin/reports/imports`);
    await page.getByRole('heading', { name: '历史年报导入', level: 3 }).waitFor();
    expect((await adminAxe(page)).serious).toEqual([]);

    await page.locator('input[type=file]').setInputFiles({ name: `${FIXTURE}.txt`, mimeType: 'text/plain', buffer: Buffer.from(fixtureText(FIXTURE)) });
    const uploaded = page.getByRole('list', { name: '本次上传的文件' }).getByRole('listitem').first();
    await uploaded.getByText('已读取').waitFor();
    await expect(uploaded.textContent()).resolves.toContain('2021 年格式，2024 年度，读取 200/');
    // The stored record is listed as pending.
    await page.getByRole('row', { name: new RegExp(FIXTURE) }).getByText('待核对').waitFor();
    await uploaded.getByRole('link', { name: `核对 ${FIXTURE}.txt` }).click();

    await page.getByRole('heading', { name: new RegExp(`核对：${FIXTURE}`) }).waitFor();
    await page.getByText('2021 年格式（原文判断：2021），2024 年度').waitFor();
    expect((await adminAxe(page)).serious).toEqual([]);

    // A cell shows where it was read, and a highlighted number shows its cell.
    const t2021 = templateById('2021');
    const received = cellLabel(t2021, 'applications.received.natural');
    await page.getByRole('button', { name: received, exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('src-applications.received.natural');
    await page.locator('[id="src-reviews.reconsideration.total"]').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.id)).toBe('cell-reviews.reconsideration.total');

    // Correct one cell in place.
    const path = 'proactive.normativeDocuments.issued';
    const label = cellLabel(t2021, path);
    await page.getByRole('button', { name: `更正 ${label}`, exact: true }).click();
    const input = page.getByLabel(`${label} 更正值（留空表示未载明）`);
    await input.fill('2');
    await page.getByLabel('更正说明').fill('规范性文件目录载明 2 件');
    await page.locator(`[id="cell-${path}"]`).getByRole('button', { name: '保存' }).click();
    const row = page.locator(`[id="cell-${path}"]`);
    await row.getByText('手工更正').waitFor();
    await expect(row.textContent()).resolves.toMatch(/2.*手工更正.*原值 0.*规范性文件目录载明 2 件/);

    // Choose the unit, then accept.
    const unit = page.getByRole('combobox', { name: '存入单位' });
    await unit.click();
    await unit.fill('发展和改革');
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '安澜市发展和改革局' }).first().click();
    await page.getByRole('button', { name: '保存单位和年度' }).click();
    await page.getByText('已保存').first().waitFor();
    await page.getByRole('button', { name: '存入年报历史' }).click();
    await page.getByRole('button', { name: '存入', exact: true }).click();
    await page.getByRole('heading', { name: /已存入年报历史/ }).waitFor();
    await page.getByRole('link', { name: '查看存入的年度报告' }).waitFor();
    expect((await adminAxe(page)).serious).toEqual([]);

    const stored = await t.rt.deps.store.read((r) => r.annualReports.getByUnitYear(fgj, 2024));
    expect(stored).toMatchObject({ origin: 'imported', status: 'accepted', template: '2021' });
    expect(stored!.doc.tables.proactive.normativeDocuments!.issued).toBe(2);
    expect(stored!.manualCells[path]!.note).toContain('导入读取值：0');
    expect(problems).toEqual([]);
  }, 120_000);
});
