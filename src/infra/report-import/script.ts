/**
 * Traditional → simplified conversion with OpenCC's data (opencc-js, the maintained JavaScript port of Open
 * Chinese Convert): `Converter({ from: 't', to: 'cn' })` maps characters (and phrases of equal length), so the
 * converted text lines up character for character with the original, which is kept for provenance.
 *
 * Most reports are simplified already: a per-character memo (does OpenCC change this character on its own?)
 * lets those skip the full conversion, which is the costliest step of reading a report.
 */
import * as OpenCC from 'opencc-js/t2cn';

let converter: ((s: string) => string) | null = null;
const changes = new Map<number, boolean>();

function convert(s: string): string {
  const c = (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return c(s);
}

/** True when some character of s is one OpenCC t→cn would change (a traditional or variant character). */
export function hasTraditional(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3400 || (c > 0x9fff && c < 0xf900) || c > 0xfaff) continue;
    let ch = changes.get(c);
    if (ch === undefined) {
      const one = String.fromCharCode(c);
      ch = convert(one) !== one;
      changes.set(c, ch);
    }
    if (ch) return true;
  }
  return false;
}

export function toSimplified(s: string): string {
  return hasTraditional(s) ? convert(s) : s;
}
