/** Shapes of the 年报对比 API (src/http/api/report-comparison.routes.ts), taken from the domain. */
import type { Comparison, ComparisonRow } from '../../../domain/annual-report/comparison';
import type { FigureDef, FigureKey } from '../../../domain/annual-report/comparison-figures';

export type { Comparison, ComparisonRow, FigureDef, FigureKey };

/** The outcome figures of table 三 三（一）–（六） (comparison-figures.ts OUTCOME_KEYS), in display order. */
export const OUTCOMES: FigureKey[] = ['disclosed', 'partiallyDisclosed', 'withheld', 'unavailable', 'notProcessed', 'otherOutcome'];

export const TEMPLATE_LABELS: Record<string, string> = { '2021': '2021年格式', '2019': '2019年格式', pre2019: '2018年及以前（附表）' };

/** "—" for null (not stated, or the format has no such figure); numbers as they are. */
export const show = (v: number | null | undefined, unit = ''): string => (v === null || v === undefined ? '—' : `${v}${unit}`);
