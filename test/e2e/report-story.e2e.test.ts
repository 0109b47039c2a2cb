/**
 * 年度报告 in a real browser (Debian Chromium via playwright-core) against the real app on SQLite with the demo city.
 * The story of issue 5: 安澜市发展和改革局 drafts its 2025 report from its records and submits it; the county office
 * (安澜市人民政府 公开办) returns it with a comment; the department fixes it and submits again; the county accepts it;
 * it is published and visible at /u/fgj/nb/2025; the county's summary includes it. The admin CSP holds throughout.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDistDir } from '../../src/http/admin-static.js';
import { loggedInAdminPage } from '../support/admin-login.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';

const SLOW = { timeout: 60_000 };
const YEAR = new Date().getFullYear() - 1;

describe.skipIf(!chromiumAvailable())('年度报告 story (Chromium, sqlite)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(`${adminDistDir()}/index.html`)) throw new Error('dist/admin is missing: run `node scripts/build.mjs admin` (npm test builds it first)');
    t = await buildTestApp('sqlite');
    // The department's and the county's disclosure-office administrators (password already changed by the helper).
    await t.clientWithRole('fgj.gkb', 'officeAdmin', 'fgj');
    await t.clientWithRole('county.gkb', 'officeAdmin', 'anlan', 'zfb');
    base = await listen(t.app);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const loggedIn = (username: string): Promise<Page> => loggedInAdminPage(browser, base, username, { problems, contexts, viewport: { width: 1366, height: 900 } });

  const status = (page: Page) => page.locator('.ant-descriptions').getByText(/草稿|已报送待审核|已退回修改|已审核通过|已公开/).first();

  it('a department drafts and submits; the county returns it with a comment; fixed, accepted, published and summed', async () => {
    // ── The department starts its report from the yearly list ──
    const dept = await loggedIn('fgj.gkb');
    await dept.goto(`${base}/admin/reports?year=${YEAR}`);
    const row = dept.getByRole('row', { name: /安澜市发展和改革局/ });
    await row.getByRole('button', { name: '生成草稿' }).click();
    await expect.poll(() => dept.url(), SLOW).toMatch(/\/admin\/reports\/[^/?]+$/);
    await expect(status(dept).textContent()).resolves.toBe('草稿');

    // The guided narrative still has prompts: submission is refused and says why.
    await dept.getByRole('button', { name: '报送上级公开办审核' }).click();
    await dept.getByText(/还有未填写的提示文字/).first().waitFor();

    await dept.getByRole('tab', { name: '文字部分' }).click();
    await dept.getByLabel('一、总体情况').fill('2025年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理政府信息公开申请。');
    await dept.getByLabel('五、存在的主要问题及改进情况').fill('（一）存在的主要问题：政策解读形式单一。（二）改进情况：增加图解解读。');
    await dept.getByLabel('六、其他需要报告的事项').fill('2025年，本机关未收取政府信息公开信息处理费。');
    await dept.getByRole('button', { name: '保存' }).click();
    await dept.getByText('已保存').waitFor();
    await dept.getByRole('button', { name: '报送上级公开办审核' }).click();
    await expect.poll(() => status(dept).textContent(), SLOW).toBe('已报送待审核');
    await dept.getByText(/已锁定；如需修改，须由安澜市人民政府退回/).waitFor();
    const reportUrl = dept.url();

    // ── The county office sees it on its board and returns it with a comment ──
    const county = await loggedIn('county.gkb');
    await county.goto(`${base}/admin/reports/board?year=${YEAR}`);
    await county.getByRole('link', { name: '审核安澜市发展和改革局的报告' }).click();
    await expect.poll(() => county.url(), SLOW).toBe(reportUrl);
    await county.getByRole('button', { name: '退回修改' }).click();
    const dialog = county.getByRole('dialog', { name: '退回修改' });
    await dialog.getByLabel('退回意见（写明需要修改的内容）').fill('请补充本年度政策解读的数量');
    await dialog.getByRole('button', { name: '退回' }).click();
    await expect.poll(() => status(county).textContent(), SLOW).toBe('已退回修改');

    // ── The department reads the comment, fixes the text and submits again ──
    await dept.reload();
    await dept.getByText('请补充本年度政策解读的数量').waitFor();
    await dept.getByRole('tab', { name: '文字部分' }).click();
    await dept.getByLabel('一、总体情况').fill('2025年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，发布政策解读12篇，依法办理政府信息公开申请。');
    await dept.getByRole('button', { name: '保存' }).click();
    await dept.getByText('已保存').waitFor();
    await dept.getByRole('button', { name: '报送上级公开办审核' }).click();
    await expect.poll(() => status(dept).textContent(), SLOW).toBe('已报送待审核');

    // ── The county accepts; the department publishes ──
    await county.reload();
    await county.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => status(county).textContent(), SLOW).toBe('已审核通过');
    await dept.reload();
    await dept.getByRole('button', { name: '发布到门户网站' }).click();
    await expect.poll(() => status(dept).textContent(), SLOW).toBe('已公开');

    // ── Visible on the portal in the official layout ──
    const portal = await contexts[0]!.newPage();
    const res = await portal.goto(`${base}/u/fgj/nb/${YEAR}`);
    expect(res?.status()).toBe(200);
    await expect(portal.getByRole('heading', { level: 1 }).first().textContent()).resolves.toContain(`安澜市发展和改革局${YEAR}年政府信息公开工作年度报告`);
    await portal.getByText('发布政策解读12篇').waitFor();
    await portal.getByRole('table').first().waitFor();

    // ── The county's summary includes it ──
    await county.goto(`${base}/admin/reports/board?year=${YEAR}`);
    await county.getByText(/汇总报告（1 个单位/).waitFor();
    const board = county.getByRole('row', { name: /安澜市发展和改革局/ }).first();
    await expect(board.textContent()).resolves.toContain('已公开');

    expect(problems).toEqual([]);
  }, 240_000);
});
