// Checks before publication: how long the wording matcher takes to build for dictionaries of growing size and
// to scan a long body, and what the personal-data scan and the attachment text extraction cost. Pure code paths
// (no database): the automaton is what runContentChecks caches per dictionary version.
// Usage: node bench/publication-checks.mjs
import { performance } from 'node:perf_hooks';
import { loadTs, machine, table } from './lib/load-ts.mjs';

const W = await loadTs('src/domain/publications/checks/wording.ts');
const P = await loadTs('src/domain/publications/checks/personal-data.ts');
const H = await loadTs('src/domain/publications/checks/html-text.ts');
const X = await loadTs('src/infra/text-extract.ts');

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
function body(chars, seed = 7) {
  let s = '';
  while (s.length < chars) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    s += HAN[seed % HAN.length];
    if (seed % 37 === 0) s += '，';
    if (seed % 211 === 0) s += '。\n';
  }
  return s;
}
function dictionary(n, text) {
  const out = [];
  const seen = new Set();
  for (let i = 0; i < n; i++) {
    // One entry in fifty is a piece of the scanned text (so there are hits), the rest random 3–8 character phrases.
    const at = (i * 7919) % (text.length - 10);
    const b = i % 50 === 0 ? text.slice(at, at + 3 + (i % 4)) : body(8, i + 11).replace(/[，。\n]/g, '').slice(0, 2 + (i % 6)) + String.fromCharCode(0x4e00 + (i % 20000));
    if (seen.has(b) || /[，。\n]/.test(b)) continue;
    seen.add(b);
    out.push({ id: `e${i}`, unitId: null, phrase: b, kind: 'typo', suggestion: null, severity: 'warn', note: null, active: true, createdAt: '', createdBy: null, updatedAt: '' });
  }
  return out;
}
const time = (fn, reps = 1) => {
  const t0 = performance.now();
  let r;
  for (let i = 0; i < reps; i++) r = fn();
  return { ms: (performance.now() - t0) / reps, r };
};

const rows = [];
const text = body(50_000);

for (const n of [100, 1_000, 10_000, 50_000]) {
  const entries = dictionary(n, text);
  const t0 = performance.now();
  const compiled = await W.wordingMatcher(`bench-${n}`, async () => entries);
  const build = performance.now() - t0;
  const scan = time(() => W.findWording(compiled, text, ['u']), 20);
  rows.push({ 'dictionary entries': entries.length, 'build automaton (ms)': build.toFixed(1), 'scan 50,000 chars (ms)': scan.ms.toFixed(2), hits: scan.r.length });
}
console.log(`# Wording check (${machine().cpu}, Node ${machine().node})\n`);
table(rows, ['dictionary entries', 'build automaton (ms)', 'scan 50,000 chars (ms)', 'hits']);

const pd = time(() => P.findPersonalData(text + ' 身份证11010519491231002X 电话13912345678 '), 20);
const html = text.split('\n').map((l) => `<p>${l}</p>`).join('');
const ht = time(() => H.htmlToText(html), 20);
console.log('');
table([
  { step: 'personal data scan, 50,000 chars', 'ms': pd.ms.toFixed(2) },
  { step: 'body HTML → text with positions, 50,000 chars', 'ms': ht.ms.toFixed(2) },
], ['step', 'ms']);

// Attachment text extraction: a 40-row XLSX and a DOCX of ~20,000 characters, made here.
const { default: ExcelJS } = await import('exceljs');
const { Document, Packer, Paragraph } = await import('docx');
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('名单');
for (let i = 0; i < 2000; i++) ws.addRow([`第${i}行`, body(20), i]);
const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
const docx = await Packer.toBuffer(new Document({ sections: [{ children: body(20_000).split('\n').map((l) => new Paragraph(l)) }] }));
const ext = [];
for (const [name, data, mime] of [['XLSX 2,000 rows', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], ['DOCX 20,000 chars', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']]) {
  await X.extractAttachmentText(data, mime, 'x'); // warm-up (module load)
  const t0 = performance.now();
  const out = await X.extractAttachmentText(data, mime, 'x');
  ext.push({ file: name, 'size (KB)': (data.length / 1024).toFixed(0), 'extract (ms)': (performance.now() - t0).toFixed(0), 'chars': out.length });
}
console.log('');
table(ext, ['file', 'size (KB)', 'extract (ms)', 'chars']);
