/**
 * Traditional → simplified conversion with OpenCC's data (opencc-js, the maintained JavaScript port of Open
 * Chinese Convert): `Converter({ from: 't', to: 'cn' })` maps characters (and phrases of equal length), so the
 * converted text lines up character for character with the original, which is kept for provenance.
 */
import * as OpenCC from 'opencc-js/t2cn';

let converter: ((s: string) => string) | null = null;

export function toSimplified(s: string): string {
  const convert = (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(s);
}
