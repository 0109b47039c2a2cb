/**
 * Report bytes → text, with the encoding recorded. Order: a byte-order mark decides; otherwise bytes that are
 * valid UTF-8 are UTF-8 (scraped Chinese pages in GBK are practically never valid UTF-8); otherwise chardet's
 * guess, where any Chinese guess (GB2312/GBK/GB18030) is decoded as GB18030, its superset, with iconv-lite;
 * Big5 stays Big5. A declared charset in an HTML <meta> is used when it names a GB or Big5 family encoding.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** e.g. "UTF-8", "UTF-8 (BOM)", "GB18030", "Big5", "UTF-16LE" */
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

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
    const guess = (chardet.detect(b) ?? '').toString().toUpperCase();
    if (/GB|GBK|18030|2312/.test(guess)) enc = 'GB18030';
    else if (/BIG5/.test(guess)) enc = 'Big5';
    else if (/UTF-16LE/.test(guess)) enc = 'UTF-16LE';
    else if (/UTF-16BE/.test(guess)) enc = 'UTF-16BE';
    else enc = 'GB18030'; // a Chinese report that is not UTF-8 is most likely GBK; invalid bytes become U+FFFD
  }
  return { text: iconv.decode(b, enc), encoding: enc };
}
