// A data directory with the demo city and N published information items written straight into SQLite
// (one transaction, prepared statements): realistic titles, 文号, bodies of ~1.5 KB Chinese text, a PDF on every
// tenth item and an interpretation link on every fiftieth. Used by bench/portal-items.mjs and bench/export-site.mjs.
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

const TOPICS = ['学前教育资助', '城乡居民医疗保险', '农村公路养护', '高标准农田建设', '老旧小区改造', '就业创业补贴', '生态环境保护', '安全生产检查',
  '食品安全抽检', '政府采购意向', '行政许可事项', '财政预算执行', '防汛抗旱', '义务教育招生', '残疾人两项补贴', '城市管理执法'];
const KINDS = ['关于印发', '关于做好', '关于开展', '关于公布', '关于进一步加强'];
const TAILS = ['的通知', '工作方案', '实施意见', '的公告', '情况的报告'];
const PARA = '为深入贯彻落实党中央、国务院关于政务公开工作的决策部署，进一步提升政府信息公开标准化规范化水平，结合本地实际，现就有关事项通知如下。各单位要高度重视，明确责任分工，细化工作措施，确保各项任务按时保质完成，并及时报送工作进展情况。';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export function buildBundle(root) {
  const b = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'server'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('build failed');
}

/** Creates `dataDir` with the demo city (through the CLI) and `count` published items; returns what the benches need. */
export function createCorpus(root, dataDir, count) {
  const init = spawnSync(process.execPath, [path.join(root, 'bin/gongkai.js'), '--data', dataDir, 'init', '--demo', '--content', 'none'], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`init --demo failed: ${init.stderr}`);
  const sha = createHash('sha256').update(PDF).digest('hex');
  const blob = path.join(dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha);
  fs.mkdirSync(path.dirname(blob), { recursive: true });
  fs.writeFileSync(blob, PDF);

  const db = new SQLite(path.join(dataDir, 'gongkai.sqlite'));
  db.pragma('journal_mode = WAL');
  const units = db.prepare("select id, slug, name from units where status = 'active' order by slug").all();
  const columns = db.prepare('select id, unit_id, code from publication_columns where accepts_items = 1').all();
  const byUnit = new Map(units.map((u) => [u.id, columns.filter((c) => c.unit_id === u.id)]));
  const cols = [];
  const HEAVY = new Set(['tzgg', 'gzdt', 'zcwj', 'zcjd']);
  // The common columns get most items, as on real sites: each heavy column appears 20 times in the draw.
  for (const u of units) for (const c of byUnit.get(u.id)) for (let i = 0; i < (HEAVY.has(c.code) ? 20 : 1); i++) cols.push({ ...c, unit: u });

  const insert = db.prepare(`insert into publication_items (id, unit_id, column_id, status, stage, title, summary, body_html, publisher, doc_number,
    created_on, subject, genre, keywords, disclosure_method, disclosure_period, disclosure_scope, validity, effective_on, validity_changed_on,
    index_number, published_at, published_on, publish_at, working_days, time_limit_days, late, corrected_at, correction_note, withdrawn_at,
    withdrawal_reason, pending_json, created_by, created_by_name, created_at, updated_at)
    values (?, ?, ?, 'published', null, ?, ?, ?, ?, ?, ?, '综合政务\\政务公开', '通知', '[]', '主动公开', '常年公开', '面向全社会', ?, null, null,
    ?, ?, ?, null, 5, 20, 0, null, null, null, null, null, null, '基准测试', ?, ?)`);
  const attach = db.prepare(`insert into attachments (id, sha256, filename, mime, size, unit_id, owner_type, owner_id, created_by, created_at)
    values (?, ?, ?, 'application/pdf', ?, ?, 'publication', ?, null, ?)`);
  const link = db.prepare(`insert into publication_links (id, from_id, to_id, kind, created_at) values (?, ?, ?, 'interprets', ?)`);
  const start = Date.UTC(2020, 0, 1);
  const span = Date.UTC(2026, 9, 1) - start;
  let lastPolicy = null;
  const sample = { item: null, column: null };
  db.transaction(() => {
    for (let n = 0; n < count; n++) {
      const c = cols[n % cols.length];
      const id = randomUUID();
      const at = new Date(start + Math.floor((span * n) / count)).toISOString();
      const day = at.slice(0, 10);
      const topic = TOPICS[n % TOPICS.length];
      const title = `${KINDS[n % KINDS.length]}${c.unit.name.replace(/^安澜市/, '')}${day.slice(0, 4)}年${topic}${TAILS[(n >> 3) % TAILS.length]}`;
      const body = `<p>${PARA}</p><h2>一、总体要求</h2><p>${topic}工作${PARA}</p><h2>二、主要任务</h2><p>${PARA}</p><p>${PARA}</p><table><tbody><tr><th>序号</th><th>事项</th></tr><tr><td>1</td><td>${topic}</td></tr></tbody></table>`;
      const docNumber = n % 3 === 0 ? `安${c.unit.slug}〔${day.slice(0, 4)}〕${(n % 200) + 1}号` : null;
      insert.run(id, c.unit_id, c.id, title, `${topic}的有关事项。`, body, c.unit.name, docNumber, day, c.code === 'zcwj' ? 'inForce' : null,
        `BENCH${String(n).padStart(8, '0')}/${day.slice(0, 4)}-${String(n).padStart(7, '0')}`, at, day, at, at);
      if (n % 10 === 0) attach.run(randomUUID(), sha, `${topic}附件${n}.pdf`, PDF.length, c.unit_id, id, at);
      if (c.code === 'zcwj') lastPolicy = id;
      if (c.code === 'zcjd' && lastPolicy && n % 50 < 25) link.run(randomUUID(), id, lastPolicy, at);
      if (n % 10 === 0 && c.unit.slug === 'fgj' && c.code === 'tzgg') sample.item = { id, slug: 'fgj' };
    }
  })();
  const big = db.prepare(`select c.code, u.slug, count(*) as n from publication_items i join publication_columns c on c.id = i.column_id
    join units u on u.id = i.unit_id where i.status = 'published' group by c.id order by n desc limit 1`).get();
  sample.column = { slug: big.slug, code: big.code, items: big.n };
  db.close();
  return sample;
}
