/**
 * Reading a year's holiday arrangement from a file: ICS (as published by calendar services and by the
 * chinese-days project: one all-day VEVENT per span, SUMMARY "春节(休)" or "春节(班)"), parsed with Mozilla's
 * ical.js; or JSON, either chinese-days' year file ({holidays, workdays}) or a plain list
 * [{date, kind: 'off'|'work', name}]. Errors are Chinese and name the offending entry.
 */
import type ICALType from 'ical.js';
import { DomainError } from '../domain/errors.js';
import { addDays, isCivilDate } from '../domain/calendar/civil-date.js';
import type { SpecialDay } from '../domain/calendar/working-calendar.js';

export interface Arrangement {
  years: number[];
  days: SpecialDay[];
}

const bad = (message: string) => new DomainError('VALIDATION', message);

export async function parseArrangement(content: string, filename: string): Promise<Arrangement> {
  const text = content.replace(/^\uFEFF/, '').trim();
  if (!text) throw bad('文件是空的');
  const days = text.startsWith('BEGIN:VCALENDAR') || filename.toLowerCase().endsWith('.ics') ? fromIcs((await import('ical.js')).default, text) : fromJson(text);
  if (days.length === 0) throw bad('文件中没有找到任何放假或调休上班的日期');
  const seen = new Map<string, SpecialDay>();
  for (const d of days) {
    const prev = seen.get(d.date);
    if (prev && prev.kind !== d.kind) throw bad(`${d.date} 同时被标为放假和上班，请检查文件`);
    seen.set(d.date, d);
  }
  const years = [...new Set([...seen.keys()].map((d) => Number(d.slice(0, 4))))].sort();
  return { years, days: [...seen.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

function fromIcs(ICAL: typeof ICALType, text: string): SpecialDay[] {
  let comp: ICALType.Component;
  try {
    comp = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    throw bad(`ICS 文件格式有误：${(e as Error).message.slice(0, 80)}`);
  }
  const out: SpecialDay[] = [];
  for (const v of comp.getAllSubcomponents('vevent')) {
    const ev = new ICAL.Event(v);
    const summary = (ev.summary ?? '').trim();
    const description = String(v.getFirstPropertyValue('description') ?? '');
    const apple = String(v.getFirstPropertyValue('x-apple-special-day') ?? '');
    const kind: SpecialDay['kind'] | null = /[（(]班[)）]|补班|上班/.test(summary) || description.trim() === '班' || apple === 'ALTERNATE-WORKDAY'
      ? 'work'
      : /[（(]休[)）]|放假|休/.test(summary) || description.trim() === '休' || apple === 'WORK-HOLIDAY'
        ? 'off'
        : null;
    if (!kind) throw bad(`无法判断事件“${summary}”是放假还是调休上班（标题应含“(休)”或“(班)”）`);
    if (!ev.startDate) throw bad(`事件“${summary}”缺少开始日期`);
    const start = ev.startDate.toString().slice(0, 10);
    // All-day DTEND is exclusive; a missing DTEND means one day.
    const end = ev.endDate ? ev.endDate.toString().slice(0, 10) : addDays(start, 1);
    const name = summary.replace(/[（(][休班][)）]/, '').trim() || (kind === 'off' ? '节假日' : '调休');
    for (let d = start; d < end; d = addDays(d, 1)) out.push({ date: d, kind, name: kind === 'work' ? `${name}调休上班` : name });
  }
  return out;
}

function fromJson(text: string): SpecialDay[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw bad('文件既不是 ICS 日历，也不是有效的 JSON');
  }
  const out: SpecialDay[] = [];
  const check = (date: string, where: string) => {
    if (!isCivilDate(date)) throw bad(`${where}：“${date}”不是有效日期（YYYY-MM-DD）`);
  };
  if (Array.isArray(data)) {
    data.forEach((x, i) => {
      const e = x as { date?: string; kind?: string; name?: string };
      check(String(e.date), `第 ${i + 1} 项`);
      if (e.kind !== 'off' && e.kind !== 'work') throw bad(`第 ${i + 1} 项：kind 应为 off（放假）或 work（调休上班）`);
      out.push({ date: e.date as string, kind: e.kind, name: String(e.name ?? (e.kind === 'off' ? '节假日' : '调休上班')) });
    });
    return out;
  }
  const obj = data as { holidays?: Record<string, string>; workdays?: Record<string, string> };
  if (!obj || (typeof obj.holidays !== 'object' && typeof obj.workdays !== 'object')) throw bad('JSON 应为 [{date, kind, name}] 列表，或包含 holidays / workdays 的对象');
  const zh = (v: string) => v.split(',')[1] ?? v;
  for (const [date, v] of Object.entries(obj.holidays ?? {})) {
    check(date, 'holidays');
    out.push({ date, kind: 'off', name: zh(String(v)) });
  }
  for (const [date, v] of Object.entries(obj.workdays ?? {})) {
    check(date, 'workdays');
    out.push({ date, kind: 'work', name: `${zh(String(v))}调休上班` });
  }
  return out;
}
