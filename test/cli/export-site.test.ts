/**
 * `gongkai export-site` as an operator runs it: a full export that a plain file server can serve (every internal
 * link resolves to a file, no query strings, no dynamic-only links left relative), then incremental runs that
 * rewrite only what changed — a corrected title, a withdrawal whose page becomes the notice and whose files go.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { ensureBuilt, freePort, runCli } from '../support/built-cli.js';
import { patchItem, seedItem, seedLink } from '../support/portal-seed.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-export-test-'));
const data = path.join(root, 'data');
const out = path.join(root, 'site');
const STATIC = 'https://static.anlan.gov.cn';
const DYNAMIC = 'https://www.anlan.gov.cn';
const gk = (...args: string[]) => runCli(['--data', data, ...args]);
const exportSite = (...extra: string[]) => gk('export-site', out, '--base-url', STATIC, '--dynamic-url', DYNAMIC, ...extra);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const ids: Record<string, string> = {};
let fileId = '';
let nginx: ChildProcess | null = null;

async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig({ LOG_LEVEL: 'warn' }, { dataDir: data }));
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f));
}
const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');
const written = (stdout: string) => Number(/写入 (\d+)/.exec(stdout)?.[1]);
const deleted = (stdout: string) => Number(/删除 (\d+)/.exec(stdout)?.[1]);

beforeAll(async () => {
  await ensureBuilt();
  expect((await gk('init', '--demo', '--content', 'none')).code).toBe(0);
  await withRuntime(async (rt) => {
    for (let n = 1; n <= 23; n++) ids[`n${n}`] = (await seedItem(rt, { slug: 'jyj', column: 'tzgg', title: `第${n}号通知`, publishedAt: new Date(Date.UTC(2025, 0, n)).toISOString() })).id;
    const policy = await seedItem(rt, { slug: 'jyj', column: 'zcwj', title: '资助管理办法', attachments: [{ filename: '申请表.pdf', mime: 'application/pdf', data: PDF }] });
    ids.policy = policy.id;
    fileId = policy.attachmentIds[0] as string;
    ids.jd = (await seedItem(rt, { slug: 'jyj', column: 'zcjd', title: '资助管理办法解读' })).id;
    await seedLink(rt, ids.jd, ids.policy, 'interprets');
  });
}, 180_000);
afterAll(() => {
  nginx?.kill('SIGTERM');
  fs.rmSync(root, { recursive: true, force: true });
});

describe('gongkai export-site', { timeout: 180_000 }, () => {
  it('a full export writes every published page as directories with index.html, and every internal link resolves to a file', async () => {
    // Two processes even for a few pages, so that the helper-process path is the one checked here.
    const res = await exportSite('--workers', '2', '--parallel-min', '1');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('全量');
    for (const rel of ['index.html', 'u/jyj/index.html', 'u/jyj/guide/index.html', 'u/jyj/xxgk/index.html', 'u/jyj/c/tzgg/index.html', 'u/jyj/c/tzgg/page/2/index.html',
      `u/jyj/i/${ids.policy}/index.html`, `u/jyj/i/${ids.policy}/files/${fileId}.pdf`, 'u/jyj/c/tzgg/rss.xml', 'u/jyj/c/tzgg/atom.xml', 'sitemap.xml']) {
      expect(fs.existsSync(path.join(out, rel)), rel).toBe(true);
    }
    expect(fs.readFileSync(path.join(out, `u/jyj/i/${ids.policy}/files/${fileId}.pdf`)).equals(PDF)).toBe(true);
    expect(fs.existsSync(path.join(out, 'u/jyj/c/tzgg/page/3'))).toBe(false);
    const files = htmlFiles(out);
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const html = fs.readFileSync(f, 'utf8');
      expect(html, f).not.toContain('/prefs?');
      expect(html, f).toContain("script-src 'none'");
      for (const m of html.matchAll(/\s(?:href|src)="(\/[^"#]*)/g)) {
        const url = (m[1] as string).replace(/&amp;/g, '&');
        expect(url, `${f}: ${url}`).not.toContain('?');
        const rel = url.endsWith('/') ? `${url}index.html` : url;
        expect(fs.existsSync(path.join(out, rel)), `${path.relative(out, f)} links to ${url}`).toBe(true);
      }
    }
    const item = read(`u/jyj/i/${ids.policy}/index.html`);
    expect(item).toContain(`<a href="/u/jyj/i/${ids.jd}/">资助管理办法解读</a>`);
    expect(item).toContain(`href="/u/jyj/i/${ids.policy}/files/${fileId}.pdf" download>申请表.pdf</a>`);
    expect(item).not.toContain('浏览次数');
    // Dynamic-only pages go to the dynamic portal.
    expect(read('u/jyj/index.html')).toContain(`href="${DYNAMIC}/u/jyj/apply"`);
    expect(read('u/jyj/c/tzgg/rss.xml')).toContain(`<link>${STATIC}/u/jyj/i/${ids.n23}/</link>`);
    expect(read('sitemap.xml')).toContain(`<loc>${STATIC}/sitemap-jyj.xml</loc>`);
    expect(read('sitemap-jyj.xml')).toContain(`<loc>${STATIC}/u/jyj/i/${ids.policy}/</loc>`);
    expect(read('sitemap-jyj.xml')).toContain(`<loc>${STATIC}/u/jyj/c/tzgg/</loc>`);
  });

  it('a second run with nothing changed writes nothing, not even its record', async () => {
    const record = path.join(out, '.gongkai-export.sqlite');
    const before = fs.statSync(record).mtimeMs;
    const res = await exportSite();
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('增量');
    expect(written(res.stdout)).toBe(0);
    expect(fs.statSync(record).mtimeMs).toBe(before);
  });

  it('one changed item rewrites its page, its column, its interpretation and the feeds; a withdrawal replaces the page and deletes the files', async () => {
    const before = fs.statSync(path.join(out, `u/jyj/i/${ids.n1}/index.html`)).mtimeMs;
    await withRuntime(async (rt) => {
      await patchItem(rt, ids.policy as string, { title: '资助管理办法（修订）', correctedAt: new Date().toISOString(), correctionNote: '标题更正' });
    });
    const res = await exportSite();
    expect(res.code, res.stderr).toBe(0);
    expect(written(res.stdout)).toBeGreaterThan(0);
    expect(written(res.stdout)).toBeLessThan(15);
    expect(read(`u/jyj/i/${ids.policy}/index.html`)).toContain('<h1>资助管理办法（修订）</h1>');
    expect(read(`u/jyj/i/${ids.jd}/index.html`)).toContain('资助管理办法（修订）</a>');
    expect(read('u/jyj/c/zcwj/index.html')).toContain('资助管理办法（修订）');
    expect(read('u/jyj/c/zcwj/rss.xml')).toContain('资助管理办法（修订）');
    expect(fs.statSync(path.join(out, `u/jyj/i/${ids.n1}/index.html`)).mtimeMs).toBe(before);

    await withRuntime(async (rt) => {
      await patchItem(rt, ids.policy as string, { status: 'withdrawn', withdrawnAt: new Date().toISOString(), withdrawalReason: '已被新文件替代' });
      await patchItem(rt, ids.n23 as string, { status: 'withdrawn', withdrawnAt: new Date().toISOString(), withdrawalReason: '重复发布' });
    });
    const again = await exportSite();
    expect(again.code, again.stderr).toBe(0);
    expect(deleted(again.stdout)).toBeGreaterThanOrEqual(1);
    expect(read(`u/jyj/i/${ids.policy}/index.html`)).toContain('本信息已于');
    expect(read(`u/jyj/i/${ids.policy}/index.html`)).toContain('撤回原因：已被新文件替代');
    expect(fs.existsSync(path.join(out, `u/jyj/i/${ids.policy}/files`))).toBe(false);
    // 22 notices left: still two pages; the withdrawn one is gone from the list, the feed and the sitemap.
    expect(read('u/jyj/c/tzgg/index.html')).not.toContain('第23号通知');
    expect(read('u/jyj/c/tzgg/rss.xml')).not.toContain('第23号通知');
    expect(read('sitemap-jyj.xml')).not.toContain(`/u/jyj/i/${ids.n23}/`);
    expect(read('sitemap-jyj.xml')).toContain(`/u/jyj/i/${ids.n22}/`);
    expect(read('u/jyj/c/tzgg/index.html')).toContain('共 22 条');
  });

  it('an item moved to another column leaves the old list and joins the new one; a damaged record makes the next run a full one', async () => {
    await withRuntime(async (rt) => {
      const gzdt = await rt.deps.store.read(async (r) => {
        const item = await r.publications.get(ids.n22 as string);
        return (await r.portal.allColumns()).find((c) => c.code === 'gzdt' && c.unitId === item?.unitId);
      });
      expect(gzdt).toBeDefined();
      await patchItem(rt, ids.n22 as string, { columnId: gzdt!.id });
    });
    const res = await exportSite();
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('增量');
    expect(read('u/jyj/c/tzgg/index.html')).not.toContain('第22号通知');
    expect(read('u/jyj/c/tzgg/index.html')).toContain('共 21 条');
    expect(read('u/jyj/c/tzgg/rss.xml')).not.toContain('第22号通知');
    expect(read('u/jyj/c/gzdt/index.html')).toContain(`<a href="/u/jyj/i/${ids.n22}/">第22号通知</a>`);
    expect(read(`u/jyj/i/${ids.n22}/index.html`)).toContain('href="/u/jyj/c/gzdt/"');
    // 21 notices fit on two pages still; the first page lists the newest 20.
    expect(read('u/jyj/c/tzgg/page/2/index.html')).toContain('第1号通知');

    const site = new Map(htmlFiles(out).map((f) => [f, fs.readFileSync(f, 'utf8')]));
    fs.writeFileSync(path.join(out, '.gongkai-export.sqlite'), 'not a database');
    const full = await exportSite();
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toContain('全量');
    for (const [f, html] of site) expect(fs.readFileSync(f, 'utf8'), f).toBe(html);
    const after = await exportSite();
    expect(after.stdout).toContain('增量');
    expect(written(after.stdout)).toBe(0);
  });

  it.skipIf(!fs.existsSync('/usr/sbin/nginx'))('nginx serves the copy with no rewrite rules', async () => {
    const port = await freePort();
    const prefix = path.join(root, 'nginx');
    fs.mkdirSync(path.join(prefix, 'logs'), { recursive: true });
    fs.chmodSync(root, 0o755);
    for (const f of fs.readdirSync(out, { recursive: true, encoding: 'utf8' })) fs.chmodSync(path.join(out, f), fs.statSync(path.join(out, f)).isDirectory() ? 0o755 : 0o644);
    fs.chmodSync(out, 0o755);
    fs.writeFileSync(path.join(prefix, 'nginx.conf'), `worker_processes 1; daemon off; pid ${prefix}/nginx.pid; error_log ${prefix}/logs/error.log warn;
events { worker_connections 64; }
http { include /etc/nginx/mime.types; access_log off; client_body_temp_path ${prefix}; proxy_temp_path ${prefix}; fastcgi_temp_path ${prefix}; uwsgi_temp_path ${prefix}; scgi_temp_path ${prefix};
  server { listen 127.0.0.1:${port}; root ${out}; index index.html; } }
`);
    nginx = spawn('/usr/sbin/nginx', ['-c', path.join(prefix, 'nginx.conf'), '-p', prefix], { stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    let page: Response | null = null;
    for (let i = 0; i < 50 && !page; i++) page = await fetch(`${base}/u/jyj/xxgk/`).catch(async () => (await new Promise((r) => setTimeout(r, 100)), null));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-type')).toMatch(/^text\/html/);
    const item = await fetch(`${base}/u/jyj/i/${ids.jd}/`);
    expect(item.status).toBe(200);
    expect(await item.text()).toContain('<h1>资助管理办法解读</h1>');
    expect((await fetch(`${base}/u/jyj/i/${ids.jd}`, { redirect: 'manual' })).status).toBe(301);
    expect((await fetch(`${base}/u/jyj/c/tzgg/page/2/`)).status).toBe(200);
    expect((await fetch(`${base}/u/jyj/c/tzgg/rss.xml`)).headers.get('content-type')).toMatch(/xml/);
    const css = read('u/jyj/xxgk/index.html').match(/href="(\/assets\/portal\.[0-9a-f]+\.css)"/)?.[1] as string;
    expect((await fetch(base + css)).headers.get('content-type')).toMatch(/^text\/css/);
  });
});
