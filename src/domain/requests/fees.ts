/**
 * 信息处理费 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号; Art. 42 of the Regulation): free in
 * principle; charged progressively only on the part that clearly exceeds a reasonable range. The agency picks
 * ONE method per application, never both. Amounts are whole yuan.
 */
import { DomainError } from '../errors.js';

export interface FeeResult {
  method: 'perApplication' | 'perVolume';
  amountYuan: number;
  /** How the amount was reached, band by band, in Chinese. */
  explanation: string[];
}

/**
 * 按件计收: the applicant's nth application in the same calendar month. 1–10 free; 11–30 100 yuan each;
 * from 31 each further band of 10 applications adds 100 yuan per application (31–40: 200, 41–50: 300, …).
 */
export function feePerApplication(nthInMonth: number): FeeResult {
  if (!Number.isInteger(nthInMonth) || nthInMonth < 1) throw new DomainError('VALIDATION', '申请序号应为正整数（同一申请人当月第几件申请）');
  let amountYuan = 0;
  let band = '第1–10件，免费';
  if (nthInMonth >= 11 && nthInMonth <= 30) {
    amountYuan = 100;
    band = '第11–30件，每件100元';
  } else if (nthInMonth >= 31) {
    const k = Math.floor((nthInMonth - 31) / 10);
    amountYuan = 200 + 100 * k;
    const lo = 31 + 10 * k;
    band = `第${lo}–${lo + 9}件，每件${amountYuan}元`;
  }
  return { method: 'perApplication', amountYuan, explanation: [`同一申请人本自然月第${nthInMonth}件申请：${band}`, `本件应收 ${amountYuan} 元`] };
}

const VOLUME_BANDS: { from: number; to: number; perPage: number }[] = [
  { from: 1, to: 30, perPage: 0 },
  { from: 31, to: 100, perPage: 10 },
  { from: 101, to: 200, perPage: 20 },
  { from: 201, to: Number.POSITIVE_INFINITY, perPage: 40 },
];

/** 按量计收: pages (or page equivalents) of one application. Example: 150 pages → 70×10 + 50×20 = 1,700 yuan. */
export function feePerVolume(pages: number): FeeResult {
  if (!Number.isInteger(pages) || pages < 0) throw new DomainError('VALIDATION', '页数应为非负整数');
  let amountYuan = 0;
  const explanation: string[] = [];
  for (const b of VOLUME_BANDS) {
    if (pages < b.from) break;
    const n = Math.min(pages, b.to) - b.from + 1;
    const part = n * b.perPage;
    amountYuan += part;
    const range = Number.isFinite(b.to) ? `${b.from}–${b.to}页` : `${b.from}页以上`;
    explanation.push(b.perPage === 0 ? `${range}：${n}页，免费` : `${range}：${n}页 × ${b.perPage}元 = ${part}元`);
  }
  explanation.push(`合计 ${amountYuan} 元`);
  return { method: 'perVolume', amountYuan, explanation };
}
