/**
 * Password rules for staff accounts, in the spirit of GB/T 22239-2019 (等级保护 2.0) identity requirements:
 * a minimum length, three of four character classes, nothing derived from the username, and no well-known
 * weak password. The minimum length is configurable (GONGKAI_PASSWORD_MIN_LENGTH).
 */
import { randomInt } from 'node:crypto';

const COMMON = new Set([
  'password', 'password1', 'passw0rd', 'admin123', 'admin@123', 'qwerty123', '12345678', '123456789', '1234567890',
  'abc12345', 'abcd1234', 'a1234567', 'p@ssw0rd', 'gongkai123', 'woaini1314', 'aa123456', 'zxcvbnm123', '1qaz2wsx',
  '1qaz@wsx', 'qwe123!@#', 'admin@2024', 'admin@2025', 'admin@2026',
]);

export function passwordProblems(password: string, username: string, minLength: number): string[] {
  const problems: string[] = [];
  if (password.length < minLength) problems.push(`密码至少需要${minLength}位`);
  if (password.length > 128) problems.push('密码不能超过128位');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  if (COMMON.has(password.toLowerCase())) problems.push('密码过于常见，请换一个');
  return problems;
}

const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGIT = '23456789';
const SYMBOL = '#%+=@';

/** A one-time password that satisfies the policy and avoids look-alike characters (0/O, 1/l/I). */
export function generateTemporaryPassword(length = 14): string {
  const all = LOWER + UPPER + DIGIT;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGIT), pick(SYMBOL)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
const pick = (s: string) => s[randomInt(s.length)] as string;
