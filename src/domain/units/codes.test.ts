import { describe, expect, it } from 'vitest';
import { isValidOrgCode, isValidUscc, normaliseUnitCode, unitCodeProblem } from './codes.js';

describe('unit codes', () => {
  // The worked example of GB 32100-2015; its characters 9–17 are an organisation code (GB 11714) with its own check.
  it('accepts the standard\'s example 统一社会信用代码', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('rejects a code with a wrong check character or forbidden letters', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100YI3')).toBe(false); // I is not in the alphabet
    expect(unitCodeProblem('91350100M000100Y44')).toContain('校验位');
    expect(unitCodeProblem('12345')).toContain('18位');
  });

  it('validates 9-character organisation codes with or without the dash', () => {
    expect(isValidOrgCode('M000100Y-4')).toBe(true);
    expect(isValidOrgCode('M000100Y4')).toBe(true);
    expect(isValidOrgCode('M000100Y-5')).toBe(false);
  });

  it('normalises full-width and lower-case input', () => {
    expect(normaliseUnitCode(' ９１３５０１００ｍ０００１００ｙ４３ ')).toBe('91350100M000100Y43');
  });
});
