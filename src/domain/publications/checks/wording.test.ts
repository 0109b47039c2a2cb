import { describe, expect, it } from 'vitest';
import { SEED_DICTIONARY } from './seed-dictionary.js';
import { findWording, matcherBuilds, wordingMatcher, wordingMessage, type WordingEntry } from './wording.js';

let n = 0;
const entry = (phrase: string, over: Partial<WordingEntry> = {}): WordingEntry => ({
  id: `e${++n}`, unitId: null, phrase, kind: 'typo', suggestion: null, severity: 'warn', note: null, active: true,
  createdAt: '2025-01-01T00:00:00.000Z', createdBy: null, updatedAt: '2025-01-01T00:00:00.000Z', ...over,
});

describe('wording matcher', () => {
  it('finds listed phrases with their positions, the longer phrase winning', async () => {
    const entries = [entry('截止目前', { suggestion: '截至目前' }), entry('截止到目前', { suggestion: '截至目前' }), entry('国土资源局', { kind: 'outdatedName', suggestion: '自然资源局' })];
    const c = await wordingMatcher('v-pos', async () => entries);
    const text = '截止到目前，市国土资源局已完成；截止目前无异议。';
    const hits = findWording(c, text, ['u1']);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['截止到目前', '国土资源局', '截止目前']);
    expect(wordingMessage(hits[1]!.entry)).toContain('建议改为“自然资源局”');
  });
  it('applies unit entries to the unit and the units below it, the nearest one winning', async () => {
    const entries = [
      entry('某某工程', { severity: 'warn' }),
      entry('某某工程', { unitId: 'city', severity: 'block' }),
      entry('只在区里', { unitId: 'district' }),
    ];
    const c = await wordingMatcher('v-scope', async () => entries);
    const text = '某某工程只在区里';
    expect(findWording(c, text, ['dept', 'city']).map((h) => [h.entry.phrase, h.entry.severity])).toEqual([['某某工程', 'block']]);
    expect(findWording(c, text, ['other']).map((h) => [h.entry.phrase, h.entry.severity])).toEqual([['某某工程', 'warn']]);
    expect(findWording(c, text, ['district']).map((h) => h.entry.phrase)).toEqual(['某某工程', '只在区里']);
  });
  it('leaves inactive entries out and rebuilds only when the version changes', async () => {
    const entries = [entry('按装'), entry('既使', { active: false })];
    const before = matcherBuilds();
    const c1 = await wordingMatcher('v-cache', async () => entries);
    const c2 = await wordingMatcher('v-cache', async () => { throw new Error('must not reload'); });
    expect(c2).toBe(c1);
    expect(matcherBuilds()).toBe(before + 1);
    expect(findWording(c1, '按装设备，既使下雨', []).map((h) => h.entry.phrase)).toEqual(['按装']);
  });
  it('has a starter dictionary whose phrases are unique and whose suggestions differ from them', () => {
    const phrases = SEED_DICTIONARY.map((e) => e.phrase);
    expect(new Set(phrases).size).toBe(phrases.length);
    for (const e of SEED_DICTIONARY) expect(e.suggestion).not.toBe(e.phrase);
    expect(SEED_DICTIONARY.filter((e) => e.severity === 'block').every((e) => e.kind === 'wrong' || e.kind === 'sensitive')).toBe(true);
  });
  it('finds every phrase in a long text, across the search windows and next to characters outside the BMP', async () => {
    const phrases = ['国土资源局', '国土资源', '按装', '截止到目前'];
    const c = await wordingMatcher('v-long', async () => phrases.map((p) => entry(p)));
    // Filler with a supplementary-plane character (two UTF-16 units) so windows fall next to surrogate pairs.
    let text = '';
    const expected: [number, string][] = [];
    for (let i = 0; text.length < 6000; i++) {
      text += '政务𠀀公开'.repeat(1 + (i % 97));
      const p = phrases[i % phrases.length]!;
      expected.push([text.length, p === '国土资源' ? '国土资源局'.slice(0, 4) : p]);
      text += p;
    }
    const hits = findWording(c, text, []);
    expect(hits.map((h) => [h.start, text.slice(h.start, h.end)])).toEqual(expected);
    // Leftmost-longest: 国土资源局 is one hit, not also 国土资源 inside it.
    expect(hits.filter((h) => h.entry.phrase === '国土资源').length).toBe(expected.filter(([, p]) => p === '国土资源').length);
  });
});

