/**
 * The static export's QR codes (src/infra/static-export/fast-qr.ts) are the qrcode library's codes for the same
 * options (byte mode, level M, mask 0, margin 1), byte for byte: URLs of every length an export makes and beyond,
 * across QR versions with one and several error-correction blocks and both character-count widths.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastQrDataUri } from '../../src/infra/static-export/fast-qr.js';

const require = createRequire(import.meta.url);
const qr = require('qrcode/lib/core/qrcode.js') as { create(s: { data: string; mode: 'byte' }[], o: object): unknown };
const svg = require('qrcode/lib/renderer/svg-tag.js') as { render(q: unknown, o: object): string };

/** What the library draws, percent-encoded the way the export puts an SVG in a data: URI. */
function library(url: string): string {
  const code = qr.create([{ data: url, mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 0 });
  const text = svg.render(code, { margin: 1, color: { dark: '#000000ff', light: '#ffffffff' } });
  return `data:image/svg+xml,${text.replace(/[<>"#%\s']/g, (c) => (c === ' ' ? '%20' : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`))}`;
}

describe('static export QR codes', () => {
  it('an item page URL gives the library\'s code', async () => {
    const url = 'https://static.anlan.gov.cn/u/chengguan/i/0e6e8bfb-346a-4050-ac59-b4b7579ed756/';
    expect(await fastQrDataUri(url)).toBe(library(url));
  });

  it('every length from 1 to 400 bytes (versions 1–14), ASCII and Chinese, gives the library\'s code', async () => {
    for (let n = 1; n <= 400; n++) {
      const url = `https://x.cn/${'a1/-_'.repeat(80)}`.slice(0, n);
      expect(await fastQrDataUri(url), `length ${n}`).toBe(library(url));
    }
    await fc.assert(fc.asyncProperty(fc.string({ unit: fc.constantFrom('公', '开', '/', 'a', '9', '-', '?', '=', '&'), minLength: 1, maxLength: 300 }), async (s) => {
      expect(await fastQrDataUri(s)).toBe(library(s));
    }), { numRuns: 200 });
  });
});
