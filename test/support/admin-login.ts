/**
 * The admin back office in a browser test: a zh-CN page (Asia/Shanghai) that records what must never happen — a
 * script error or a Content Security Policy report — and the login form filled as a user does.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_PASSWORD } from './app.js';

export interface AdminPageOptions {
  /** Page errors and CSP reports are pushed here (prefixed with `label: ` when a label is given); tests expect it empty. */
  problems: string[];
  label?: string;
  viewport?: { width: number; height: number };
  /** Default timeout of the page's waits in ms (generous: the machine running the suite may be busy). */
  timeout?: number;
  /** The new context is pushed here so that afterAll can close it. */
  contexts?: BrowserContext[];
}

/** A fresh context and page as a Chinese-speaking user in China sees the admin. */
export async function adminPage(browser: Browser, o: AdminPageOptions): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: o.viewport ?? { width: 1400, height: 900 } });
  o.contexts?.push(ctx);
  const page = await ctx.newPage();
  page.setDefaultTimeout(o.timeout ?? 30_000);
  const prefix = o.label ? `${o.label}: ` : '';
  page.on('pageerror', (e) => o.problems.push(`${prefix}${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) o.problems.push(`${prefix}${m.text()}`);
  });
  return page;
}

/** Fills and sends the login form on the page (already at /admin/login). */
export async function submitAdminLogin(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** A page logged in to the admin as `username` (whose password is already changed), once the main menu shows. */
export async function loggedInAdminPage(browser: Browser, base: string, username: string, o: AdminPageOptions & { password?: string }): Promise<Page> {
  const page = await adminPage(browser, o);
  await page.goto(`${base}/admin/login`);
  await submitAdminLogin(page, username, o.password);
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
  return page;
}
