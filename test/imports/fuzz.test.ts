/**
 * Fuzzing the reader (fast-check): random mutations of the fixtures (cut, duplicated and swapped ranges, inserted
 * cell marks, numbers, labels and tags) and random bytes. No input may make it throw or hang (each read must
 * finish within a time limit), and whatever it reads must carry provenance stating the number — mutations may
 * make it read less, never invent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeHtml } from '../../src/domain/imports/html-to-text.js';
import { decodeReport } from '../../src/infra/report-import/decode.js';
import { importReportBytes } from '../../src/infra/report-import/read-file.js';
import { FIXTURES, fixtureText, inventedCells } from './support.js';

/** Per-file time limit: generous for a loaded 2-core machine; a typical report reads in a few milliseconds. */
const LIMIT_MS = 2000;

const snippets = ['|', ' |', '||', '\n', '0 |', '12 |', '—', '一、本年新收政府信息公开申请数量 |', '(七)总计 |', '规章 |', '附表', '条 |', '<td>', '</td>', '<table>', '&nbsp;', '3.其他 |', '总计', '四、政府信息公开行政复议、行政诉讼情况', '共受理政府信息公开申请781件次', '1800元', '扫一扫在手机打开', '2019年政府信息公开工作年度报告', '余', '〇', '１２', '-'];

type Op = { kind: 'cut' | 'dup' | 'swap'; a: number; b: number; c: number } | { kind: 'insert'; a: number; s: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('cut' as const, 'dup' as const, 'swap' as const), a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 0.2, noNaN: true }), c: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('insert' as const), a: fc.double({ min: 0, max: 1, noNaN: true }), s: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 99999 }).map(String)) }),
);

function mutate(text: string, ops: Op[]): string {
  let t = text;
  for (const o of ops) {
    const a = Math.floor(o.a * t.length);
    if (o.kind === 'insert') t = t.slice(0, a) + o.s + t.slice(a);
    else {
      const b = Math.min(t.length, a + Math.floor(o.b * t.length));
      const piece = t.slice(a, b);
      if (o.kind === 'cut') t = t.slice(0, a) + t.slice(b);
      else if (o.kind === 'dup') t = t.slice(0, b) + piece + t.slice(b);
      else {
        const c = Math.floor(o.c * (t.length - piece.length));
        const rest = t.slice(0, a) + t.slice(b);
        t = rest.slice(0, c) + piece + rest.slice(c);
      }
    }
  }
  return t;
}

function readWithin(bytes: Uint8Array) {
  const t0 = performance.now();
  const r = importReportBytes(bytes, 'fuzz.txt');
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(LIMIT_MS);
  return r;
}

describe('reader fuzzing', { timeout: 120_000 }, () => {
  it('mutated fixtures: never throws, never hangs, never invents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.array(op, { minLength: 1, maxLength: 12 }), (name, ops) => {
        const text = mutate(fixtureText(name), ops);
        const bytes = new TextEncoder().encode(text);
        const r = readWithin(bytes);
        if (r.doc) expect(inventedCells(r.doc, looksLikeHtml(text) ? null : decodeReport(bytes).text)).toEqual([]);
      }),
      { numRuns: 150, seed: 20260601 },
    );
  });

  it('random bytes and random text: never throws, never hangs, never invents', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 20_000 }), fc.string({ maxLength: 5000 }).map((s) => new TextEncoder().encode(s))), (bytes) => {
        const r = readWithin(bytes);
        if (r.doc) expect(inventedCells(r.doc, null)).toEqual([]);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('pathological inputs finish in time', () => {
    const cases = [
      '|'.repeat(200_000),
      '0 |\n'.repeat(50_000),
      '<td>'.repeat(50_000),
      '<script>'.repeat(10_000),
      '<!--'.repeat(20_000),
      '一、本年新收政府信息公开申请数量 |\n'.repeat(5_000),
      '&#'.repeat(50_000),
      `${'附表\n'.repeat(2000)}${'（一）收到申请数 |\n件 |\n'.repeat(2000)}`,
      '2018年'.repeat(30_000),
    ];
    for (const c of cases) readWithin(new TextEncoder().encode(c));
  });
});
