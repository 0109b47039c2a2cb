/**
 * The page's QR code for the static export: a valid code of the page's URL (byte mode, error correction level M,
 * mask pattern 0, any of which phone cameras read), made cheaply enough for 100,000 item pages.
 *
 * The qrcode library (which the dynamic portal uses, layout.ts) took 2.3 ms a code here with its defaults and
 * 0.15 ms with a fixed mask and one byte-mode segment: a quarter of the export's CPU time, in generic polynomial
 * arithmetic, a fresh matrix and its function patterns for every code, and a string pass to percent-encode the SVG.
 * Here the library still provides everything that depends only on the version (finder, timing and alignment
 * patterns, version and format information: taken once per version from a code it made); per URL this file only
 * builds the bit stream (ISO/IEC 18004 §7.4), the Reed–Solomon error correction (§7.5, GF(256) with log tables and a
 * cached generator), interleaves the blocks (§7.6), places the bits in the zigzag order (§7.7.3) with mask 0 and
 * writes the SVG already percent-encoded for the data: URI. The result is the library's own code for the same
 * options, byte for byte (test/infra/static-export-qr.test.ts compares them).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
interface Matrix { size: number; data: Uint8Array; reservedBit: Uint8Array }
interface QrModule { create(segments: { data: string; mode: 'byte' }[], opts: { errorCorrectionLevel: 'M'; maskPattern: number }): { version: number; modules: Matrix } }
interface EcModule { getBlocksCount(version: number, level: unknown): number; getTotalCodewordsCount(version: number, level: unknown): number }
const qr = require('qrcode/lib/core/qrcode.js') as QrModule;
const ec = require('qrcode/lib/core/error-correction-code.js') as EcModule;
const LEVEL_M = (require('qrcode/lib/core/error-correction-level.js') as { M: unknown }).M;
const symbolTotalCodewords = (require('qrcode/lib/core/utils.js') as { getSymbolTotalCodewords(v: number): number }).getSymbolTotalCodewords;

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x11d;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255] as number;

/** Logs of the generator polynomial's coefficients below the leading 1, highest degree first. */
function generatorLogs(degree: number): Uint8Array {
  let poly = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(poly.length + 1).fill(0);
    for (let j = 0; j < poly.length; j++) {
      const c = poly[j] as number;
      next[j] = (next[j] as number) ^ c; // × x
      if (c) next[j + 1] = (next[j + 1] as number) ^ (EXP[LOG[c]! + i] as number); // × α^i
    }
    poly = next;
  }
  return Uint8Array.from(poly.slice(1), (c) => LOG[c] as number);
}

interface VersionPlan {
  version: number;
  size: number;
  /** The symbol with every function module set, data modules 0. */
  base: Uint8Array;
  /** Data module indices in placement order. */
  order: Uint32Array;
  /** Whether mask 0 flips each of them (§7.8.2: (row + column) mod 2 = 0). */
  flip: Uint8Array;
  dataCodewords: number;
  blocks: number;
  ecPerBlock: number;
  generator: Uint8Array;
}

const plans = new Map<number, VersionPlan>();
/** Byte length → version, from the library's own choice for that length. */
const versionOfLength = new Map<number, number>();

function planFor(sample: string): VersionPlan {
  const code = qr.create([{ data: sample, mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 0 });
  const { size, data, reservedBit } = code.modules;
  const base = new Uint8Array(size * size);
  for (let i = 0; i < base.length; i++) if (reservedBit[i]) base[i] = data[i] as number;
  // §7.7.3: two-module columns from the right, upwards then downwards, skipping the vertical timing pattern.
  const order: number[] = [];
  for (let col = size - 1, up = true; col > 0; col -= 2, up = !up) {
    if (col === 6) col--;
    for (let k = 0; k < size; k++) {
      const row = up ? size - 1 - k : k;
      for (const c of [col, col - 1]) if (!reservedBit[row * size + c]) order.push(row * size + c);
    }
  }
  const total = symbolTotalCodewords(code.version);
  const ecTotal = ec.getTotalCodewordsCount(code.version, LEVEL_M);
  const blocks = ec.getBlocksCount(code.version, LEVEL_M);
  const ecPerBlock = ecTotal / blocks;
  const flip = Uint8Array.from(order, (idx) => ((Math.floor(idx / size) + (idx % size)) & 1) === 0 ? 1 : 0);
  return { version: code.version, size, base, order: Uint32Array.from(order), flip, dataCodewords: total - ecTotal, blocks, ecPerBlock, generator: generatorLogs(ecPerBlock) };
}

function planOf(bytes: Buffer, text: string): VersionPlan {
  let version = versionOfLength.get(bytes.length);
  if (version === undefined) {
    const plan = planFor(text);
    plans.set(plan.version, plan);
    versionOfLength.set(bytes.length, plan.version);
    return plan;
  }
  return plans.get(version)!;
}

/** §7.4: mode indicator, character count, the bytes, terminator, padding to the data capacity. */
function dataCodewords(bytes: Buffer, p: VersionPlan): Uint8Array {
  const out = new Uint8Array(p.dataCodewords);
  let acc = 0;
  let bits = 0;
  let n = 0;
  const put = (value: number, width: number) => {
    for (let i = width - 1; i >= 0; i--) {
      acc = (acc << 1) | ((value >>> i) & 1);
      if (++bits === 8) {
        out[n++] = acc;
        acc = 0;
        bits = 0;
      }
    }
  };
  put(0b0100, 4);
  put(bytes.length, p.version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  const free = p.dataCodewords * 8 - (n * 8 + bits);
  put(0, Math.min(4, free));
  if (bits) put(0, 8 - bits);
  for (let pad = 0; n < p.dataCodewords; pad++) out[n++] = pad % 2 ? 0x11 : 0xec;
  return out;
}

/** §7.5–7.6: blocks (group 2 blocks one data codeword longer), their error correction, interleaved. */
function codewords(data: Uint8Array, p: VersionPlan): Uint8Array {
  const g2 = (p.dataCodewords + p.blocks * p.ecPerBlock) % p.blocks;
  const g1 = p.blocks - g2;
  const short = Math.floor(p.dataCodewords / p.blocks);
  const out = new Uint8Array(p.dataCodewords + p.blocks * p.ecPerBlock);
  const ecw = new Uint8Array(p.ecPerBlock);
  const gen = p.generator;
  for (let b = 0, start = 0; b < p.blocks; b++) {
    const len = short + (b < g1 ? 0 : 1);
    ecw.fill(0);
    for (let i = 0; i < len; i++) {
      const d = data[start + i] as number;
      // Interleaved data position: codeword i of block b.
      out[i < short ? i * p.blocks + b : short * p.blocks + (b - g1)] = d;
      const factor = d ^ (ecw[0] as number);
      ecw.copyWithin(0, 1);
      ecw[ecw.length - 1] = 0;
      if (factor) {
        const lf = LOG[factor] as number;
        for (let j = 0; j < ecw.length; j++) ecw[j] = (ecw[j] as number) ^ (EXP[(gen[j] as number) + lf] as number);
      }
    }
    for (let j = 0; j < ecw.length; j++) out[p.dataCodewords + j * p.blocks + b] = ecw[j] as number;
    start += len;
  }
  return out;
}

function modules(url: string): { size: number; m: Uint8Array } {
  const bytes = Buffer.from(url, 'utf8');
  const p = planOf(bytes, url);
  const words = codewords(dataCodewords(bytes, p), p);
  const m = p.base.slice();
  const { order, flip, size } = p;
  const bits = Math.min(order.length, words.length * 8);
  for (let k = 0; k < bits; k++) m[order[k] as number] = ((((words[k >>> 3] as number) >>> (7 - (k & 7))) & 1) ^ (flip[k] as number));
  // Remainder bits (§7.6) are 0, masked.
  for (let k = bits; k < order.length; k++) m[order[k] as number] = flip[k] as number;
  return { size, m };
}

const SP = '%20';
// Path commands for run lengths and moves, made once (a code has hundreds of runs).
const H = Array.from({ length: 200 }, (_, n) => `h${n}`);
const MOVE = Array.from({ length: 200 }, (_, n) => `m${n}${SP}0`);

/** The code as an SVG data: URI (the SVG of the library's renderer, margin 1, percent-encoded as it is written). */
export async function fastQrDataUri(url: string): Promise<string> {
  const { size, m } = modules(url);
  const margin = 1;
  const full = size + margin * 2;
  // The library's path: one "h" run per horizontal run of dark modules, "M" at a row's first run, "m" after.
  let d = '';
  for (let row = 0, i = 0; row < size; row++) {
    let newRow = true;
    let moveBy = 0;
    const end = i + size;
    while (i < end) {
      if (!m[i]) {
        moveBy++;
        i++;
        continue;
      }
      let run = 1;
      while (i + run < end && m[i + run]) run++;
      d += newRow ? `M${i - (end - size) + margin}${SP}${0.5 + row + margin}` : MOVE[moveBy];
      d += H[run];
      newRow = false;
      moveBy = 0;
      i += run;
    }
  }
  return `data:image/svg+xml,%3Csvg${SP}xmlns=%22http://www.w3.org/2000/svg%22${SP}viewBox=%220${SP}0${SP}${full}${SP}${full}%22${SP}shape-rendering=%22crispEdges%22%3E`
    + `%3Cpath${SP}fill=%22%23ffffff%22${SP}d=%22M0${SP}0h${full}v${full}H0z%22/%3E%3Cpath${SP}stroke=%22%23000000%22${SP}d=%22${d}%22/%3E%3C/svg%3E%0A`;
}
