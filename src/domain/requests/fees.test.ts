import { describe, expect, it } from 'vitest';
import { feePerApplication, feePerVolume } from './fees.js';

describe('information processing fee (国办函〔2020〕109号)', () => {
  it.each([
    [1, 0], [10, 0], [11, 100], [30, 100], [31, 200], [40, 200], [41, 300], [50, 300], [51, 400], [75, 600],
  ])('per application: the %ith application in a month costs %i yuan', (n, yuan) => {
    expect(feePerApplication(n).amountYuan).toBe(yuan);
  });

  it.each([
    [0, 0], [30, 0], [31, 10], [100, 700], [101, 720], [150, 1700], [200, 2700], [201, 2740], [250, 4700],
  ])('per volume: %i pages cost %i yuan', (pages, yuan) => {
    expect(feePerVolume(pages).amountYuan).toBe(yuan);
  });

  it('explains the bands in Chinese', () => {
    expect(feePerVolume(150).explanation).toEqual(['1–30页：30页，免费', '31–100页：70页 × 10元 = 700元', '101–200页：50页 × 20元 = 1000元', '合计 1700 元']);
  });

  it('refuses nonsense input', () => {
    expect(() => feePerApplication(0)).toThrow('正整数');
    expect(() => feePerVolume(-1)).toThrow('非负整数');
    expect(() => feePerVolume(1.5)).toThrow();
  });
});
