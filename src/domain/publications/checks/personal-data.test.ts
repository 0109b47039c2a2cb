import { describe, expect, it } from 'vitest';
import { findPersonalData, isResidentId15, isResidentId18, luhnValid, maskHits } from './personal-data.js';

/** Builds a valid 18-digit number from its first 17 digits (GB 11643-1999 MOD 11-2). */
function withCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (w[i] as number), 0);
  return first17 + '10X98765432'[sum % 11];
}
/** Appends the Luhn check digit. */
function withLuhn(body: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

describe('resident ID numbers (GB 11643-1999)', () => {
  const good = withCheck('11010519491231002');
  it('accepts a number with the right check character, region and birth date', () => {
    expect(isResidentId18(good)).toBe(true);
    expect(isResidentId18(withCheck('44030420000229123'))).toBe(true); // 2000-02-29 exists
  });
  it('refuses a wrong check character, an unknown province, an impossible date', () => {
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(isResidentId18(wrongCheck)).toBe(false);
    expect(isResidentId18(withCheck('99010519491231002'))).toBe(false);
    expect(isResidentId18(withCheck('44030419000229123'))).toBe(false); // 1900 was not a leap year
    expect(isResidentId18(withCheck('11010518991231002'))).toBe(false);
  });
  it('knows the 15-digit form by region and 19YYMMDD date', () => {
    expect(isResidentId15('110105491231002')).toBe(true);
    expect(isResidentId15('110105491331002')).toBe(false);
  });
});

describe('findPersonalData', () => {
  const id = withCheck('32010219800101123');
  const card = withLuhn('622202100012345678');
  it('finds an ID number, a mobile number and a bank card with positions and masks', () => {
    const text = `申请人张某，身份证号${id}，联系电话13912345678，账号${card}。`;
    const hits = findPersonalData(text);
    expect(hits.map((h) => h.rule)).toEqual(['idCard', 'mobile', 'bankCard']);
    for (const h of hits) expect(text.slice(h.start, h.end).replace(/\D/g, '')).toMatch(/^\d+$/);
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe(id);
    expect(hits[0]!.masked).not.toContain(id.slice(6, 14));
    expect(hits[1]!.masked).toBe('139****5678');
  });
  it('finds numbers written with full-width digits and a grouped mobile number', () => {
    const fw = id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(findPersonalData(`号码：${fw}`).map((h) => h.rule)).toEqual(['idCard']);
    expect(findPersonalData('手机 139-1234-5678 转').map((h) => h.rule)).toEqual(['mobile']);
    expect(findPersonalData('+86 13912345678').map((h) => h.rule)).toEqual(['mobile']);
  });
  it('ignores digits that are part of a longer run, and numbers failing their checks', () => {
    expect(findPersonalData(`索引号 ${id}7/2024-00012`)).toEqual([]);
    expect(findPersonalData('合同编号 0139123456789 金额 1391234567 元')).toEqual([]);
    const badCard = card.slice(0, -1) + ((Number(card.at(-1)) + 1) % 10);
    expect(findPersonalData(`账号${badCard}`)).toEqual([]);
    expect(findPersonalData('2024年第12345号文件，电话 0571-87654321')).toEqual([]);
  });
  it('does not report an ID number a second time as a bank card', () => {
    const luhnId = [...Array(1000).keys()].map((n) => withCheck(`44030419800115${String(n).padStart(3, '0')}`)).find((x) => /^\d+$/.test(x) && luhnValid(x));
    expect(luhnId).toBeDefined();
    expect(findPersonalData(`证件${luhnId}`).map((h) => h.rule)).toEqual(['idCard']);
  });
  it('masks every hit in place, keeping positions, so no excerpt shows a number in full', () => {
    const text = `身份证${id}，电话139-1234-5678，卡号${card}`;
    const hits = findPersonalData(text);
    const masked = maskHits(text, hits);
    expect(masked.length).toBe(text.length);
    expect(masked).not.toContain(id.slice(3, 14));
    expect(masked).toContain('139-****-5678');
    expect(masked).not.toContain(card.slice(3, -4));
    for (const h of hits) expect(masked.slice(h.start, h.end).slice(0, 3)).toBe(text.slice(h.start, h.start + 3));
  });
});

