/**
 * Report bytes → text, with the encoding recorded. Order: a byte-order mark decides; otherwise bytes that are
 * valid UTF-8 are UTF-8 (scraped Chinese pages in GBK are practically never valid UTF-8); otherwise GB18030 (the
 * superset of GB2312/GBK) with iconv-lite when the result reads as Chinese, else chardet's guess (Big5, UTF-16). A declared charset in an HTML <meta> is used when it names a GB or Big5 family encoding.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** e.g. "UTF-8", "UTF-8 (BOM)", "GB18030", "Big5", "UTF-16LE" */
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decoded text that reads as Chinese: no replacement characters to speak of, and common CJK characters present. */
function plausibleChinese(s: string): boolean {
  let bad = 0;
  let cjk = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x4e00 && c <= 0x9fff) cjk++;
  }
  return bad <= s.length * 0.001 + 2 && cjk >= Math.min(20, s.length / 10);
}

export function decodeReport(bytes: Uint8Array): Decoded {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: b.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { text: iconv.decode(b.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { text: iconv.decode(b.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  try {
    return { text: utf8.decode(b), encoding: 'UTF-8' };
  } catch {
    // not UTF-8
  }
  const head = b.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(head)?.[1]?.toLowerCase();
  let enc: string | null = null;
  if (declared && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared)) enc = 'GB18030';
  else if (declared && /^(big5|big5-hkscs|cp950)$/.test(declared)) enc = 'Big5';
  if (!enc) {
    // GB18030 first (it is what non-UTF-8 Chinese pages nearly always are, and decoding is cheap); chardet, on a
    // sample (it runs every recogniser), only when that decoding looks wrong.
    const gb = iconv.decode(b, 'gb18030');
    if (plausibleChinese(gb)) return { text: gb, encoding: 'GB18030' };
    const guess = (chardet.detect(b.subarray(0, 16_384)) ?? '').toString().toUpperCase();
    if (/BIG5/.test(guess)) enc = 'Big5';
    else if (/UTF-16LE/.test(guess)) enc = 'UTF-16LE';
    else if (/UTF-16BE/.test(guess)) enc = 'UTF-16BE';
    else enc = 'GB18030'; // a Chinese report that is not UTF-8 is most likely GBK; invalid bytes become U+FFFD
  }
  return { text: iconv.decode(b, enc), encoding: enc };
}
