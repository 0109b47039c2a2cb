/**
 * The official holiday arrangements, from the `chinese-days` package (maintained, updated each year from the
 * State Council's notice, 2004 onwards). Its JSON lists holidays (every day off in a holiday span, weekends
 * included) and make-up working days; test/calendar pins it against rules.md §3.1 for 2024–2026.
 */
import { createRequire } from 'node:module';
import type { CalendarData, SpecialDay } from '../domain/calendar/working-calendar.js';

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);

let cached: CalendarData | undefined;

export function officialCalendar(): CalendarData {
  if (cached) return cached;
  const json = require('chinese-days/dist/chinese-days.json') as ChineseDaysJson;
  const version = (require('chinese-days/package.json') as { version: string }).version;
  const days: SpecialDay[] = [];
  const years = new Set<number>();
  // Entries look like "National Day,国庆节,3": English name, Chinese name, length code.
  const zh = (v: string) => v.split(',')[1] ?? v;
  for (const [date, v] of Object.entries(json.holidays)) {
    days.push({ date, kind: 'off', name: zh(v) });
    years.add(Number(date.slice(0, 4)));
  }
  for (const [date, v] of Object.entries(json.workdays)) days.push({ date, kind: 'work', name: `${zh(v)}调休上班` });
  cached = { version: `chinese-days@${version}`, years: [...years].sort((a, b) => a - b), days };
  return cached;
}
