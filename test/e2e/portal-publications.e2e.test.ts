/**
 * 主动公开 pages in Chromium: no axe-core findings (WCAG 2.1 A/AA and best practice) on the disclosure home, a
 * column list, an item page and the search page, in normal, large-font and high-contrast mode; a phone-width item
 * page that needs no horizontal scrolling; and stored XSS in every field an item shows (title, body, metadata,
 * correction note, withdrawal reason, attachment names) that never runs — checked with the CSP switched off, so
 * that escaping and sanitising alone must hold.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { portalAxe } from '../support/axe.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';
import { seedItem, seedLink } from '../support/portal-seed.js';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const X = (tag: string) => `<img src=x onerror="window.__xss='${tag}'">`;

describe.skipIf(!chromiumAvailable())('主动公开 portal in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const ids: Record<string, string> = {};
  const open = async (opts: Parameters<Browser['newContext']>[0] = {}): Promise<Page> => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
    contexts.push(ctx);
    return ctx.newPage();
  };

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    for (let n = 1; n <= 25; n++) {
      await seedItem(t.rt, { slug: 'fgj', column: 'tzgg', title: `关于2025年第${n}批价格监测点名单的公示`, docNumber: n % 2 ? `安发改〔2025〕${n}号` : null, publishedAt: new Date(Date.UTC(2025, 1, n)).toISOString() });
    }
    const policy = await seedItem(t.rt, {
      slug: 'fgj', column: 'zcwj', title: '安澜市政府定价目录', docNumber: '安发改规〔2025〕2号', validity: 'inForce', keywords: ['价格', '定价目录'],
      body: '<p>为规范政府定价行为，制定本目录。</p><h2>一、适用范围</h2><p>本目录适用于本市行政区域。</p><table><thead><tr><th scope="col">序号</th><th scope="col">项目</th></tr></thead><tbody><tr><td>1</td><td>供水价格</td></tr></tbody></table>',
      attachments: [{ filename: '定价目录.pdf', mime: 'application/pdf', data: PDF }], correctedAt: new Date().toISOString(), correctionNote: '附件更正',
    });
    ids.policy = policy.id;
    const jd = await seedItem(t.rt, { slug: 'fgj', column: 'zcjd', title: '《安澜市政府定价目录》政策解读' });
    await seedLink(t.rt, jd.id, policy.id, 'interprets');
    // Stored XSS in everything an item shows. Written straight to the repository: nothing was sanitised on save.
    const evil = await seedItem(t.rt, {
      slug: 'fgj', column: 'gzdt', title: `标题${X('title')}<script>window.__xss='title-script'</script>`,
      body: `<p>正文</p>${X('body')}<script>window.__xss='body-script'</script><a href="javascript:window.__xss='href'">链接</a><svg onload="window.__xss='svg'"></svg><iframe src="javascript:parent.__xss='iframe'"></iframe><p onclick="window.__xss='click'">点击</p>`,
      summary: `概述${X('summary')}`, docNumber: `文号${X('doc')}`, publisher: `机构${X('publisher')}`, keywords: [`词${X('kw')}`], subject: `主题${X('subject')}`,
      correctedAt: new Date().toISOString(), correctionNote: `更正${X('correction')}`,
      attachments: [{ filename: `"><img src=x onerror="window.__xss='file'">.pdf`, mime: 'application/pdf', data: PDF }],
    });
    ids.evil = evil.id;
    ids.evilGone = (await seedItem(t.rt, { slug: 'fgj', column: 'gzdt', title: `撤回${X('gone-title')}`, status: 'withdrawn', withdrawalReason: `原因${X('reason')}` })).id;
    await seedLink(t.rt, evil.id, policy.id, 'interprets');
    base = await listen(t.app);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  for (const [mode, cookie] of [['normal', null], ['large font', 'l0'], ['large font, high contrast', 'l1']] as const) {
    it(`axe-core finds nothing on the disclosure home, a column, an item and search (${mode})`, async () => {
      const page = await open({ bypassCSP: true }); // for the axe script only
      if (cookie) await page.context().addCookies([{ name: 'gk_prefs', value: cookie, url: base }]);
      const pages = ['/u/fgj/xxgk/', '/u/fgj/c/tzgg/', '/u/fgj/c/tzgg/?page=2', `/u/fgj/i/${ids.policy}`, `/u/fgj/i/${ids.policy}?print=1`, `/u/fgj/i/${ids.evilGone}`, '/u/fgj/c/fdzdgknr/'];
      const search = await fetch(`${base}/search?q=${encodeURIComponent('价格')}`);
      if (search.status === 200) pages.push(`/search?q=${encodeURIComponent('价格')}&unit=fgj`);
      for (const path of pages) {
        await page.goto(base + path);
        expect((await portalAxe(page)).all, `${mode} ${path}`).toEqual([]);
      }
      if (mode === 'normal') await page.goto(`${base}/u/fgj/i/${ids.policy}`).then(() => page.screenshot({ path: '/tmp/portal-item.png', fullPage: true }));
    });
  }

  it('an item page and a column fit a 360 px phone in large font without horizontal scrolling', async () => {
    const page = await open({ viewport: { width: 360, height: 800 } });
    await page.context().addCookies([{ name: 'gk_prefs', value: 'l0', url: base }]);
    for (const path of [`/u/fgj/i/${ids.policy}`, '/u/fgj/c/tzgg/', '/u/fgj/xxgk/']) {
      await page.goto(base + path);
      const [scroll, client, wide] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
        [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth).map((e) => `${e.tagName}.${e.className}`).slice(0, 5).join(' ')]);
      expect(scroll, `${path}: ${wide}`).toBeLessThanOrEqual(client as number);
    }
    await page.goto(`${base}/u/fgj/i/${ids.policy}`);
    await page.screenshot({ path: '/tmp/portal-item-360.png', fullPage: true });
  });

  it('stored XSS in title, body, metadata, notes and attachment names never runs, even with the CSP off', async () => {
    const page = await open({ bypassCSP: true });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const path of [`/u/fgj/i/${ids.evil}`, `/u/fgj/i/${ids.evil}?print=1`, `/u/fgj/i/${ids.evilGone}`, '/u/fgj/c/gzdt/', '/u/fgj/xxgk/', `/u/fgj/i/${ids.policy}`]) {
      await page.goto(base + path);
      await page.waitForLoadState('load');
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      for (const el of await page.locator('main p').all()) await el.click({ trial: false, timeout: 1000 }).catch(() => {});
      expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), path).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
    // The text is shown as typed, not dropped.
    await page.goto(`${base}/u/fgj/i/${ids.evil}`);
    expect(await page.locator('h1').textContent()).toContain(`<img src=x onerror="window.__xss='title'">`);
    expect(await page.locator('.files a').first().textContent()).toBe(`"><img src=x onerror="window.__xss='file'">.pdf`);
    expect(await page.locator('.article-body script, .article-body iframe, .article-body svg, [onerror], [onclick], [onload]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  });

  it('works without JavaScript: from the unit home to a column, page 2, an item and its print view', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${base}/u/fgj/`);
    await page.getByRole('navigation', { name: '本单位栏目' }).getByRole('link', { name: '政府信息公开', exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${base}/u/fgj/xxgk/`);
    await page.getByRole('heading', { name: '通知公告' }).getByRole('link').click();
    await expect.poll(() => page.url()).toBe(`${base}/u/fgj/c/tzgg/`);
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/u/fgj/c/tzgg/?page=2`);
    expect(await page.getByRole('navigation', { name: '分页' }).locator('[aria-current="page"]').textContent()).toBe('第2页');
    await page.goto(`${base}/u/fgj/c/zcwj/`);
    await page.getByRole('link', { name: '安澜市政府定价目录' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/u/fgj/i/${ids.policy}`);
    expect(await page.getByText('本文于').textContent()).toContain('更正：附件更正');
    await page.getByRole('link', { name: '打印本页' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/u/fgj/i/${ids.policy}?print=1`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.tools').isVisible()).toBe(false);
    expect(await page.locator('.crumbs').isVisible()).toBe(false);
    expect(await page.locator('.meta-table').isVisible()).toBe(true);
  });
});
