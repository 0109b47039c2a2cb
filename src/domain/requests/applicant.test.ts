import { describe, expect, it } from 'vitest';
import { mask, mobileProblem, residentIdProblem } from './applicant.js';

describe('applicant data', () => {
  it('validates the 18-digit resident ID check character (GB 11643-1999)', () => {
    expect(residentIdProblem('11010519491231002X')).toBeNull(); // the standard's example
    expect(residentIdProblem('110105194912310021')).toContain('校验位');
    expect(residentIdProblem('11010519491331002X')).toContain('出生日期');
    expect(residentIdProblem('1101051949123100')).toContain('18位');
    expect(residentIdProblem(' 11010519491231002x ')).toBeNull();
  });
  it('accepts mobiles and landlines', () => {
    expect(mobileProblem('138 0013 8000')).toBeNull();
    expect(mobileProblem('0851-86221001')).toBeNull();
    expect(mobileProblem('12')).toContain('格式不正确');
  });
  it('masks personal data for lists and logs', () => {
    expect(mask.name('欧阳明月')).toBe('欧***');
    expect(mask.idNumber('11010519491231002X')).toBe('1101**********002X');
    expect(mask.phone('13800138000')).toBe('138****8000');
    expect(mask.email('zhangsan@example.cn')).toBe('z***@example.cn');
    expect(mask.address('贵州省安澜市府前大道88号')).toBe('贵州省安澜市******');
  });
});
