// Report import accuracy over the three fixtures and every generated variant (test/imports/support.ts): cells
// correct / cells stated (stated = the hand-checked expectations in test/imports/expected, adjusted by the
// variant), cells missed (stated but read as null), wrong (read with another value) and invented (a number
// where the source states none — must be 0), plus provenance that does not state its number (must be 0).
import { loadTs, table } from './lib/load-ts.mjs';

const { importReportBytes } = await loadTs('src/infra/report-import/read-file.ts');
const { looksLikeHtml } = await loadTs('src/domain/imports/html-to-text.ts');
const support = await loadTs('test/imports/support.ts');
const I = await loadTs('src/domain/annual-report/interchange.ts');
const T = await loadTs('src/domain/annual-report/templates.ts');
const { renderReportHtmlPage } = await loadTs('src/infra/report-render/html.ts');
const { htmlToText } = await loadTs('src/domain/imports/html-to-text.ts');

// Unseen reports: random documents of each template (one cell in six blank) rendered as published pages by the
// report renderer, read back as HTML and as flattened text.
const enc = new TextEncoder();
const unseen = [];
for (const template of ['2021', '2019', 'pre2019']) {
  for (const seed of [1, 2, 3]) {
    const r = support.rng(seed * 7919 + template.length);
    const t = T.templateById(template);
    let doc = I.emptyAnnualReportDoc(template, template === '2021' ? 2022 + seed : template === '2019' ? 2019 + (seed % 2) : 2012 + seed, { name: `某某县第${seed}局`, code: null });
    const cells = {};
    for (const p of I.templateCellPaths(template)) {
      if (r() < 1 / 6) continue;
      const kind = T.cellKind(t, p);
      const v = kind === 'amountWan' ? Math.round(r() * 100000) / 100 : kind === 'signedChange' ? Math.floor(r() * 200) - 100 : Math.floor(r() * (r() < 0.5 ? 10 : 5000));
      doc = I.setCell(doc, p, v);
      cells[p] = v;
    }
    const html = renderReportHtmlPage(doc);
    unseen.push({ name: `unseen ${template} #${seed} · rendered HTML`, bytes: enc.encode(html), cells, decodedText: html });
    const text = htmlToText(html).text;
    unseen.push({ name: `unseen ${template} #${seed} · as text`, bytes: enc.encode(text), cells, decodedText: text });
  }
}

const rows = [];
const total = { stated: 0, correct: 0, missed: 0, wrong: 0, invented: 0, badProvenance: 0 };
for (const v of [...support.variants(), ...unseen]) {
  const r = importReportBytes(v.bytes, `${v.name}.txt`);
  const s = support.score(r.doc, v.cells);
  const bad = r.doc ? support.inventedCells(r.doc, looksLikeHtml(v.decodedText) ? null : v.decodedText).length : 0;
  rows.push({
    input: v.name,
    template: r.template,
    stated: s.stated,
    correct: s.correct,
    missed: s.missed.length,
    wrong: s.wrong.length,
    invented: s.invented.length,
    'bad provenance': bad,
    accuracy: s.stated ? `${((100 * s.correct) / s.stated).toFixed(1)}%` : '—',
    'reading warnings': r.warnings.length,
    'rule errors': r.validation ? r.validation.errors.length : '—',
  });
  total.stated += s.stated;
  total.correct += s.correct;
  total.missed += s.missed.length;
  total.wrong += s.wrong.length;
  total.invented += s.invented.length;
  total.badProvenance += bad;
  for (const w of [...s.wrong, ...s.invented]) console.error(`  ${v.name}: ${w}`);
}
rows.push({
  input: `TOTAL (${rows.length} inputs)`, template: '', stated: total.stated, correct: total.correct, missed: total.missed, wrong: total.wrong,
  invented: total.invented, 'bad provenance': total.badProvenance, accuracy: `${((100 * total.correct) / total.stated).toFixed(1)}%`, 'reading warnings': '', 'rule errors': '',
});
console.log('Report import accuracy — cells correct / cells stated; invented and bad provenance must be 0.\n');
table(rows, ['input', 'template', 'stated', 'correct', 'missed', 'wrong', 'invented', 'bad provenance', 'accuracy', 'reading warnings', 'rule errors']);
if (total.invented || total.badProvenance) process.exitCode = 1;
