/**
 * 年报对比 in Chromium against the real app (SQLite, demo city): the county office opens the comparison of its units'
 * imported history, sees the key figures in the table, the charts (canvas) with the same numbers in tables, the
 * 勾稽 findings and the XLSX link. The admin CSP holds; serious axe-core violations fail the test.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyAnnualReportDoc, setCell, type AnnualReportDoc } from '../../src/domain/annual-report/interchange.js';
import { adminDistDir } from '../../src/http/admin-static.js';
import { loggedInAdminPage } from '../support/admin-login.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { adminAxe } from '../support/axe.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';


/** A consistent 2021 report stated by natural persons: received, disclosed, 复议 upheld/corrected. */
function report(name: string, year: number, received: number, corrected: number): AnnualReportDoc {
  let d = emptyAnnualReportDoc('2021', year, { name, code: null });
  for (const [tk, table] of Object.entries(d.tables)) for (const [rk, row] of Object.entries(table)) for (const ck of Object.keys(row)) d = setCell(d, `${tk}.${rk}.${ck}`, 0);
  for (const row of ['received', 'disclosed', 'handledTotal']) for (const c of ['natural', 'total']) d = setCell(d, `applications.${row}.${c}`, received);
  d = setCell(d, 'reviews.reconsideration.upheld', 1);
  d = setCell(d, 'reviews.reconsideration.corrected', corrected);
  return setCell(d, 'reviews.reconsideration.total', 1 + corrected);
}

describe.skipIf(!chromiumAvailable())('年报对比 in Chromium (sqlite)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let anlan: string;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(`${adminDistDir()}/index.html`)) throw new Error('dist/admin is missing: run `node scripts/build.mjs admin`');
    t = await buildTestApp('sqlite');
    anlan = await t.unitId('anlan');
    await t.clientWithRole('cmp.e2e', 'officeAdmin', 'anlan', 'zfb');
    const now = new Date().toISOString();
    const seed: [string, string, number, number, number][] = [['fgj', '安澜市发展和改革局', 2023, 17, 1], ['fgj', '安澜市发展和改革局', 2024, 23, 0], ['jyj', '安澜市教育局', 2024, 41, 2]];
    for (const [slug, name, year, received, corrected] of seed) {
      const unitId = await t.unitId(slug);
      await t.rt.deps.store.write((r) => r.annualReports.insert({
        id: `e2e-${slug}-${year}`, unitId, year, template: '2021', status: 'published', origin: 'imported', doc: report(name, year, received, corrected),
        manualCells: {}, computedCells: [], computedAt: null, submittedAt: null, submittedBy: null, decidedAt: now, decidedBy: null,
        returnComment: null, publishedAt: now, version: 1, createdAt: now, updatedAt: now,
      }));
    }
    base = await listen(t.app);
    browser = await launchBrowser();
    page = await loggedInAdminPage(browser, base, 'cmp.e2e', { problems });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the units × years table, a chart with its numbers in a table, the findings and the XLSX link; axe clean', async () => {
    await page.goto(`${base}/admin/reports/comparison?unit=${anlan}&from=2022&to=2024`);
    await page.getByRole('heading', { name: '年报对比' }).waitFor();
    const jyj = page.getByRole('row', { name: /安澜市教育局/ }).first();
    await jyj.waitFor();
    await expect(jyj.textContent()).resolves.toContain('41');
    await expect(page.getByRole('row', { name: /安澜市发展和改革局/ }).first().textContent()).resolves.toContain('17');
    await page.getByText(/个单位年度未纳入比较/).waitFor();
    expect((await adminAxe(page)).serious).toEqual([]);

    await page.getByRole('tab', { name: '图表' }).click();
    const chart = page.getByRole('img', { name: /折线图：各单位2022至2024年“本年新收申请”/ });
    await chart.waitFor();
    await chart.locator('canvas').first().waitFor();
    // The text alternative: the same numbers in a table (2023 and 2024 for 发改局).
    const trendRow = page.getByRole('row', { name: /安澜市发展和改革局/ }).first();
    await expect(trendRow.textContent()).resolves.toMatch(/—.*17.*23/);
    await page.getByRole('img', { name: /堆积条形图：2024年/ }).locator('canvas').first().waitFor();
    expect((await adminAxe(page)).serious).toEqual([]);

    await page.getByRole('tab', { name: /勾稽校验/ }).click();
    await page.getByText(/共 3 份报告/).waitFor();

    const href = await page.getByRole('link', { name: /下载 XLSX/ }).getAttribute('href');
    expect(href).toContain(`/api/v1/reports/comparison/export?unit=${anlan}&from=2022&to=2024`);
    const res = await page.request.get(`${base}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    expect(problems).toEqual([]);
  }, 90_000);
});
