/**
 * 依申请公开 in the admin back office, in a real browser (Debian Chromium via playwright-core) against the real
 * app on a fresh SQLite database with the demo city. One story, as a case handler of 安澜市发展和改革局 lives it:
 * first login with a password set by the administrator, an in-person application entered through the form,
 * the queue with its due date, correction (the clock waits, then restarts), a third-party consultation (the
 * clock stops, then runs again), a partial-disclosure reply with one withheld item, the reply notice as PDF
 * and DOCX, and service. axe-core finds nothing serious on the queue and the detail page; the admin CSP holds.
 */
import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDistDir } from '../../src/http/admin-static.js';
import { adminPage, submitAdminLogin } from '../support/admin-login.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { adminAxe } from '../support/axe.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';

const FIRST_PASSWORD = 'Fagai#First2026';
const OWN_PASSWORD = 'Fagai#Own2026pw';
const ID = '11010519491231002X';
const SLOW = { timeout: 60_000 };

describe.skipIf(!chromiumAvailable())('依申请公开 in the admin back office (Chromium, sqlite)', () => {
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
    page = await adminPage(browser, { problems, viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const dialog = (name: string) => page.getByRole('dialog', { name });
  const statusTag = () => page.getByTestId('status');
  const steps = () => page.getByRole('list', { name: '期限计算说明' });

  /** Opens an action's form on the detail page, lets `fill` complete it, submits, and waits for the form to close. */
  async function act(label: string, fill: (form: Locator) => Promise<void> = async () => undefined): Promise<void> {
    await page.getByRole('group', { name: '办理操作' }).getByRole('button', { name: label, exact: true }).click();
    const form = dialog(label);
    await form.waitFor();
    await fill(form);
    await form.getByRole('button', { name: '提交' }).click();
    await form.waitFor({ state: 'hidden', ...SLOW });
  }

  /**
   * Picks an option of an antd Select and checks that it took: clicks that land during the dropdown's opening
   * animation are retried, and the next pick waits until this dropdown has closed (its options must not catch it).
   */
  async function pickOption(combobox: Locator, option: string, search?: string): Promise<void> {
    const root = combobox.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
    const dropdowns = page.locator('.ant-select-dropdown:visible');
    await expect.poll(() => dropdowns.count(), SLOW).toBe(0);
    await expect.poll(async () => {
      if (((await root.textContent()) ?? '').includes(option)) return true;
      if ((await dropdowns.count()) === 0) {
        await combobox.click();
        if (search) await combobox.fill(search);
      }
      await dropdowns.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 5_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      return ((await root.textContent()) ?? '').includes(option);
    }, SLOW).toBe(true);
    await expect.poll(() => dropdowns.count(), SLOW).toBe(0);
  }

  it('a case handler registers an application and takes it through correction, consultation, partial disclosure, notice and service', async () => {
    // ── The administrator creates the handler with a known first password (through the API) ──
    const fgj = await t.unitId('fgj');
    const created = await t.admin.post('/api/v1/accounts', {
      unitId: fgj, username: 'fgj.zhao', displayName: '赵经办', roles: [{ unitId: fgj, role: 'caseHandler' }], password: FIRST_PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);

    // ── First login: the password must be changed ──
    await page.goto(`${base}/admin/`);
    await expect.poll(() => page.url(), SLOW).toContain('/admin/login');
    await submitAdminLogin(page, 'fgj.zhao', FIRST_PASSWORD);
    await page.getByRole('heading', { name: '设置新密码' }).waitFor();
    await page.getByLabel('当前密码（一次性密码）').fill(FIRST_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill(OWN_PASSWORD);
    await page.getByLabel('确认新密码').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByRole('heading', { name: '您好，赵经办' }).waitFor();

    // ── 登记申请 through the menu ──
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('menuitem', { name: /依申请公开/ }).click();
    await menu.getByRole('link', { name: '登记申请' }).click();
    await page.getByRole('heading', { name: '登记申请' }).waitFor();
    // Defaults: the handler's own unit, in person, received today.
    await expect.poll(() => page.locator('form[id="register-application"]').textContent(), SLOW).toContain('安澜市发展和改革局');
    expect(await page.getByText('以提交之日为收到申请之日').count()).toBeGreaterThan(0);
    await page.getByLabel('申请人姓名').fill('欧阳明月');
    await page.getByLabel('证件号码').fill('110105194912310021');
    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByLabel('通信地址').fill('安澜市府前大道100号3单元');
    await page.getByLabel('所需政府信息的名称或内容描述').fill('城区道路改造项目环评报告');
    await page.getByRole('radiogroup', { name: '信息的提供形式' }).getByText('纸质').click();
    await page.getByRole('radiogroup', { name: '获取信息的方式' }).getByText('邮寄').click();
    await page.getByRole('button', { name: '登记', exact: true }).click();
    // The server's field error lands on the field (applicant.idNumber): a wrong check digit.
    await page.getByText('身份证号码校验位不正确').waitFor(SLOW);
    await page.getByLabel('证件号码').fill(ID);
    await page.getByRole('button', { name: '登记', exact: true }).click();
    const done = dialog('申请已登记');
    await done.waitFor(SLOW);
    const receiptNo = (await done.getByTestId('receipt-no').textContent())?.trim() ?? '';
    expect(receiptNo).toMatch(/^FGJ-\d{4}-\d{5}$/);
    expect((await done.getByTestId('query-code').textContent())?.trim()).toMatch(/^\d{8}$/);
    await done.getByText('查询码只显示这一次').waitFor();
    await page.screenshot({ path: '/tmp/gongkai-apps-registered.png' });
    await done.getByRole('button', { name: '继续登记' }).click();
    await done.waitFor({ state: 'hidden' });

    // ── 办理队列: the application with its due date ──
    const queued = (await t.admin.get(`/api/v1/applications?unitId=${fgj}`)).json().items.find((a: { receiptNo: string }) => a.receiptNo === receiptNo);
    expect(queued.replyDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await menu.getByRole('link', { name: '办理队列' }).click();
    const row = page.locator('.ant-table').getByRole('row').filter({ hasText: receiptNo });
    await row.waitFor(SLOW);
    expect(await row.textContent()).toContain(queued.replyDue);
    expect(await row.textContent()).toContain('欧***');
    expect(await row.textContent()).toContain('当面提交');
    expect(await row.textContent()).not.toContain('欧阳明月');
    await page.screenshot({ path: '/tmp/gongkai-apps-queue.png', fullPage: true });
    expect((await adminAxe(page)).serious).toEqual([]);

    // ── 申请详情 ──
    await row.getByRole('link', { name: `查看申请 ${receiptNo}` }).click();
    await page.getByRole('heading', { name: `申请 ${receiptNo}` }).waitFor(SLOW);
    await expect.poll(() => statusTag().textContent()).toBe('已收到');
    await expect.poll(() => steps().textContent()).toContain('当面提交');
    expect((await adminAxe(page)).serious).toEqual([]);

    // Correction: the due date disappears while the applicant corrects.
    await act('告知补正', (f) => f.getByLabel('需要补正的事项').fill('请明确项目名称和所需文件的年份'));
    await expect.poll(() => statusTag().textContent(), SLOW).toBe('待补正');
    await expect.poll(() => page.getByTestId('reply-due').textContent()).toContain('待补正');
    expect(await steps().textContent()).toContain('答复期限待收到补正申请后起算');

    // Corrected application received: the period restarts.
    await act('收到补正', (f) => f.getByLabel('补正内容摘要').fill('申请人补充了项目名称：城区道路改造一期'));
    await expect.poll(() => statusTag().textContent(), SLOW).toBe('办理中');
    await expect.poll(() => steps().textContent()).toContain('重新起算');
    expect(await page.getByTestId('reply-due').count()).toBe(0);

    // Third-party consultation: the clock stops.
    await act('征求第三方/其他机关意见', async (f) => {
      await f.getByLabel('征求意见对象').fill('安澜市城建投资有限公司');
      await f.getByLabel('征求意见事项').fill('是否同意公开环评报告中的商业报价部分');
    });
    await expect.poll(() => statusTag().textContent(), SLOW).toBe('征求意见中');
    await expect.poll(() => page.getByTestId('reply-due').textContent()).toContain('计时暂停');
    await page.getByText('计时暂停', { exact: true }).first().waitFor();

    // The answer arrives: the clock runs again.
    await act('收到意见', async (f) => {
      await f.getByLabel('答复意见').fill('不同意公开其中的商业报价部分');
      await f.getByRole('radiogroup', { name: '对方态度' }).getByText('不同意公开').click();
    });
    await expect.poll(() => statusTag().textContent(), SLOW).toBe('办理中');
    await expect.poll(() => steps().textContent()).toContain('不计入答复期限');
    await page.screenshot({ path: '/tmp/gongkai-apps-detail.png', fullPage: true });

    // Reply: 部分公开 with one withheld item.
    await act('作出答复', async (f) => {
      await pickOption(f.getByRole('combobox', { name: '答复结果' }), '部分公开', '部分公开');
      await f.getByLabel('不予公开的内容 1').fill('商业报价明细');
      await pickOption(f.getByRole('combobox', { name: '依据 1' }), '不予公开：保护第三方合法权益');
      await page.screenshot({ path: '/tmp/gongkai-apps-reply-form.png' });
    });
    await expect.poll(() => statusTag().textContent(), SLOW).toBe('已答复');
    await page.getByText('商业报价明细（不予公开：保护第三方合法权益）').first().waitFor();

    // The reply notice: PDF and DOCX stored, downloadable with the session cookie; print preview offered.
    await page.getByRole('button', { name: '生成答复告知书' }).click();
    const pdf = page.getByRole('link', { name: /^下载 PDF：.*\.pdf$/ }).first();
    const docx = page.getByRole('link', { name: /^下载 DOCX：.*\.docx$/ }).first();
    await pdf.waitFor({ timeout: 90_000 });
    await docx.waitFor();
    const pdfRes = await page.context().request.get(base + ((await pdf.getAttribute('href')) ?? ''));
    expect(pdfRes.status()).toBe(200);
    expect(pdfRes.headers()['content-type']).toContain('application/pdf');
    expect((await pdfRes.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const docxRes = await page.context().request.get(base + ((await docx.getAttribute('href')) ?? ''));
    expect(docxRes.status()).toBe(200);
    expect(await page.getByRole('link', { name: '打印预览答复告知书（新窗口）' }).getAttribute('href')).toContain('/notices/preview?kind=reply');

    // Service.
    await act('送达答复');
    await expect.poll(() => statusTag().textContent(), SLOW).toBe('已送达');
    const history = await page.locator('.ant-timeline').textContent();
    for (const label of ['登记申请', '告知补正', '收到补正', '征求第三方/其他机关意见', '收到意见', '作出答复', '送达答复']) expect(history).toContain(label);
    await page.screenshot({ path: '/tmp/gongkai-apps-served.png', fullPage: true });
    expect((await adminAxe(page)).serious).toEqual([]);

    // Phone width: the detail and the queue still read.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: '/tmp/gongkai-apps-detail-phone.png' });
    await page.getByText('已生成的告知书').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/gongkai-apps-detail-phone-notices.png' });
    await page.goto(`${base}/admin/applications?all=true`);
    await page.locator('.ant-table').getByRole('row').filter({ hasText: receiptNo }).waitFor(SLOW);
    await page.screenshot({ path: '/tmp/gongkai-apps-queue-phone.png' });

    expect(problems).toEqual([]);
  }, 300_000);

  it('the administrator sees the dashboard and adds and removes a calendar override, which recomputes open due dates', async () => {
    const fgj = await t.unitId('fgj');
    const handler = await t.login('fgj.zhao', OWN_PASSWORD);
    const open = await handler.post('/api/v1/applications', {
      unitId: fgj, applicant: { type: 'commercial', name: '安澜城建咨询有限公司', orgCode: '91350100M000100Y43', contactPerson: '李明', phone: '13800138001', email: 'li@example.cn' },
      description: '2026年度政府投资项目计划', provisionForm: 'email', deliveryMethod: 'email', channel: 'email', receivedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    });
    expect(open.statusCode, open.body).toBe(201);
    const openNo = open.json().application.receiptNo as string;
    const due = open.json().application.replyDue as string;

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: '退出登录' }).click();
    await submitAdminLogin(page, 'admin');
    await page.getByRole('heading', { name: '您好，系统管理员' }).waitFor();

    await page.goto(`${base}/admin/applications/stats?unitId=${fgj}`);
    await page.getByRole('heading', { name: '依申请公开统计' }).waitFor();
    const byChannel = page.getByRole('figure', { name: '按申请渠道' });
    await expect.poll(() => byChannel.textContent(), SLOW).toContain('合计 2 件');
    expect(await byChannel.textContent()).toContain('当面提交1 件');
    await page.screenshot({ path: '/tmp/gongkai-apps-stats.png', fullPage: true });
    expect((await adminAxe(page)).serious).toEqual([]);

    // A deployment-wide day off inside the open application's period moves its due date by one working day.
    await page.goto(`${base}/admin/calendar`);
    await page.getByRole('heading', { name: '工作日历' }).waitFor();
    const form = page.locator('form#override');
    await form.getByLabel('日期').fill(due);
    await form.getByLabel('日期').press('Enter');
    await pickOption(form.getByRole('combobox', { name: '类型' }), '放假');
    await form.getByLabel('名称').fill('地方性节日');
    await form.getByRole('button', { name: '新增调整' }).click();
    const result = page.getByRole('dialog').filter({ hasText: '已新增调整' });
    await result.waitFor(SLOW);
    await expect.poll(() => result.textContent()).toContain(openNo);
    expect(await result.textContent()).toContain(due);
    await page.screenshot({ path: '/tmp/gongkai-apps-calendar.png', fullPage: true });
    await result.getByRole('button', { name: '知道了' }).click();
    expect((await adminAxe(page)).serious).toEqual([]);
    await page.getByRole('button', { name: new RegExp(`撤销 ${due} 地方性节日`) }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销' }).click();
    const undone = page.getByRole('dialog').filter({ hasText: '已撤销调整' });
    await undone.waitFor(SLOW);
    expect(await undone.textContent()).toContain(openNo);
    expect(problems).toEqual([]);
  }, 180_000);
});
