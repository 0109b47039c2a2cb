/**
 * The admin back office in a real browser (Debian Chromium via playwright-core), against the real app on a
 * fresh SQLite database with the demo city. One story, as staff live it: the administrator creates a unit and
 * an account, the new colleague logs in with the one-time password and must change it, and the administrator
 * finds all of it in the audit log. The admin CSP stays enforced throughout: a violation fails the test.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDistDir } from '../../src/http/admin-static.js';
import { adminPage, submitAdminLogin } from '../support/admin-login.js';
import { TEST_PASSWORD, buildTestApp, type TestApp } from '../support/app.js';
import { adminAxe } from '../support/axe.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';

const NEW_USER_PASSWORD = 'Shenji#2026new';

describe.skipIf(!chromiumAvailable())('admin back office in Chromium (sqlite)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  /** Script errors and Content Security Policy reports: tests expect none. */
  const problems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(`${adminDistDir()}/index.html`)) throw new Error('dist/admin is missing: run `node scripts/build.mjs admin` (npm test builds it first)');
    t = await buildTestApp('sqlite');
    base = await listen(t.app);
    browser = await launchBrowser();
    page = await adminPage(browser, { problems, viewport: { width: 1280, height: 900 }, timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function login(username: string, password: string): Promise<void> {
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/admin/login');
    await submitAdminLogin(page, username, password);
  }

  async function logout(): Promise<void> {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  }

  /** Picks a unit in an antd TreeSelect: open it, type part of the name, click the match. */
  async function pickUnit(combobox: ReturnType<Page['getByRole']>, name: string): Promise<void> {
    await combobox.click();
    await combobox.fill(name.slice(3));
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: name }).first().click();
  }

  it('administrator creates a unit and an account; the new user changes the one-time password; the audit log shows it all', async () => {
    // ── The administrator logs in ──
    await page.goto(`${base}/admin/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toContain('登录');
    expect((await adminAxe(page)).serious).toEqual([]);
    await login('admin', 'wrong-password');
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '您好，系统管理员' }).waitFor();
    expect(await page.title()).toContain('首页');

    // ── 单位管理: a new unit under 安澜市人民政府 ──
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '单位管理' }).click();
    await page.getByRole('tree', { name: '单位树' }).getByText('安澜市人民政府', { exact: true }).click();
    await page.getByRole('heading', { name: '安澜市人民政府', exact: true }).waitFor();
    await page.getByRole('button', { name: '新建下级单位' }).click();
    const drawer = page.getByRole('dialog', { name: '在“安澜市人民政府”下新建单位' });
    await drawer.getByLabel('单位名称').fill('安澜市审计局');
    await drawer.getByLabel('简称').fill('市审计局');
    await drawer.getByLabel('网址标识').fill('sjj');
    await drawer.getByLabel('政府信息公开工作机构', { exact: true }).fill('安澜市审计局办公室');
    await drawer.getByLabel('联系电话').fill('0851-86229001');
    await drawer.getByRole('button', { name: '创建' }).click();
    await page.getByText('已新建单位“安澜市审计局”').waitFor();
    await page.getByRole('heading', { name: '安澜市审计局', exact: true }).waitFor();
    await page.getByRole('tree', { name: '单位树' }).getByText('安澜市审计局', { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/gongkai-admin-units.png', fullPage: false });
    expect((await adminAxe(page)).serious).toEqual([]);

    // ── 账号管理: an account in the new unit, with a role; the one-time password is shown once ──
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '账号管理' }).click();
    await pickUnit(page.getByRole('combobox', { name: '按单位筛选' }), '安澜市审计局');
    await page.getByText('该单位还没有账号').waitFor();
    await page.getByRole('button', { name: '新建账号' }).click();
    const form = page.getByRole('dialog', { name: '新建账号' });
    await form.getByLabel('用户名').fill('sjj.wang');
    await form.getByLabel('姓名').fill('王审计');
    await form.getByLabel('电子邮箱').fill('wang@sjj.anlan.gov.cn');
    // The unit filter pre-fills the home unit and an 信息员 role there.
    expect(await form.getByText('安澜市审计局').count()).toBeGreaterThanOrEqual(2);
    await form.getByRole('button', { name: '创建账号' }).click();
    const shown = page.getByRole('dialog', { name: '账号已创建' });
    await shown.getByText('一次性密码只显示这一次').waitFor();
    const oneTimePassword = (await shown.getByTestId('one-time-password').textContent())?.trim() ?? '';
    expect(oneTimePassword).toMatch(/^\S{12,}$/);
    await page.screenshot({ path: '/tmp/gongkai-admin-one-time-password.png' });
    await shown.getByRole('button', { name: '我已记下密码' }).click();
    await shown.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table').getByRole('row', { name: /sjj\.wang/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('信息员');
    expect(await row.textContent()).toContain('待改密');

    // ── The new colleague logs in with the one-time password and must change it ──
    await logout();
    await login('sjj.wang', oneTimePassword);
    await page.getByRole('heading', { name: '设置新密码' }).waitFor();
    expect(page.url()).toContain('/admin/change-password');
    // Reloading keeps the user on this page (the code tables still load while every other call is refused).
    await page.reload();
    await page.getByRole('heading', { name: '设置新密码' }).waitFor();
    await page.getByLabel('当前密码（一次性密码）').fill(oneTimePassword);
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('确认新密码').fill('short');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByText('密码至少需要').first().waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(NEW_USER_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_USER_PASSWORD);
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByRole('heading', { name: '您好，王审计' }).waitFor();
    await page.getByText('信息员（安澜市审计局）').first().waitFor();
    // An 信息员 neither manages accounts nor reads the audit log: the menu does not offer them.
    const menu = page.getByRole('navigation', { name: '主菜单' });
    expect(await menu.getByRole('link', { name: '单位管理' }).count()).toBe(1);
    expect(await menu.getByRole('link', { name: '账号管理' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/gongkai-admin-new-user-home.png' });

    // ── Back to the administrator: the audit log has the whole story ──
    await logout();
    await login('admin', TEST_PASSWORD);
    await page.getByRole('heading', { name: '您好，系统管理员' }).waitFor();
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '审计日志' }).click();
    const table = page.locator('.ant-table');
    // A row reads "序号 时间 操作人 单位 操作 …": match operator, unit and action in that order, so 登录 ≠ 退出登录.
    const entry = (action: string, who: string, unit: string) => table.getByRole('row').filter({ hasText: `${who}${unit}${action}` });
    await entry('新建单位', '系统管理员', '安澜市审计局').waitFor();
    await entry('新建账号', '系统管理员', '安澜市审计局').waitFor();
    await entry('登录', '王审计', '安澜市审计局').first().waitFor();
    await entry('退出登录', '王审计', '安澜市审计局').waitFor();
    await entry('修改本人密码', '王审计', '安澜市审计局').waitFor();
    // The account's record as created, in the expandable row.
    await entry('新建账号', '系统管理员', '安澜市审计局').getByRole('button', { name: /展开/ }).click();
    const after = page.locator('pre[aria-label$="变更后"]').first();
    expect(await after.textContent()).toContain('"username": "sjj.wang"');
    // Filtered by action, only unit creations remain.
    await page.getByRole('combobox', { name: '操作', exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '新建单位' }).click();
    await page.getByRole('button', { name: '查询' }).click();
    const onlyUnitCreations = async () => {
      const rows = await table.locator('tbody tr.ant-table-row').allTextContents();
      return rows.length > 0 && rows.every((r) => r.includes('新建单位'));
    };
    await expect.poll(onlyUnitCreations, { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: '/tmp/gongkai-admin-audit.png', fullPage: true });
    expect((await adminAxe(page)).serious).toEqual([]);

    // ── A session that has ended (idle timeout) sends the user back to the login page ──
    await page.context().clearCookies();
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '账号管理' }).click();
    await page.getByText('登录已超时，请重新登录').waitFor();
    expect(page.url()).toContain('/admin/login');

    expect(problems).toEqual([]);
  }, 120_000);
});
