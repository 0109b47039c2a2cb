/**
 * When a unit's annual report is due (Art. 49): departments by 31 January of the next year, a county-level or
 * higher government's own report by 31 March; townships' deadline is set locally (default 31 January). Any unit
 * can be given its own date, and a government can set the default for the townships and streets below it.
 * Pure: the settings and the unit's ancestors are passed in. "Late" is derived from the clock, never stored.
 */
import { dayNumber, type CivilDate } from '../calendar/civil-date.js';
import type { ReportDeadline } from './workflow-record.js';
import type { ReportStatus } from './workflow-status.js';

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'MM-DD' that exists in every year (29 February does not). */
export function isMonthDay(s: string): boolean {
  const m = MONTH_DAY.exec(s);
  return !!m && Number(m[2]) <= (DAYS_IN_MONTH[Number(m[1]) - 1] as number);
}

export interface DeadlineUnit {
  id: string;
  type: string;
}

export interface DueDate {
  due: CivilDate;
  /** Why this date, in Chinese, for the board and the editor. */
  basis: string;
  source: 'statute' | 'unit' | 'townships';
}

/** `ancestors`: the unit's ancestors from the parent up (UnitTree.ancestors), with their types. */
export function reportDueDate(unit: DeadlineUnit, ancestors: DeadlineUnit[], year: number, settings: ReportDeadline[]): DueDate {
  const next = year + 1;
  const own = settings.find((s) => s.unitId === unit.id && s.scope === 'own');
  if (own) return { due: `${next}-${own.dueMonthDay}`, basis: '本单位设定的报送期限', source: 'unit' };
  if (unit.type === 'township' || unit.type === 'street') {
    for (const a of ancestors) {
      const t = settings.find((s) => s.unitId === a.id && s.scope === 'townships');
      if (t) return { due: `${next}-${t.dueMonthDay}`, basis: '上级政府设定的乡镇（街道）报送期限', source: 'townships' };
    }
  }
  // Art. 49: a government's own report by 31 March; departments (and, by default, townships) by 31 January.
  if (unit.type === 'government') return { due: `${next}-03-31`, basis: '《条例》第四十九条：本级政府年度报告于每年3月31日前公布', source: 'statute' };
  return { due: `${next}-01-31`, basis: '《条例》第四十九条：于每年1月31日前报送并公布', source: 'statute' };
}

/** Past its deadline and not yet published. */
export const isLate = (due: CivilDate, status: ReportStatus | null, today: CivilDate): boolean => status !== 'published' && today > due;

/** Days left (negative when overdue), for reminders in the list. */
export const daysLeft = (due: CivilDate, today: CivilDate): number => dayNumber(due) - dayNumber(today);
