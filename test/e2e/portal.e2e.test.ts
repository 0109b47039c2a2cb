/**
 * The portal in a real browser: no serious accessibility violations (axe-core, WCAG 2.1 AA) in the normal
 * and the high-contrast scheme, no horizontal scrolling at 360 px or 200 % zoom, the font-size switch
 * operable from the keyboard, and everything working with JavaScript turned off (GB/T 37668, 适老化).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { portalAxe } from '../support/axe.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';

const PAGES = ['/', '/u/anlan/', '/u/fgj/guide', '/u/fgj/about'];

describe.skipIf(!chromiumAvailable())('portal in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const open = async (opts: Parameters<Browser['newContext']>[0] = {}): Promise<Page> => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
    contexts.push(ctx);
    return ctx.newPage();
  };

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    base = await listen(t.app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  for (const scheme of ['normal', 'high-contrast'] as const) {
    it(`has no serious or critical axe violations (${scheme})`, async () => {
      // The portal CSP forbids every script; the axe script is the test's, so CSP is bypassed for it alone.
      const page = await open({ bypassCSP: true });
      if (scheme === 'high-contrast') await page.context().addCookies([{ name: 'gk_prefs', value: 'l1', url: base }]);
      for (const path of PAGES) {
        await page.goto(base + path);
        const { serious, all } = await portalAxe(page);
        expect(serious, `${scheme} ${path}`).toEqual([]);
        // Moderate and minor findings too: none today, keep it that way.
        expect(all, `${scheme} ${path}`).toEqual([]);
      }
      await page.screenshot({ path: `/tmp/portal-guide-${scheme}.png`, fullPage: false });
    });
  }

  it('needs no horizontal scrolling on a 360 px phone or at 200 % zoom (640 CSS px)', async () => {
    for (const width of [360, 640]) {
      for (const fs of ['m1', 'l0']) {
        const page = await open({ viewport: { width, height: 800 } });
        await page.context().addCookies([{ name: 'gk_prefs', value: fs, url: base }]);
        for (const path of PAGES) {
          await page.goto(base + path);
          const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
          expect(scroll, `${path} at ${width}px, prefs ${fs}`).toBeLessThanOrEqual(client as number);
        }
      }
    }
    // On a phone the data tables become labelled cards: still no violations.
    const page = await open({ viewport: { width: 360, height: 800 }, bypassCSP: true });
    await page.goto(`${base}/u/fgj/about`);
    expect((await portalAxe(page)).all).toEqual([]);
    await page.screenshot({ path: '/tmp/portal-about-360.png', fullPage: true });
  });

  it('the font size switch works from the keyboard and enlarges the text', async () => {
    const page = await open();
    await page.goto(`${base}/u/fgj/guide`);
    const textSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p') as Element).fontSize));
    const before = await textSize();
    let focused = '';
    for (let i = 0; i < 10 && focused !== '字号大'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toBe('字号大');
    // The focus indicator is visible: the focused link changes its background.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).backgroundColor)).toBe('rgb(255, 221, 0)');
    // Enter follows the link to /prefs, which sets the cookie and redirects back to this page.
    await Promise.all([page.waitForResponse((r) => r.url().startsWith(`${base}/prefs?fs=l`)), page.keyboard.press('Enter')]);
    await expect.poll(() => page.locator('html').getAttribute('class')).toBe('fs-l');
    await page.waitForLoadState();
    expect(await textSize()).toBeGreaterThan(before * 1.2);
    await page.screenshot({ path: '/tmp/portal-guide-large.png' });
  });

  it('works with JavaScript disabled: preferences, navigation and the skip link', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: '安澜市发展和改革局' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/u/fgj/`);
    await page.getByRole('navigation', { name: '本单位栏目' }).getByRole('link', { name: '政府信息公开指南' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/u/fgj/guide`);
    await page.getByRole('link', { name: '高对比度' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/u/fgj/guide`);
    expect(await page.locator('html').getAttribute('class')).toBe('fs-m hc');
    await expect.poll(() => page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(0, 0, 0)');
    await page.getByRole('link', { name: '取消高对比度' }).click();
    await expect.poll(async () => page.locator('html').getAttribute('class')).toBe('fs-m');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator(':focus').textContent()).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${base}/u/fgj/guide#main`);
    expect(await page.getByRole('table').first().locator('th[scope="row"]').first().textContent()).toBe('政府信息公开工作机构名称');
  });

  it('prints without the navigation and with link addresses', async () => {
    const page = await open();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${base}/u/fgj/guide`);
    expect(await page.locator('.tools').isVisible()).toBe(false);
    expect(await page.locator('.unit-nav').isVisible()).toBe(false);
    const after = await page.evaluate(() => getComputedStyle(document.querySelector('main a[href^="mailto:"]') as Element, '::after').content);
    expect(after).toContain('mailto:fgj@anlan.gov.cn');
  });
});
