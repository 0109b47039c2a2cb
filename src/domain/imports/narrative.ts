/**
 * The narrative sections of a read report (annual-report-format.md §1): 一 总体情况 → overview, 五 存在的主要问题
 * → problems, 六 其他需要报告的事项 → other; older reports' other sections go to `extra`. Sections are found by
 * their top-level headings ("一、…" on a line of its own); the tables' own sections and the 附表 are left out.
 */
import type { AnnualReportNarrative, TemplateId } from '../annual-report/interchange.js';

const HEADING = /^([一二三四五六七八九十]{1,3})[、.．]\s*(.{1,40})$/;

interface Section {
  heading: string;
  title: string;
  body: string[];
}

export function extractNarrative(text: string, template: TemplateId): AnnualReportNarrative {
  const sections: Section[] = [];
  const preface: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = HEADING.exec(line);
    if (m && !/[|｜]$/.test(line) && !/[。；]$/.test(line)) {
      sections.push({ heading: line, title: m[2]!, body: [] });
      continue;
    }
    if (!sections.length && /年度报告$/.test(line)) continue; // the title
    (sections[sections.length - 1]?.body ?? preface).push(line);
  }
  const out: AnnualReportNarrative = { overview: '', problems: '', other: '' };
  const body = (s: Section) => s.body.join('\n');
  if (template !== 'pre2019') {
    for (const s of sections) {
      if (/总体情况|基本情况|概述/.test(s.title) && !out.overview) out.overview = body(s);
      else if (/问题/.test(s.title) && !out.problems) out.problems = body(s);
      else if (/其他需要报告/.test(s.title) && !out.other) out.other = body(s);
    }
    return out;
  }
  const extra: { heading: string; text: string }[] = [];
  for (const s of sections) {
    if (/附表|统计表/.test(s.title)) break;
    if (!out.overview && (/概述|总体情况|基本情况/.test(s.title) || sections[0] === s)) out.overview = [...preface, ...s.body].join('\n');
    else if (/问题/.test(s.title) && !out.problems) out.problems = body(s);
    else if (/其他需要报告/.test(s.title) && !out.other) out.other = body(s);
    else extra.push({ heading: s.heading, text: body(s) });
  }
  if (!sections.length) out.overview = preface.join('\n');
  if (extra.length) out.extra = extra;
  return out;
}
