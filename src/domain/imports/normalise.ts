/**
 * Normalisation for matching labels read from messy text against the template's labels, and number parsing.
 * Labels compare after full-width → half-width, removal of whitespace and punctuation, and a few variant
 * characters that scraped or OCR'd reports use (谘询 for 咨询, 〇 for 零 …).
 */

const VARIANTS: Record<string, string> = { 谘: '咨', 〇: '零', 叁: '三', 貳: '二', 壹: '一', 製: '制', 麵: '面', 誌: '志', 於: '于', 佈: '布' };

/** Full-width ASCII → half-width (digits, letters, punctuation), ideographic space → space. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH_G, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_G = /[\uff01-\uff5e\u3000]/g;

const PUNCT = /[\s\u00a0|｜,，.。:：;；、!！?？'"“”‘’`·•…\-—–_~～()（）[\]【】{}<>《》〈〉「」『』/\\＋+=*#＃]/g;

/** Label key with ordinals kept: "（三）1.属于国家秘密" → "三1属于国家秘密". */
export function labelKey(s: string): string {
  let t = toHalfWidth(s).replace(PUNCT, '');
  if (/[谘〇叁貳壹製麵誌於佈]/.test(t)) t = t.replace(/[谘〇叁貳壹製麵誌於佈]/g, (c) => VARIANTS[c] ?? c);
  return t;
}

const ORDINAL = /^(?:第?[一二三四五六七八九十]{1,3}[、.．,，]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．,，)）]|[(（]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*/;

/** Label core: ordinals ("一、", "（三）", "1.") stripped from the front, repeatedly, then labelKey. */
export function labelCore(s: string): string {
  let t = toHalfWidth(s).trim();
  for (let k = 0; k < 3; k++) {
    const m = ORDINAL.exec(t);
    if (!m) break;
    t = t.slice(m[0].length);
  }
  return labelKey(t);
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * How well a text token matches a template label (0 = no match, 1 = exact), both given as labelCore keys.
 * Short labels (under 4 characters, e.g. 规章, 其他) must match exactly; longer ones tolerate a truncated or
 * split label (the token is a large enough prefix/part of the label, or the label part of the token) and
 * OCR-like variants (edit distance up to 15%).
 */
export function labelScore(token: string, label: string): number {
  if (!token || !label) return 0;
  if (token === label) return 1;
  if (label.length < 4) return 0;
  if (token.includes(label)) return token.length <= label.length * 2 + 8 ? 0.95 : 0;
  if (label.includes(token) && token.length >= Math.max(4, Math.ceil(label.length * 0.6))) return 0.9;
  const max = Math.floor(label.length * 0.15);
  if (max >= 1 && editDistance(token, label, max) <= max) return 0.85;
  return 0;
}

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numeral (一, 十二, 三百零五, 两千, 1万2千 not supported) → number; null when not a numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of s) {
    if (c in CN_DIGIT) {
      digit = CN_DIGIT[c]!;
    } else if (c in CN_UNIT) {
      section += (digit < 0 ? 1 : digit) * CN_UNIT[c]!;
      digit = -1;
    } else if (c === '万') {
      total += (section + Math.max(digit, 0)) * 10000;
      section = 0;
      digit = -1;
    }
  }
  return total + section + Math.max(digit, 0);
}

/** A table cell's number: "12", "1,234", "０", "-3", "12.50"; null when the cell is not a number. */
export function parseCellNumber(s: string): number | null {
  const t = toHalfWidth(s).replace(/\s+/g, '');
  if (!/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$/.test(t)) return null;
  const v = Number(t.replace(/,/g, ''));
  return Number.isFinite(v) ? v : null;
}

/** A cell that says "nothing here": dash, slash, 无, 空. */
export function isDashCell(s: string): boolean {
  return /^[—\-–/／\\无空－─━]+$/.test(toHalfWidth(s).replace(/\s+/g, ''));
}
