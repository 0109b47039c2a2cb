/**
 * Applying online in a real browser with JavaScript turned off, by keyboard only: a mistake in the ID number
 * comes back as an error next to the field and in the summary, the corrected form gives the receipt, and the
 * receipt's code opens the progress page. axe-core (WCAG 2.1 AA) finds nothing serious on the form, the
 * error state or the receipt, and none of them scrolls sideways on a 360 px phone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../src/domain/units/codes.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { portalAxe } from '../support/axe.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';

const GOOD_ID = '11010519491231002X';
const BAD_ID = '110105194912310021';
const ORG_CODE = `91520100MA6DK1234${usccCheckChar('91520100MA6DK1234')}`;

describe.skipIf(!chromiumAvailable())('applying online in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const open = async (opts: Parameters<Browser['newContext']>[0] = {}): Promise<Page> => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', ...opts });
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

  /** Presses Tab until the element with this id has the focus (fails after 80 presses). */
  const tabTo = async (page: Page, id: string) => {
    for (let i = 0; i < 80; i++) {
      if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached #${id}`);
  };
  const typeInto = async (page: Page, id: string, text: string) => {
    await tabTo(page, id);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
  };

  /** Runs an action that leads to a new page (a form POST may keep the URL) and waits for that page to load. */
  const navigate = async (page: Page, action: () => Promise<unknown>) => {
    await Promise.all([page.waitForEvent('framenavigated'), action()]);
    await page.waitForLoadState('load');
  };

  const noSideways = async (page: Page, what: string) => {
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, what).toBeLessThanOrEqual(client as number);
  };

  it('fills in the form by keyboard without JavaScript, corrects an error, and gets a receipt that opens the progress page', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${base}/u/fgj/`);
    await navigate(page, () => page.getByRole('navigation', { name: '本单位栏目' }).getByRole('link', { name: '依申请公开' }).click());
    expect(page.url()).toBe(`${base}/u/fgj/apply`);

    await tabTo(page, 'f-type-natural');
    await page.keyboard.press('Space');
    await typeInto(page, 'f-name', '欧阳明月');
    await typeInto(page, 'f-idNumber', BAD_ID);
    await typeInto(page, 'f-phone', '13800138000');
    await typeInto(page, 'f-email', 'oy@example.cn');
    await typeInto(page, 'f-address', '安澜市府前大道100号3单元');
    await typeInto(page, 'f-postcode', '564700');
    await typeInto(page, 'f-description', '2025年度安澜市城区道路改造项目的立项批复文件');
    await tabTo(page, 'f-provisionForm-paper');
    await page.keyboard.press('ArrowDown'); // 电子邮件
    await tabTo(page, 'f-deliveryMethod-post');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // 电子邮件
    expect(await page.locator('#f-provisionForm-email').isChecked()).toBe(true);
    expect(await page.locator('#f-deliveryMethod-email').isChecked()).toBe(true);
    await page.keyboard.press('Tab'); // the optional proof of identity (a file input)
    expect(await page.locator(':focus').getAttribute('id')).toBe('f-proof');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('提交申请');
    await navigate(page, () => page.keyboard.press('Enter'));

    // The error state: title, summary linking to the field, the message next to it, everything typed kept.
    expect(await page.title()).toMatch(/^提交有误：/);
    const summary = page.getByRole('alert');
    expect(await summary.getByRole('heading').textContent()).toBe('提交的内容有 1 处需要修改');
    const link = summary.getByRole('link', { name: '身份证号码校验位不正确，请核对后重新输入' });
    expect(await link.getAttribute('href')).toBe('#f-idNumber');
    expect(await page.locator('#f-idNumber-error').textContent()).toContain('身份证号码校验位不正确');
    expect(await page.locator('#f-name').inputValue()).toBe('欧阳明月');
    expect(await page.locator('#f-description').inputValue()).toBe('2025年度安澜市城区道路改造项目的立项批复文件');
    await page.screenshot({ path: '/tmp/apply-error.png', fullPage: true });

    await typeInto(page, 'f-idNumber', GOOD_ID);
    await tabTo(page, 'f-deliveryMethod-email');
    await page.keyboard.press('Tab'); // past the optional file input
    await page.keyboard.press('Tab');
    await navigate(page, () => page.keyboard.press('Enter'));

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('申请已提交');
    const receiptNo = (await page.locator('.receipt dd.code').nth(0).textContent()) as string;
    const queryCode = (await page.locator('.receipt dd.code').nth(1).textContent()) as string;
    expect(receiptNo).toMatch(/^FGJ-\d{4}-\d{5}$/);
    expect(queryCode).toMatch(/^\d{8}$/);
    expect(await page.locator('main').textContent()).toContain('您的申请才视为收到');
    await page.screenshot({ path: '/tmp/apply-receipt.png', fullPage: true });
    const app = await t.rt.deps.store.read((r) => r.applications.getByReceiptNo(receiptNo));
    expect(app?.status).toBe('registered');

    await navigate(page, () => page.getByRole('link', { name: '查询办理进度' }).click());
    await typeInto(page, 'f-receiptNo', receiptNo);
    await typeInto(page, 'f-queryCode', queryCode);
    await navigate(page, () => page.keyboard.press('Enter'));
    expect(await page.locator('h1').textContent()).toBe('申请办理进度');
    expect(await page.locator('table.facts').textContent()).toContain('待确认收到');
  });

  it('has no serious or critical axe violations on the form, the error state, the receipt and the progress page', async () => {
    const page = await open({ bypassCSP: true });
    const findings: string[] = [];
    const check = async (what: string) => {
      const { serious, all } = await portalAxe(page);
      expect(serious, what).toEqual([]);
      findings.push(...all.map((a) => `${what}: ${a}`));
    };
    await page.goto(`${base}/u/fgj/apply`);
    await check('form');
    await page.locator('#f-idNumber').fill(BAD_ID);
    await navigate(page, () => page.getByRole('button', { name: '提交申请' }).click());
    expect(await page.getByRole('alert').isVisible()).toBe(true);
    await check('error state');
    await page.locator('#f-type-natural').check();
    await page.locator('#f-name').fill('张三');
    await page.locator('#f-idNumber').fill(GOOD_ID);
    await page.locator('#f-phone').fill('13800138000');
    await page.locator('#f-address').fill('安澜市府前大道100号');
    await page.locator('#f-description').fill('安澜市2025年政府工作报告');
    await page.locator('#f-provisionForm-paper').check();
    await page.locator('#f-deliveryMethod-post').check();
    await navigate(page, () => page.getByRole('button', { name: '提交申请' }).click());
    expect(await page.locator('h1').textContent()).toBe('申请已提交');
    await check('receipt');
    const receiptNo = (await page.locator('.receipt dd.code').nth(0).textContent()) as string;
    const queryCode = (await page.locator('.receipt dd.code').nth(1).textContent()) as string;
    await page.goto(`${base}/progress`);
    await check('progress form');
    await page.locator('#f-receiptNo').fill(receiptNo);
    await page.locator('#f-queryCode').fill(queryCode);
    await navigate(page, () => page.getByRole('button', { name: '查询' }).click());
    await check('progress result');
    // Moderate and minor findings too: none expected; listed in the message if any appear.
    expect(findings).toEqual([]);
  });

  it('needs no horizontal scrolling at 360 px, in the normal and the large font', async () => {
    for (const prefs of ['m0', 'l1']) {
      const page = await open({ viewport: { width: 360, height: 800 } });
      await page.context().addCookies([{ name: 'gk_prefs', value: prefs, url: base }]);
      await page.goto(`${base}/u/fgj/apply`);
      await noSideways(page, `form ${prefs}`);
      await navigate(page, () => page.getByRole('button', { name: '提交申请' }).click());
      await noSideways(page, `error state ${prefs}`);
      if (prefs === 'm0') await page.screenshot({ path: '/tmp/apply-error-360.png', fullPage: true });
      await page.locator('#f-type-commercial').check();
      await page.locator('#f-name').fill('安澜市星河科技有限公司');
      await page.locator('#f-orgCode').fill(ORG_CODE);
      await page.locator('#f-contactPerson').fill('李四');
      await page.locator('#f-phone').fill('0851-86220000');
      await page.locator('#f-email').fill('contact@xinghe.example.cn');
      await page.locator('#f-description').fill('安澜市2025年企业扶持资金拨付情况');
      await page.locator('#f-provisionForm-email').check();
      await page.locator('#f-deliveryMethod-email').check();
      await navigate(page, () => page.getByRole('button', { name: '提交申请' }).click());
      expect(await page.locator('h1').textContent()).toBe('申请已提交');
      await noSideways(page, `receipt ${prefs}`);
      if (prefs === 'l1') await page.screenshot({ path: '/tmp/apply-receipt-360-large.png', fullPage: true });
      await page.goto(`${base}/progress`);
      await noSideways(page, `progress ${prefs}`);
    }
  });
});
