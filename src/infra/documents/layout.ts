/**
 * The page and type of a notice, from GB/T 9704-2012 (党政机关公文格式), simplified for notices, shared by the
 * DOCX, PDF and print renderers. Sizes in points unless said otherwise; 1 mm = 72/25.4 pt.
 */
export const MM = 72 / 25.4;

export const PAGE = {
  /** A4 */
  widthMm: 210,
  heightMm: 297,
  /** 天头 37 mm, 订口 28 mm; the text block is 156 mm × 225 mm. */
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
} as const;

export const TYPE = {
  /** 二号 */
  titlePt: 22,
  /** 三号 */
  bodyPt: 16,
  /** 四号: page numbers */
  pageNumberPt: 14,
  /** Fixed line pitch: 22 lines in the 225 mm text block ≈ 29 pt. */
  linePt: 29,
  titleLinePt: 35,
  /** 首行缩进2字 */
  indentChars: 2,
  /** 成文日期右空四字 */
  dateRightChars: 4,
} as const;

/** The fonts the standard names; Word and WPS substitute what the reader has. */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Widths in em of a line of text set in a CJK font: ideographs and full-width marks 1, ASCII ½. */
export function textWidthEm(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return w;
}

/**
 * GB/T 9704 7.3.5.1: the date is set four characters from the right margin and the issuing unit is centred
 * above it; a name wider than that is set two characters from the right.
 */
export function signatureRightIndentsEm(unitName: string, date: string): { name: number; date: number } {
  const nameW = textWidthEm(unitName);
  const dateW = textWidthEm(date);
  const name = TYPE.dateRightChars + (dateW - nameW) / 2;
  return { name: Math.max(2, name), date: TYPE.dateRightChars };
}
