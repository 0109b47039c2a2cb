/**
 * Civil dates ('YYYY-MM-DD') as day numbers, never Date objects at midnight: deadlines are about days in
 * China Standard Time, whatever the server's time zone. All arithmetic is on UTC day numbers.
 */
export type CivilDate = string;

const RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isCivilDate(s: string): boolean {
  if (typeof s !== 'string' || s.length !== 10 || !RE.test(s)) return false;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  return d <= (DAYS_IN_MONTH[m - 1] as number) + (leap ? 1 : 0);
}

// Integer-only conversions (H. Hinnant's days_from_civil / civil_from_days): no Date allocation on the
// clock's hot path, which runs hundreds of thousands of times per second in the work queue.

/** Day number: days since 1970-01-01. Throws on a malformed date (callers validate user input first). */
export function dayNumber(d: CivilDate): number {
  if (d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) throw new RangeError(`not a civil date: ${d}`);
  let y = digit(d, 0) * 1000 + digit(d, 1) * 100 + digit(d, 2) * 10 + digit(d, 3);
  const m = digit(d, 5) * 10 + digit(d, 6);
  const day = digit(d, 8) * 10 + digit(d, 9);
  if (!(m >= 1 && m <= 12 && day >= 1 && day <= 31 && y >= 0)) throw new RangeError(`not a civil date: ${d}`);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

export function toCivil(day: number): CivilDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export const addDays = (d: CivilDate, n: number): CivilDate => toCivil(dayNumber(d) + n);

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** The civil date in Beijing for an instant (UTC+8 all year; China has no daylight saving time). */
export function beijingDate(instant: Date | number = Date.now()): CivilDate {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 2025年10月13日 — the form used in official documents. */
export function chineseDate(d: CivilDate): string {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
}
