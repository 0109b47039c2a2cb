/**
 * Identifiers of public bodies. A unit's code becomes the prefix of its 索引号 (rules.md §2).
 * - 统一社会信用代码: GB 32100-2015, 18 characters, check character over a 31-symbol alphabet.
 * - 组织机构代码: GB 11714-1997, 8 characters + check character (mod 11, 'X' for 10), often written XXXXXXXX-X.
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i] as string) * (USCC_WEIGHTS[i] as number);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] as string;
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const orgValue = (c: string) => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55);

export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(first8[i] as string) * (ORG_WEIGHTS[i] as number);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function isValidOrgCode(input: string): boolean {
  const code = input.replace('-', '');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
  return orgCodeCheckChar(code.slice(0, 8)) === code[8];
}

/** Normalises what users type (lower case, full-width letters, spaces, the dash of an org code). */
export function normaliseUnitCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

export function unitCodeProblem(code: string): string | null {
  if (code.length === 18) return isValidUscc(code) ? null : '统一社会信用代码校验位不正确，请核对后重新输入';
  if (code.replace('-', '').length === 9) return isValidOrgCode(code) ? null : '组织机构代码校验位不正确，请核对后重新输入';
  return '单位代码应为18位统一社会信用代码或9位组织机构代码';
}
