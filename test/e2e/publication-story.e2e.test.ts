/**
 * The 主动公开 story end to end in Chromium (playwright-core) against the real app on SQLite with the demo city:
 * the information officer 王磊 (xxy, 安澜市发展和改革局) drafts an item in the admin editor with an attachment; the
 * wording check blocks an outdated name from the dictionary and the submit button says why; after the fix the three
 * default stages approve — 初审 刘洋 (shy, with the Art. 17 confidentiality confirmation), 复审 赵敏 (fsh), 终审 李娜
 * (gkb, 公开办) — and the item is on the portal, in its column, in the column's RSS and in search. It is then
 * withdrawn with a reason (request by the officer, approval by the 公开办): its URL shows the withdrawal notice and
 * search no longer finds it. axe-core finds no violations on the editor and the review inbox.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/cli/common.js';
import { resetPassword } from '../../src/domain/accounts/manage-accounts.js';
import { adminDistDir } from '../../src/http/admin-static.js';
import { loggedInAdminPage } from '../support/admin-login.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { WCAG21, adminAxe } from '../support/axe.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const TITLE = '安澜市发展和改革局关于开展2026年重要民生商品价格监测的通知';
const OUTDATED = '安澜市发展计划委员会';
const REASON = '监测方案已调整，另行发布';

describe.skipIf(!chromiumAvailable())('主动公开 from draft to portal, search and withdrawal (Chromium, sqlite)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(`${adminDistDir()}/index.html`)) throw new Error('dist/admin is missing: run `node scripts/build.mjs admin`');
    t = await buildTestApp('sqlite');
    base = await listen(t.app);
    browser = await launchBrowser();
    // The demo accounts get a known password (their one-time password is changed by the test client's login).
    for (const username of ['xxy', 'shy', 'fsh', 'gkb']) {
      const account = await t.rt.deps.store.read((r) => r.accounts.getByUsername(username));
      if (!account) throw new Error(`demo account ${username} missing`);
      const { temporaryPassword } = await resetPassword(t.rt.deps, cliActor('test'), account.id);
      await t.login(username, temporaryPassword);
    }
    // An outdated official name, blocked platform-wide (the dictionary is edited by a system administrator).
    const entry = await t.admin.post('/api/v1/publication-checks/wording', { unitId: null, phrase: OUTDATED, kind: 'outdatedName', suggestion: '安澜市发展和改革局', severity: 'block' });
    expect(entry.statusCode, entry.body).toBe(201);
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  // Generous timeout: the machine running the suite may be busy; the waits end as soon as the page is ready.
  const loginAs = (username: string): Promise<Page> => loggedInAdminPage(browser, base, username, { problems, label: username, contexts, timeout: 60_000 });
  const pickInDropdown = async (page: Page, field: string, search: string, option: string) => {
    await page.locator(`#${field}`).click();
    await page.locator(`#${field}`).fill(search);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .locator(':is(.ant-select-item-option-content, .ant-select-tree-title)', { hasText: new RegExp(`^${option}$`) }).first().click();
  };
  /** Opens a page of the 主动公开 submenu as a user would (expanding the submenu first). */
  const openMenu = async (page: Page, name: string) => {
    const nav = page.getByRole('navigation', { name: '主菜单' });
    const link = nav.getByRole('link', { name, exact: true });
    await nav.waitFor();
    if (!(await link.isVisible())) await nav.getByRole('menuitem', { name: /主动公开/ }).click();
    await link.click();
  };
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, text: await res.text() };
  };

  let itemId = '';

  it('the officer drafts with an attachment; the wording check blocks submission until the outdated name is fixed', async () => {
    const page = await loginAs('xxy');
    await openMenu(page, '信息发布');
    await page.getByRole('heading', { name: '信息发布' }).waitFor();
    await page.getByRole('button', { name: /新建信息/ }).click();
    await page.getByRole('heading', { name: '新建信息' }).waitFor();

    await page.getByLabel('标题', { exact: true }).fill(TITLE);
    await page.getByLabel('内容概述').fill('部署粮油肉蛋菜等重要民生商品价格监测。');
    const body = page.getByRole('textbox', { name: '正文', exact: true });
    await body.click();
    await body.pressSequentially(`各县区${OUTDATED}：现就做好重要民生商品价格监测工作通知如下。`);
    await pickInDropdown(page, 'columnId', '工作', '工作动态');
    await page.getByLabel('文号').fill('安发改〔2026〕8号');
    await pickInDropdown(page, 'subject', '物价', '物价');
    await pickInDropdown(page, 'genre', '通知', '通知');
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page.waitForURL(/\/admin\/publications\/[^/]+\/edit$/);
    itemId = page.url().split('/').at(-2) as string;
    await page.getByRole('heading', { name: '编辑信息' }).waitFor();

    await page.locator('input[type=file]').setInputFiles({ name: '价格监测点名单.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('价格监测点名单.pdf', { exact: true }).waitFor();

    // The finding is shown inline with its place and severity; the submit button is disabled and says why.
    const checks = page.getByRole('region', { name: '发布前检查' });
    await checks.getByText(OUTDATED).first().waitFor();
    expect(await checks.innerText()).toMatch(/阻止发布[\s\S]*正文第\d+字/);
    await expect.poll(() => page.getByRole('button', { name: /提交审核/ }).isDisabled()).toBe(true);
    expect(await page.locator('#gk-submit-why').innerText()).toContain('1 个阻止发布的问题');
    expect((await adminAxe(page, WCAG21)).all).toEqual([]);

    await body.click();
    await page.keyboard.press('ControlOrMeta+a');
    await body.pressSequentially('各县区发展和改革局：现就做好重要民生商品价格监测工作通知如下。');
    await expect.poll(() => page.locator('#gk-submit-why').innerText()).toContain('未保存');
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await expect.poll(() => page.locator('#gk-submit-why').innerText()).toContain('检查通过');
    expect(await checks.innerText()).not.toContain(OUTDATED);
    await page.getByRole('button', { name: /提交审核/ }).click();
    await page.getByRole('dialog').filter({ hasText: '保密审查' }).getByRole('button', { name: '提交', exact: true }).click();
    await page.waitForURL(new RegExp(`/admin/publications/${itemId}$`));
    await page.getByText('审核中·初审').waitFor();
    expect(problems).toEqual([]);
  }, 300_000);

  it('三审: 初审 with the confidentiality confirmation, 复审 by another reviewer, 终审 by the disclosure office publishes', async () => {
    const review = async (username: string, stage: string, button: RegExp, confirm: boolean) => {
      const page = await loginAs(username);
      await openMenu(page, '审核待办');
      await page.getByRole('link', { name: TITLE }).waitFor();
      if (username === 'shy') expect((await adminAxe(page, WCAG21)).all).toEqual([]);
      await page.getByRole('link', { name: TITLE }).click();
      await page.getByText(`审核：${stage}`).waitFor();
      if (confirm) {
        // Without the Art. 17 confirmation the approval is not offered.
        expect(await page.getByRole('button', { name: button }).isDisabled()).toBe(true);
        await page.getByRole('checkbox', { name: /保密审查/ }).check();
      }
      await page.getByLabel('审核意见').fill(`${stage}同意`);
      await page.getByRole('button', { name: button }).click();
      await page.getByText(`审核：${stage}`).waitFor({ state: 'hidden' });
      return page;
    };
    await review('shy', '初审', /审核通过/, true);
    await review('fsh', '复审', /审核通过/, false);
    const head = await review('gkb', '终审', /通过并发布/, false);
    await head.getByText('已发布', { exact: true }).waitFor();
    // The history (and the review ledger) keeps who approved which stage and the confidentiality confirmation.
    await head.getByText('已确认保密审查').waitFor();
    expect(await head.getByRole('cell', { name: '初审同意' }).count()).toBe(1);
    expect(problems).toEqual([]);
  }, 300_000);

  it('is on the portal, in its column list, in the column RSS and in search', async () => {
    const item = await get(`/u/fgj/i/${itemId}`);
    expect(item.status).toBe(200);
    expect(item.text).toContain(TITLE);
    expect(item.text).toContain('价格监测点名单.pdf');
    expect(item.text).toContain('安发改〔2026〕8号');
    const column = await get('/u/fgj/c/gzdt/');
    expect(column.text).toContain(`/u/fgj/i/${itemId}`);
    const rss = await get('/u/fgj/c/gzdt/rss.xml');
    expect(rss.status).toBe(200);
    expect(rss.text).toContain(TITLE);
    const search = await get(`/search?q=${encodeURIComponent('民生商品 价格监测')}&unit=fgj`);
    expect(search.text).toContain(`/u/fgj/i/${itemId}`);
  }, 60_000);

  it('is withdrawn with a reason after approval; its URL says so and search no longer finds it', async () => {
    const officer = await loginAs('xxy');
    await officer.goto(`${base}/admin/publications/${itemId}`);
    await officer.getByRole('button', { name: '申请撤稿' }).click();
    const dialog = officer.getByRole('dialog', { name: '申请撤稿' });
    await dialog.getByLabel('撤稿理由').fill(REASON);
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await officer.getByText('待批准').waitFor();

    const head = await loginAs('gkb');
    await head.goto(`${base}/admin/publications/inbox?tab=pending`);
    await head.getByRole('link', { name: TITLE }).click();
    await head.getByText(REASON).first().waitFor();
    await head.getByRole('button', { name: '批准撤稿' }).click();
    await head.getByText('已撤稿', { exact: true }).waitFor();

    const gone = await get(`/u/fgj/i/${itemId}`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('本信息已撤回');
    expect(gone.text).toContain(REASON);
    const search = await get(`/search?q=${encodeURIComponent('民生商品 价格监测')}&unit=fgj`);
    expect(search.text).not.toContain(`/u/fgj/i/${itemId}`);
    expect(problems).toEqual([]);
  }, 300_000);
});
