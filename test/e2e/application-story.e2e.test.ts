/**
 * The 依申请公开 story end to end, in real browsers (Debian Chromium via playwright-core) against the real app on a
 * fresh SQLite database with the demo city, with a real SMTP server on loopback receiving the applicant's mail.
 * Two actors, each in their own browser session: a citizen who applies online at 安澜市发展和改革局 and follows
 * the case on the progress page with the receipt number and query code (answering the correction asked for there),
 * and a case handler who takes the application through the admin back office: confirm receipt, ask for
 * correction, consult a third party, ask for an extension (approved by the head of the disclosure office, Art. 33),
 * reply 部分公开 with one withheld item, generate the reply notice and serve it. The citizen then downloads the
 * notice as PDF; the mail arrived in Chinese with the receipt number and never the query code or the ID number;
 * axe-core finds nothing serious on the final progress page.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDistDir } from '../../src/http/admin-static.js';
import { smtpMailer } from '../../src/infra/mailer.js';
import { createOutboxSender, type OutboxSender } from '../../src/infra/outbox-sender.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { portalAxe } from '../support/axe.js';
import { chromiumAvailable, launchBrowser, listen } from '../support/browser.js';
import { startSmtp, stopSmtp, type Received, type TestSmtp } from '../support/smtp.js';

const ID = '11010519491231002X';
const EMAIL = 'ouyang.story@example.cn';
const FROM = '安澜市政府信息公开 <gk@anlan.gov.cn>';
const FIRST_PASSWORD = 'Story#First2026';
const OWN_PASSWORD = 'Story#Own2026pw';
const SLOW = { timeout: 60_000 };
const POLL = { timeout: 15_000 };

describe.skipIf(!chromiumAvailable())('依申请公开 from the citizen\'s application to the served reply (Chromium, sqlite, real SMTP)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let smtp: TestSmtp;
  let sender: OutboxSender;
  const inbox: Received[] = [];
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(`${adminDistDir()}/index.html`)) throw new Error('dist/admin is missing: run `node scripts/build.mjs admin` (npm test builds it first)');
    smtp = await startSmtp(inbox);
    const url = `smtp://127.0.0.1:${smtp.port}`;
    t = await buildTestApp('sqlite', { SMTP_URL: url, GONGKAI_MAIL_FROM: FROM });
    base = await listen(t.app);
    sender = createOutboxSender({
      store: t.rt.deps.store, secrets: t.rt.deps.secrets, mailer: smtpMailer(url, FROM), clock: t.rt.deps.clock,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await sender?.stop();
    if (smtp) await stopSmtp(smtp);
    await t?.close();
  });

  const newPage = async (opts: Parameters<Browser['newContext']>[0] = {}): Promise<Page> => {
    const ctx = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 }, ...opts });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return page;
  };

  /** Runs an action that leads to a new page (a form POST may keep the URL) and waits for that page to load. */
  const navigate = async (page: Page, action: () => Promise<unknown>) => {
    await Promise.all([page.waitForEvent('framenavigated', SLOW), action()]);
    await page.waitForLoadState('load');
  };

  it('a citizen applies online, corrects, follows the clock, and downloads the served partial-disclosure reply; mail arrives', async () => {
    // ── The citizen applies online (no login), with e-mail delivery ──
    const citizen = await newPage({ bypassCSP: true });
    await citizen.goto(`${base}/u/fgj/apply`);
    await citizen.locator('#f-type-natural').check();
    await citizen.locator('#f-name').fill('欧阳明月');
    await citizen.locator('#f-idNumber').fill(ID);
    await citizen.locator('#f-phone').fill('13800138000');
    await citizen.locator('#f-email').fill(EMAIL);
    await citizen.locator('#f-address').fill('安澜市府前大道100号3单元');
    await citizen.locator('#f-postcode').fill('564700');
    await citizen.locator('#f-description').fill('2025年度安澜市城区道路改造项目的环境影响评价报告');
    await citizen.locator('#f-provisionForm-email').check();
    await citizen.locator('#f-deliveryMethod-email').check();
    await navigate(citizen, () => citizen.getByRole('button', { name: '提交申请' }).click());
    expect(await citizen.locator('h1').textContent()).toBe('申请已提交');
    const receiptNo = ((await citizen.locator('.receipt dd.code').nth(0).textContent()) ?? '').trim();
    const queryCode = ((await citizen.locator('.receipt dd.code').nth(1).textContent()) ?? '').trim();
    expect(receiptNo).toMatch(/^FGJ-\d{4}-\d{5}$/);
    expect(queryCode).toMatch(/^\d{8}$/);
    expect(await citizen.locator('main').textContent()).toContain('办理过程中的重要环节将发送到您填写的电子邮箱');
    const application = await t.rt.deps.store.read((r) => r.applications.getByReceiptNo(receiptNo));
    expect(application?.status).toBe('registered');
    const appId = application?.id as string;

    /** The citizen looks the case up with the receipt number and the query code. */
    const facts = () => citizen.locator('table.facts');
    const steps = () => citizen.locator('ol.steps');
    const openProgress = async () => {
      await citizen.goto(`${base}/progress`);
      await citizen.locator('#f-receiptNo').fill(receiptNo);
      await citizen.locator('#f-queryCode').fill(queryCode);
      await navigate(citizen, () => citizen.getByRole('button', { name: '查询' }).click());
      expect(await citizen.locator('h1').textContent()).toBe('申请办理进度');
    };
    await openProgress();
    expect(await facts().textContent()).toContain('待确认收到');

    // ── The case handler logs in to the back office (first login: new password) ──
    const fgj = await t.unitId('fgj');
    const created = await t.admin.post('/api/v1/accounts', {
      unitId: fgj, username: 'story.handler', displayName: '钱经办', roles: [{ unitId: fgj, role: 'caseHandler' }], password: FIRST_PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);
    const staff = await newPage();
    const cspViolations: string[] = [];
    staff.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await staff.goto(`${base}/admin/`);
    await expect.poll(() => staff.url(), SLOW).toContain('/admin/login');
    await staff.getByLabel('用户名').fill('story.handler');
    await staff.getByLabel('密码', { exact: true }).fill(FIRST_PASSWORD);
    await staff.getByRole('button', { name: '登录', exact: true }).click();
    await staff.getByRole('heading', { name: '设置新密码' }).waitFor(SLOW);
    await staff.getByLabel('当前密码（一次性密码）').fill(FIRST_PASSWORD);
    await staff.getByLabel('新密码', { exact: true }).fill(OWN_PASSWORD);
    await staff.getByLabel('确认新密码').fill(OWN_PASSWORD);
    await staff.getByRole('button', { name: '保存新密码' }).click();
    await staff.getByRole('heading', { name: '您好，钱经办' }).waitFor(SLOW);

    const statusTag = () => staff.getByTestId('status');
    const openDetail = async () => {
      await staff.goto(`${base}/admin/applications/${appId}`);
      await staff.getByRole('heading', { name: `申请 ${receiptNo}` }).waitFor(SLOW);
    };
    /** Opens an action's form on the detail page, lets `fill` complete it, submits, and waits for the form to close. */
    const act = async (label: string, fill: (form: Locator) => Promise<void> = async () => undefined) => {
      await staff.getByRole('group', { name: '办理操作' }).getByRole('button', { name: label, exact: true }).click();
      const form = staff.getByRole('dialog', { name: label });
      await form.waitFor();
      await fill(form);
      await form.getByRole('button', { name: '提交' }).click();
      await form.waitFor({ state: 'hidden', ...SLOW });
    };
    /** Picks an option of an antd Select and checks that it took (see admin-applications.e2e.test.ts). */
    const pickOption = async (combobox: Locator, option: string, search?: string) => {
      const root = combobox.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
      const dropdowns = staff.locator('.ant-select-dropdown:visible');
      await expect.poll(() => dropdowns.count(), SLOW).toBe(0);
      await expect.poll(async () => {
        if (((await root.textContent()) ?? '').includes(option)) return true;
        if ((await dropdowns.count()) === 0) {
          await combobox.click();
          if (search) await combobox.fill(search);
        }
        await dropdowns.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 5_000 }).catch(() => undefined);
        await staff.waitForTimeout(300);
        return ((await root.textContent()) ?? '').includes(option);
      }, SLOW).toBe(true);
      await expect.poll(() => dropdowns.count(), SLOW).toBe(0);
    };

    // ── Staff confirm receipt (Art. 31 (三)) and ask for correction (Art. 30) ──
    await openDetail();
    await expect.poll(() => statusTag().textContent(), POLL).toBe('待确认收到');
    await act('确认收到申请');
    await expect.poll(() => statusTag().textContent(), POLL).toBe('已收到');
    await act('告知补正', (f) => f.getByLabel('需要补正的事项').fill('请写明所需环评报告对应的项目名称和批复年份'));
    await expect.poll(() => statusTag().textContent(), POLL).toBe('待补正');

    // ── The citizen sees 待补正 and sends the correction from the progress page ──
    await openProgress();
    expect(await facts().textContent()).toContain('待补正');
    await citizen.getByRole('heading', { name: '提交补正内容' }).waitFor();
    await citizen.getByLabel('补正内容（必填）').fill('项目名称：安澜市城区道路改造一期工程，批复年份：2025年');
    await navigate(citizen, () => citizen.getByRole('button', { name: '提交补正' }).click());
    expect(await facts().textContent()).toContain('办理中');
    expect(await steps().textContent()).toContain('重新起算');
    expect(await citizen.getByRole('heading', { name: '提交补正内容' }).count()).toBe(0);

    // ── Staff consult the third party: the citizen's clock stops ──
    await openDetail();
    await expect.poll(() => statusTag().textContent(), POLL).toBe('办理中');
    await act('征求第三方/其他机关意见', async (f) => {
      await f.getByLabel('征求意见对象').fill('安澜市城建投资有限公司');
      await f.getByLabel('征求意见事项').fill('是否同意公开环评报告中的商业报价部分');
    });
    await expect.poll(() => statusTag().textContent(), POLL).toBe('征求意见中');
    await openProgress();
    expect(await facts().textContent()).toContain('征求意见中');
    expect(await facts().textContent()).toContain('暂停计算，原因见下方说明');
    expect(await facts().locator('time').count()).toBe(1); // the day of receipt only: no due date while stopped
    expect(await steps().textContent()).toContain('暂停计算答复期限');

    // ── The answer arrives; staff ask for an extension ──
    await act('收到意见', async (f) => {
      await f.getByLabel('答复意见').fill('不同意公开其中的商业报价部分');
      await f.getByRole('radiogroup', { name: '对方态度' }).getByText('不同意公开').click();
    });
    await expect.poll(() => statusTag().textContent(), POLL).toBe('办理中');
    await act('申请延期', (f) => f.getByLabel('延期理由').fill('需征求意见并逐页区分可公开内容'));
    await expect.poll(() => statusTag().textContent(), POLL).toBe('延期待批准');
    // A case handler may not approve (Art. 33: the head of the disclosure office does).
    expect(await staff.getByRole('group', { name: '办理操作' }).getByRole('button', { name: '批准延期', exact: true }).count()).toBe(0);
    const head = await t.clientWithRole('story.head', 'officeAdmin', 'anlan');
    const approved = await head.post(`/api/v1/applications/${appId}/actions/approveExtension`, {});
    expect(approved.statusCode, approved.body).toBe(200);

    // ── Reply 部分公开 with one withheld item, the reply notice, service ──
    await openDetail();
    await expect.poll(() => statusTag().textContent(), POLL).toBe('办理中');
    await act('作出答复', async (f) => {
      await pickOption(f.getByRole('combobox', { name: '答复结果' }), '部分公开', '部分公开');
      await f.getByLabel('不予公开的内容 1').fill('商业报价明细');
      await pickOption(f.getByRole('combobox', { name: '依据 1' }), '不予公开：保护第三方合法权益');
    });
    await expect.poll(() => statusTag().textContent(), POLL).toBe('已答复');
    const replied = await t.rt.deps.store.read((r) => r.applications.get(appId));
    expect(replied?.reply?.outcome).toBe('partiallyDisclosed');
    expect(replied?.reply?.withheld).toEqual([{ what: '商业报价明细', ground: 'withheldThirdParty' }]);
    await staff.getByRole('button', { name: '生成答复告知书' }).click();
    await staff.getByRole('link', { name: /^下载 PDF：.*\.pdf$/ }).first().waitFor({ timeout: 90_000 });
    await act('送达答复', async (f) => {
      await pickOption(f.getByRole('combobox', { name: '送达方式' }), '电子邮件');
    });
    await expect.poll(() => statusTag().textContent(), POLL).toBe('已送达');
    expect(cspViolations).toEqual([]);

    // ── The citizen sees the served reply and downloads the notice ──
    await openProgress();
    const table = (await facts().textContent()) ?? '';
    expect(table).toContain('已送达');
    expect(table).toContain('部分公开');
    const explanation = (await steps().textContent()) ?? '';
    expect(explanation).toContain('重新起算');
    expect(explanation).toContain('延长 20 个工作日');
    expect(explanation).toContain('不计入答复期限');
    const history = (await citizen.locator('table.data').textContent()) ?? '';
    for (const label of ['确认收到申请', '告知补正', '收到补正', '征求第三方/其他机关意见', '收到意见', '申请延期', '批准延期', '作出答复', '送达答复']) expect(history).toContain(label);
    const button = citizen.getByRole('button', { name: /^下载 .*\.pdf$/ }).first();
    await button.waitFor();
    const [download] = await Promise.all([citizen.waitForEvent('download', SLOW), button.click()]);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await citizen.screenshot({ path: '/tmp/gongkai-story-progress.png', fullPage: true });

    // ── axe-core on the progress page in its final state ──
    expect((await portalAxe(citizen)).serious).toEqual([]);

    // ── The mail: delivered to the citizen's address, in Chinese, with the receipt number, without secrets ──
    const result = await sender.runOnce();
    expect(result.failed).toBe(0);
    expect(result.retrying).toBe(0);
    const mine = inbox.filter((m) => m.subject.includes(receiptNo));
    const subjects = mine.map((m) => m.subject);
    for (const expected of [
      `【安澜市发展和改革局】您的政府信息公开申请已提交，待确认收到（受理编号：${receiptNo}）`,
      `【安澜市发展和改革局】已确认收到您的政府信息公开申请（受理编号：${receiptNo}）`,
      `【安澜市发展和改革局】政府信息公开申请补正告知（受理编号：${receiptNo}）`,
      `【安澜市发展和改革局】政府信息公开申请延长答复期限告知（受理编号：${receiptNo}）`,
      `【安澜市发展和改革局】您的政府信息公开申请已作出答复（受理编号：${receiptNo}）`,
    ]) expect(subjects).toContain(expected);
    expect(result.sent).toBe(mine.length);
    for (const m of mine) {
      expect(m.to).toEqual([EMAIL]);
      expect(m.body).toContain(`受理编号：${receiptNo}`);
      for (const secret of [queryCode, ID, '欧阳明月', '13800138000']) {
        expect(m.raw, `${m.subject}: ${secret}`).not.toContain(secret);
        expect(m.body, `${m.subject}: ${secret}`).not.toContain(secret);
      }
    }
    expect(mine.find((m) => m.subject.includes('补正告知'))?.body).toContain('请写明所需环评报告对应的项目名称和批复年份');
    expect(mine.find((m) => m.subject.includes('延长答复期限'))?.body).toContain('延长20个工作日');
    expect(mine.find((m) => m.subject.includes('已作出答复'))?.body).toContain('部分公开');
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
