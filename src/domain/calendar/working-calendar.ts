/**
 * The working-day calendar as data (rules.md §3.1): Monday–Friday, minus statutory holidays, plus weekend
 * make-up working days (调休), per the State Council's yearly notice. A year whose arrangement is not loaded
 * is counted Monday–Friday and everything computed through it is marked provisional.
 *
 * Built once into a Uint8Array over a range of day numbers, so counting working days is a tight loop
 * (the clock must sustain ≥ 200,000 deadline computations per second).
 */
import { dayNumber, toCivil, weekday, type CivilDate } from './civil-date.js';

export interface SpecialDay {
  date: CivilDate;
  /** off: a weekday that is a holiday (or a weekend day within a holiday span); work: a make-up working day. */
  kind: 'off' | 'work';
  name: string;
}

export interface CalendarData {
  /** Identifies the data: package version plus override revision, e.g. "chinese-days@1.5.7+overrides:3". */
  version: string;
  /** Years whose official arrangement is loaded. */
  years: number[];
  days: SpecialDay[];
}

// One byte of flags per day. WORK: counts as a working day. HOLIDAY: a weekday that is off. MAKEUP: a weekend
// day that is worked. UNLOADED: its year has no official arrangement (Monday–Friday assumed: provisional).
const WORK = 1;
const HOLIDAY = 2;
const MAKEUP = 4;
const UNLOADED = 8;
const NOTABLE = HOLIDAY | MAKEUP | UNLOADED;

export interface Crossing {
  date: CivilDate;
  kind: 'holiday' | 'makeUpWorkday';
  name: string;
}

export interface CountResult {
  due: CivilDate;
  /** Non-weekend days skipped as holidays, and weekend days counted as make-up working days, in order. */
  crossings: Crossing[];
  /** Years reached that have no loaded arrangement: the result is Monday–Friday there, hence provisional. */
  provisionalYears: number[];
}

const isWeekend = (day: number) => weekday(day) % 6 === 0;
const NO_SKIP: readonly [number, number][] = [];

export class WorkingCalendar {
  readonly version: string;
  private readonly years: Set<number>;
  private readonly start: number;
  private readonly flags: Uint8Array;
  private readonly names = new Map<number, string>();
  /** 'YYYY-MM-DD' of every day in range, so the hot loop never formats a date. */
  private readonly civil: string[];

  constructor(data: CalendarData) {
    this.version = data.version;
    this.years = new Set(data.years);
    const minYear = Math.min(...data.years, 2000);
    const maxYear = Math.max(...data.years, 2026) + 30;
    this.start = dayNumber(`${minYear}-01-01`);
    const end = dayNumber(`${maxYear}-12-31`);
    this.flags = new Uint8Array(end - this.start + 1);
    this.civil = new Array<string>(end - this.start + 1);
    for (let d = this.start; d <= end; d++) this.civil[d - this.start] = toCivil(d);
    for (let y = minYear; y <= maxYear; y++) {
      const loaded = this.years.has(y);
      for (let d = dayNumber(`${y}-01-01`), last = dayNumber(`${y}-12-31`); d <= last; d++) {
        this.flags[d - this.start] = (isWeekend(d) ? 0 : WORK) | (loaded ? 0 : UNLOADED);
      }
    }
    for (const s of data.days) {
      const d = dayNumber(s.date);
      if (d < this.start || d > end) continue;
      const keep = (this.flags[d - this.start] as number) & UNLOADED;
      if (s.kind === 'work') this.flags[d - this.start] = keep | WORK | (isWeekend(d) ? MAKEUP : 0);
      else this.flags[d - this.start] = keep | (isWeekend(d) ? 0 : HOLIDAY);
      this.names.set(d, s.name);
    }
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  loadedYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isWorkingDay(date: CivilDate): boolean {
    return (this.flagsOf(dayNumber(date)) & WORK) !== 0;
  }

  private flagsOf(d: number): number {
    const i = d - this.start;
    if (i >= 0 && i < this.flags.length) return this.flags[i] as number;
    return (isWeekend(d) ? 0 : WORK) | UNLOADED;
  }

  /** Name of the holiday or make-up day, if the date is special. */
  nameOf(date: CivilDate): string | undefined {
    return this.names.get(dayNumber(date));
  }

  /**
   * The date `n` working days after `from`, counting the first working day after `from` as day 1
   * (rules.md §3.1, default convention). Working days inside any of `skip` (day-number ranges, inclusive) do
   * not count: Art. 33 excludes consultation time from the reply period.
   */
  addWorkingDays(from: CivilDate, n: number, skip: readonly [number, number][] = []): CountResult {
    return this.countFrom(dayNumber(from), n, skip);
  }

  /** As addWorkingDays, from a day number: lets the clock continue a count (extension) without recounting. */
  countFrom(fromDay: number, n: number, skip: readonly [number, number][] = NO_SKIP): CountResult {
    let d = fromDay;
    let counted = 0;
    let crossings: Crossing[] | null = null;
    let provisional: Set<number> | null = null;
    const nSkip = skip.length;
    const { flags, start } = this;
    const len = flags.length;
    while (counted < n) {
      d++;
      const i = d - start;
      const f = i >= 0 && i < len ? (flags[i] as number) : (isWeekend(d) ? 0 : WORK) | UNLOADED;
      if (f & NOTABLE) {
        if (f & UNLOADED) (provisional ??= new Set()).add(Number(this.dateOf(d).slice(0, 4)));
        if (f & HOLIDAY) (crossings ??= []).push({ date: this.dateOf(d), kind: 'holiday', name: this.names.get(d) ?? '节假日' });
        else if (f & MAKEUP) (crossings ??= []).push({ date: this.dateOf(d), kind: 'makeUpWorkday', name: this.names.get(d) ?? '调休' });
      }
      if (!(f & WORK)) continue;
      if (nSkip) {
        let skipped = false;
        for (let k = 0; k < nSkip; k++) {
          const r = skip[k] as [number, number];
          if (d >= r[0] && d <= r[1]) {
            skipped = true;
            break;
          }
        }
        if (skipped) continue;
      }
      counted++;
    }
    return { due: this.dateOf(d), crossings: crossings ?? [], provisionalYears: provisional ? [...provisional] : [] };
  }

  dateOf(d: number): CivilDate {
    const i = d - this.start;
    return i >= 0 && i < this.civil.length ? (this.civil[i] as string) : toCivil(d);
  }

  /** Working days strictly after `from` up to and including `to` (0 when to ≤ from). */
  workingDaysBetween(from: CivilDate, to: CivilDate): number {
    let n = 0;
    for (let d = dayNumber(from) + 1, end = dayNumber(to); d <= end; d++) if (this.flagsOf(d) & WORK) n++;
    return n;
  }

  /** The first working day on or after `date`. */
  nextWorkingDayOnOrAfter(date: CivilDate): CivilDate {
    let d = dayNumber(date);
    while (!(this.flagsOf(d) & WORK)) d++;
    return toCivil(d);
  }
}

/** Merges overrides (deployment-wide, then per unit) over the official data; later entries win. */
export function withOverrides(base: CalendarData, overrides: readonly SpecialDay[], revision: string, extraYears: readonly number[] = []): CalendarData {
  if (overrides.length === 0 && extraYears.length === 0) return base;
  const byDate = new Map(base.days.map((d) => [d.date, d]));
  for (const o of overrides) byDate.set(o.date, o);
  const years = [...new Set([...base.years, ...extraYears])].sort((a, b) => a - b);
  return { version: `${base.version}+${revision}`, years, days: [...byDate.values()] };
}
