/**
 * Personal data in text that is about to be published (《个人信息保护法》 Art. 28: ID numbers and financial
 * accounts are sensitive personal information; Regulation Art. 15: information whose disclosure harms a third
 * party's lawful rights is not published without consent). Finds 居民身份证号码 (18 digits with the
 * GB 11643-1999 check character, and the 15-digit pre-1999 form), mainland mobile numbers and bank card numbers
 * (Luhn). Each hit is a digit run that is not part of a longer one, so 索引号, 文号 serials and amounts are not
 * reported by accident; the ID check character, the region and the birth date must all be plausible.
 */
export type PersonalDataRule = 'idCard' | 'idCard15' | 'mobile' | 'bankCard';

export const PERSONAL_DATA_LABELS: Record<PersonalDataRule, string> = {
  idCard: '居民身份证号码',
  idCard15: '15位旧版居民身份证号码',
  mobile: '手机号码',
  bankCard: '银行卡号',
};

export interface PersonalDataHit {
  rule: PersonalDataRule;
  start: number;
  end: number;
  /** The number with the middle masked: findings are shown and logged, the number itself must not be. */
  masked: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** First two digits of the administrative division code (GB/T 2260 provinces; 71 台湾, 81 香港, 82 澳门). */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= days;
}

/** GB 11643-1999 18-digit number: province, birth date (1900 to `maxYear`), ISO 7064 MOD 11-2 check. */
export function isResidentId18(id: string, maxYear = 2100): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const y = Number(id.slice(6, 10));
  if (y < 1900 || y > maxYear || !validDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** The 15-digit form issued before 1999: region, YYMMDD birth date in the 1900s, 3-digit sequence, no check. */
export function isResidentId15(id: string): boolean {
  if (!/^\d{15}$/.test(id)) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  return validDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Full-width digits and X count as their ASCII forms; one UTF-16 unit each, so positions are unchanged. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９Ｘｘ]/g, (c) => (c === 'Ｘ' || c === 'ｘ' ? 'X' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const maskDigits = (s: string) => {
  const d = s.replace(/[\s-]/g, '');
  return d.length <= 7 ? '*'.repeat(d.length) : `${d.slice(0, 3)}${'*'.repeat(d.length - 7)}${d.slice(-4)}`;
};

export function findPersonalData(text: string, opts: { maxBirthYear?: number } = {}): PersonalDataHit[] {
  const t = asciiDigits(text);
  const hits: PersonalDataHit[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (rule: PersonalDataRule, start: number, end: number) => {
    if (!free(start, end)) return;
    taken.push([start, end]);
    hits.push({ rule, start, end, masked: maskDigits(t.slice(start, end)) });
  };
  // Digit runs not glued to other digits or letters (an ID's X is part of the run).
  for (const m of t.matchAll(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g)) {
    if (isResidentId18(m[0], opts.maxBirthYear)) add('idCard', m.index, m.index + m[0].length);
  }
  for (const m of t.matchAll(/(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g)) {
    if (isResidentId15(m[0])) add('idCard15', m.index, m.index + 15);
  }
  // Bank cards: 16–19 digits, optionally written in groups of four; issuer prefixes 3/4/5/6 (UnionPay 62, Visa,
  // Mastercard, JCB/Amex), Luhn check digit.
  for (const m of t.matchAll(/(?<![0-9A-Za-z])(?:[3-6]\d{15,18}|[3-6]\d{3}(?: \d{4}){3}(?: \d{1,3})?)(?![0-9A-Za-z])/g)) {
    const digits = m[0].replace(/ /g, '');
    if (digits.length >= 16 && digits.length <= 19 && luhnValid(digits)) add('bankCard', m.index, m.index + m[0].length);
  }
  // Mobile numbers: 1[3-9] and 9 more digits, also written 3-4-4 with spaces or hyphens; an optional +86 / 86 prefix.
  for (const m of t.matchAll(/(?<![0-9A-Za-z])(?:(?:\+?86)[\s-]?)?(1[3-9]\d(?:\d{8}|[\s-]\d{4}[\s-]\d{4}))(?![0-9A-Za-z])/g)) {
    const start = m.index + m[0].length - (m[1] as string).length;
    add('mobile', start, m.index + m[0].length);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * The text with every hit masked in place (same length, separators kept, first 3 and last 4 digits shown), so
 * excerpts taken from it keep their positions and never show a number — nor a neighbouring one — in full.
 */
export function maskHits(text: string, hits: readonly PersonalDataHit[]): string {
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const h of hits) {
    const raw = text.slice(h.start, h.end);
    const digits = raw.replace(/[^0-9０-９Xxｘ]/g, '').length;
    let seen = 0;
    out += text.slice(at, h.start) + raw.replace(/[0-9０-９Xxｘ]/g, (c) => (seen++ < 3 || seen > digits - 4 ? c : '*'));
    at = h.end;
  }
  return out + text.slice(at);
}

