/**
 * The public portal as a citizen (and an inspector) meets it: every unit reachable from the home page,
 * the Art. 12 guide facts on the guide page, edits visible at once, no stored XSS, no open redirect,
 * Chinese error pages, and the cache-hit fast path answering exactly like the Fastify route.
 */
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../support/browser.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();
const SLUGS = ['anlan', 'zfb', 'fgj', 'jyj', 'zrzyj', 'chengguan', 'shiqiao', 'taoyuan'];

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));

describe.each(ENGINES)('public portal on %s', (engine) => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('home page lists every active unit under its government, in Chinese', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="zh-CN"/);
    expect(res.body).toContain('<h1>政府信息公开平台</h1>');
    for (const slug of SLUGS) expect(hrefs(res.body)).toContain(`/u/${slug}/`);
    // The government heads its own section; its departments and townships are grouped below it.
    const gov = res.body.indexOf('<h2><a href="/u/anlan/">安澜市人民政府</a></h2>');
    expect(gov).toBeGreaterThan(0);
    expect(res.body.indexOf('<h3>政府工作部门</h3>')).toBeGreaterThan(gov);
    expect(res.body.indexOf('安澜市发展和改革局')).toBeGreaterThan(res.body.indexOf('<h3>政府工作部门</h3>'));
    expect(res.body.indexOf('安澜市桃源乡人民政府')).toBeGreaterThan(res.body.indexOf('<h3>乡镇（街道）</h3>'));
  });

  it('guide page shows every Art. 12 contact fact of the unit, the default text and its update date', async () => {
    const res = await get('/u/fgj/guide');
    expect(res.statusCode).toBe(200);
    const facts: [string, string][] = [
      ['政府信息公开工作机构名称', '安澜市发展和改革局办公室'], ['办公地址', '安澜市府前大道88号市民中心B座5楼'],
      ['办公时间', '周一至周五 上午9:00-12:00，下午14:30-18:00（法定节假日除外）'], ['联系电话', '0851-86222001'],
      ['传真', '0851-86222002'], ['电子邮箱', 'fgj@anlan.gov.cn'], ['网址', 'https://www.anlan.gov.cn/fgj'], ['邮政编码', '564700'],
    ];
    for (const [label, value] of facts) {
      expect(res.body).toMatch(new RegExp(`<th scope="row">${label}</th><td>(<a [^>]+>)?${value.replace(/[()]/g, '\\$&')}`));
    }
    expect(res.body).toContain('<h1>安澜市发展和改革局政府信息公开指南</h1>');
    for (const title of ['前言', '一、主动公开', '二、依申请公开', '三、收费标准', '四、监督方式及救济途径']) expect(res.body).toContain(`>${title}</h2>`);
    expect(res.body).toContain('编制本指南');
    // Line breaks inside a section survive as <br>, blank lines as paragraphs.
    expect(res.body).toContain('<p>（一）公开范围<br>安澜市发展和改革局依照');
    expect(res.body).toMatch(/更新日期：<time datetime="\d{4}-\d{2}-\d{2}">/);
    expect(res.body).toContain('<li><a href="/u/anlan/">安澜市人民政府</a></li>'); // breadcrumb to the parent
  });

  it('about page shows functions, leaders and internal bodies (Art. 20(二))', async () => {
    const res = await get('/u/fgj/about');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('拟订并组织实施全市国民经济和社会发展规划');
    expect(res.body).toContain('<tr><td>冯志刚</td><td data-label="职务">局长</td><td data-label="工作分工">主持局全面工作。</td></tr>');
    expect(res.body).toContain('<tr><td>价格管理股</td><td data-label="主要职责">负责价格监督管理。</td><td class="tel" data-label="联系电话">0851-86222004</td></tr>');
    expect(res.body).toContain('<th scope="col">姓名</th>');
  });

  it('every link on the pages leads somewhere (no dead links), the standard columns included', async () => {
    const pages = ['/', '/u/anlan/', '/u/fgj/', '/u/fgj/guide', '/u/fgj/about'];
    const seen = new Set<string>();
    for (const p of pages) {
      const html = (await get(p)).body;
      for (const href of hrefs(html)) {
        if (!href.startsWith('/') || seen.has(href)) continue;
        seen.add(href);
        const res = await get(href.split('#')[0] as string);
        expect(res.statusCode, href).toBeLessThan(400);
      }
    }
    const unitHome = (await get('/u/fgj/')).body;
    expect(unitHome).toContain('<a class="title" href="/u/fgj/c/gknb/">政府信息公开年报</a>');
    expect(unitHome).toContain('<a class="title" href="/u/fgj/guide">政府信息公开指南</a>');
  });

  it('a guide edit through the API shows on the page at once (cache invalidated on write)', async () => {
    const before = await get('/u/jyj/guide');
    expect(before.body).not.toContain('本局指南已于今日修订');
    expect((await get('/u/jyj/guide', { 'if-none-match': before.headers.etag as string })).statusCode).toBe(304);
    const id = await t.unitId('jyj');
    const put = await t.admin.put(`/api/v1/units/${id}/guide`, { sections: { intro: '本局指南已于今日修订。\n\n第二段说明。' } });
    expect(put.statusCode).toBe(200);
    const after = await get('/u/jyj/guide', { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('<p>本局指南已于今日修订。</p><p>第二段说明。</p>');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('HTML typed into a unit name or guide text is shown as text, never run', async () => {
    const id = await t.unitId('zrzyj');
    const evilName = '<img src=x onerror=alert(1)>自然资源局';
    expect((await t.admin.patch(`/api/v1/units/${id}`, { name: evilName })).statusCode).toBe(200);
    expect((await t.admin.put(`/api/v1/units/${id}/guide`, { sections: { fees: '<script>alert("x")</script>不收费' } })).statusCode).toBe(200);
    for (const url of ['/', '/u/zrzyj/', '/u/zrzyj/guide', '/u/zrzyj/about']) {
      const body = (await get(url)).body;
      expect(body, url).not.toContain('<img src=x');
      expect(body, url).not.toMatch(/<script/i);
      expect(body, url).toContain('&lt;img src=x onerror=alert(1)&gt;自然资源局');
    }
    expect((await get('/u/zrzyj/guide')).body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;不收费');
  });

  it('/prefs sets the preference cookie and never redirects off the site', async () => {
    const ok = await get('/prefs?fs=l&hc=1&back=%2Fu%2Ffgj%2Fguide');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/u/fgj/guide');
    expect(ok.headers['set-cookie']).toMatch(/^gk_prefs=l1; Path=\/; Max-Age=31536000; SameSite=Lax/);
    for (const evil of ['https://evil.example', '//evil.example/x', '/\\evil.example', '/%09/evil.example', 'javascript:alert(1)', '\t//evil.example']) {
      const res = await get(`/prefs?fs=s&back=${encodeURIComponent(evil)}`);
      expect(res.statusCode, evil).toBe(303);
      const loc = res.headers.location as string;
      expect(new URL(loc, 'http://portal.test').origin, `${evil} → ${loc}`).toBe('http://portal.test');
      expect(loc.startsWith('//'), loc).toBe(false);
    }
    // The page honours the cookie: classes on <html>, the current choice marked, contrast toggle inverted.
    const page = await get('/u/fgj/guide', { cookie: 'gk_prefs=l1' });
    expect(page.body).toContain('<html lang="zh-CN" class="fs-l hc">');
    expect(page.body).toContain('<a href="/prefs?fs=l&amp;back=%2Fu%2Ffgj%2Fguide" aria-current="true">');
    expect(page.body).toContain('取消高对比度');
    expect((await get('/u/fgj/guide')).body).toContain('<html lang="zh-CN" class="fs-m">');
  });

  it('unknown units and pages answer 404 with a Chinese HTML page', async () => {
    for (const url of ['/u/no-such-unit/guide', '/u/no-such-unit/', '/u/BAD%20SLUG/about', '/no/such/page']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<html lang="zh-CN"');
      expect(res.body).toMatch(/页面不存在/);
    }
    expect((await get('/u/fgj')).headers.location).toBe('/u/fgj/');
  });

  it('pages run no script: CSP forbids it, no inline style or script, CSS from a hashed, immutable URL', async () => {
    const res = await get('/u/fgj/guide');
    expect(res.headers['content-security-policy']).toContain("script-src 'none'");
    expect(res.headers['content-security-policy']).toContain("style-src 'self'");
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    const css = res.body.match(/<link rel="stylesheet" href="(\/assets\/portal\.[0-9a-f]{12}\.css)">/)?.[1];
    expect(css).toBeTruthy();
    const asset = await get(css as string, { 'accept-encoding': 'gzip' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['content-encoding']).toBe('gzip');
  });

  it('each page carries a QR code of its own absolute URL', async () => {
    const res = await get('/u/fgj/guide');
    const src = res.body.match(/<img src="(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+)" alt="手机扫码访问本页"/)?.[1];
    expect(src).toBeTruthy();
    const expected = await QRCode.toString(`${t.rt.config.publicUrl}/u/fgj/guide`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
    expect(Buffer.from((src as string).split(',')[1] as string, 'base64').toString()).toBe(expected);
    expect(res.body).toContain(`本页网址：${t.rt.config.publicUrl}/u/fgj/guide`);
  });

  it('the cache-hit fast path answers over a socket exactly like the Fastify route', async () => {
    const base = await listen(t.app);
    const url = `${base}/u/chengguan/about`;
    const viaFastify = await get('/u/chengguan/about'); // fills the cache
    const hit = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(hit.status).toBe(200);
    expect(await hit.text()).toBe(viaFastify.body);
    for (const h of ['content-security-policy', 'x-frame-options', 'etag', 'cache-control', 'vary', 'content-type']) {
      expect(hit.headers.get(h), h).toBe(viaFastify.headers[h]);
    }
    const br = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(await br.text()).toBe(viaFastify.body);
    expect((await fetch(url, { headers: { 'if-none-match': viaFastify.headers.etag as string } })).status).toBe(304);
    expect((await fetch(url, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } })).headers.get('content-length')).toBe(String(Buffer.byteLength(viaFastify.body)));
    // Proxied https (trustProxy off in tests): no HSTS, as the Fastify route would answer.
    expect((await fetch(url, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
  });

  it('a deactivated unit disappears from the tree and its pages say so (410)', async () => {
    const id = await t.unitId('taoyuan');
    await get('/u/taoyuan/guide'); // cached before the change
    expect((await t.admin.post(`/api/v1/units/${id}/deactivate`)).statusCode).toBe(200);
    expect(hrefs((await get('/')).body)).not.toContain('/u/taoyuan/');
    for (const url of ['/u/taoyuan/', '/u/taoyuan/guide', '/u/taoyuan/about']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(410);
      expect(res.body).toContain('该单位已撤销/停用');
      expect(res.body).toContain('<a href="/u/anlan/">访问上级单位：安澜市人民政府</a>');
    }
  });
});
