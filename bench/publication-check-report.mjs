// 用语检查报告 (issue 4 item 11): how long re-checking a unit's published items of a year takes — body ~1,500
// characters each with some listed phrases, one in five with an attachment text of ~3,000 characters — for 1,000
// and 5,000 items (the most one run reads). First run includes building the wording automaton; warm runs reuse it
// (cached per dictionary version). SQLite by default; DATABASE_URL for PostgreSQL.
// Usage: node bench/publication-check-report.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTs, machine, table } from './lib/load-ts.mjs';

const m = await loadTs('bench/lib/check-report.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-checkrep-'));
const config = m.loadConfig({ ...process.env, GONGKAI_DATA_DIR: dir, GONGKAI_LOG_LEVEL: 'warn' });
const rt = await m.openRuntime(config);
await m.initDemo(rt, { content: 'none' });
const deps = rt.deps;
const fgj = await deps.store.read((r) => r.units.getBySlug('fgj'));
const column = await deps.store.read((r) => r.catalogue.columnByCode(fgj.id, 'tzgg'));
const sys = { accountId: null, name: 'bench', unitId: null, roles: [], system: true };

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
let seed = 11;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return (seed >>> 8) % n; }; // high bits: the low ones of an LCG repeat
const LISTED = ['国土资源部', '国家工商行政管理总局', '环境保护部', '农业部'];
function text(chars) {
  let s = '';
  while (s.length < chars) {
    s += HAN[rnd(HAN.length)];
    if (rnd(37) === 0) s += '，';
    if (rnd(400) === 0) s += LISTED[rnd(LISTED.length)];
  }
  return s;
}
const body = () => Array.from({ length: 10 }, () => `<p>${text(150)}。</p>`).join('');

let made = 0;
async function seedItems(n) {
  await deps.store.write(async (r) => {
    for (let i = 0; i < n; i++) {
      const k = ++made;
      const id = `bench-${String(k).padStart(6, '0')}`;
      const day = `2025-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
      const at = `${day}T02:00:00.000Z`;
      await r.publications.insert({
        id, unitId: fgj.id, columnId: column.id, status: 'published', stage: null, title: `关于${text(12)}的通知`, summary: '', bodyHtml: body(),
        publisher: '安澜市发展和改革局', docNumber: null, createdOn: day, subject: '综合政务\\政务公开', genre: '通知', keywords: [], disclosureMethod: '主动公开',
        disclosurePeriod: '常年公开', disclosureScope: '面向全社会', validity: null, effectiveOn: null, validityChangedOn: null, indexNumber: `B-${k}`,
        publishedAt: at, publishedOn: day, publishAt: null, workingDays: 1, timeLimitDays: 20, correctedAt: null, correctionNote: null, withdrawnAt: null,
        withdrawalReason: null, pending: null, createdBy: null, createdByName: 'bench', createdAt: at, updatedAt: at,
      });
      if (k % 5 === 0) {
        await r.attachments.insert({ id: `${id}-a`, sha256: '0'.repeat(64), filename: '附件.docx', mime: 'application/octet-stream', size: 1, unitId: fgj.id, ownerType: 'publication', ownerId: id, createdBy: null, createdAt: at });
        await r.publications.putAttachmentText({ attachmentId: `${id}-a`, itemId: id, text: `${text(3000)} 联系电话1391234${String(k % 10000).padStart(4, '0')}` });
      }
    }
  }, { publicContent: false });
}

const rows = [];
for (const n of [1000, 5000]) {
  await seedItems(n - made);
  const runs = [];
  const cpu = [];
  let report;
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    report = await m.contentCheckReport(deps, sys, { unitId: fgj.id, scope: 'published', year: 2025 });
    const c = process.cpuUsage(c0);
    runs.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const warm = runs.slice(1).sort((a, b) => a - b)[1];
  const warmCpu = cpu.slice(1).sort((a, b) => a - b)[1];
  rows.push({
    items: report.checked, engine: rt.db.engine, 'first run (ms)': runs[0].toFixed(0), 'warm run, median (ms)': warm.toFixed(0), 'warm CPU (ms)': warmCpu.toFixed(0),
    'items/s (warm)': Math.round(report.checked / (warm / 1000)), 'items with findings': report.withFindings,
    findings: report.counts.reduce((s, c) => s + c.findings, 0), 'automata built': m.matcherBuilds(),
  });
}
await rt.close();
fs.rmSync(dir, { recursive: true, force: true });
const mach = machine();
console.log(`# 用语检查报告 — ${mach.cpu}, ${os.cpus().length} cores, Node ${mach.node}\n`);
console.log(`load average while measuring: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (CPU time is what the run itself used)\n`);
table(rows, ['items', 'engine', 'first run (ms)', 'warm run, median (ms)', 'warm CPU (ms)', 'items/s (warm)', 'items with findings', 'findings', 'automata built']);
