/**
 * Applicants (Art. 29(一)): a natural person or one of the five kinds of organisation that are the columns
 * of annual-report table 三. Their identity documents, phones and addresses are personal data: sealed at rest,
 * masked everywhere except a handler's audited full view.
 */
export const APPLICANT_TYPES = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal: '法律服务机构',
  other: '其他',
} as const;
export type ApplicantType = keyof typeof APPLICANT_TYPES;

export const ID_DOCUMENT_TYPES = {
  residentId: '居民身份证',
  passport: '护照',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  foreignPermanent: '外国人永久居留身份证',
  other: '其他有效身份证件',
} as const;
export type IdDocumentType = keyof typeof ID_DOCUMENT_TYPES;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 18-digit 居民身份证号码 (GB 11643-1999): region, birth date, sequence, ISO 7064 MOD 11-2 check character. */
export function residentIdProblem(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为18位，最后一位可以是数字或X';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return '身份证号码中的出生日期不正确';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  if (ID_CHECK[sum % 11] !== id[17]) return '身份证号码校验位不正确，请核对后重新输入';
  return null;
}

export function mobileProblem(raw: string): string | null {
  const p = raw.replace(/[\s-]/g, '');
  if (/^1[3-9]\d{9}$/.test(p) || /^0\d{2,3}\d{7,8}$/.test(p) || /^\+?\d{7,15}$/.test(p)) return null;
  return '联系电话格式不正确，请填写手机号码或带区号的固定电话';
}

/** Masks for lists, exports and logs: enough to tell records apart, not enough to identify a person. */
export const mask = {
  name: (s: string) => (s.length <= 1 ? '*' : s[0] + '*'.repeat(Math.min(s.length - 1, 3))),
  idNumber: (s: string) => (s.length <= 8 ? '*'.repeat(s.length) : `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`),
  phone: (s: string) => {
    const digits = s.replace(/\D/g, '');
    return digits.length < 7 ? '***' : `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  },
  email: (s: string) => {
    const [user, domain] = s.split('@');
    return domain ? `${(user ?? '').slice(0, 1)}***@${domain}` : '***';
  },
  address: (s: string) => (s.length <= 6 ? '******' : `${s.slice(0, 6)}******`),
};
