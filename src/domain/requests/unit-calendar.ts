/**
 * The calendar that applies to a unit: the official arrangements, then deployment-wide overrides, then local
 * overrides of the unit's ancestors and of the unit itself (a county's local holiday applies to its townships).
 * Built calendars are cached by the overrides that went into them, so a change of any override is a new version.
 */
import type { CalendarOverride, Deps, Repos } from '../ports.js';
import { WorkingCalendar, withOverrides } from '../calendar/working-calendar.js';
import { UnitTree } from '../units/tree.js';

const cache = new Map<string, WorkingCalendar>();

export function calendarFromOverrides(deps: Deps, overrides: CalendarOverride[], unitChain: string[]): WorkingCalendar {
  // Deployment-wide first, then from the root down to the unit: later entries win, so the most local one does.
  const rank = (o: CalendarOverride) => (o.unitId === null ? -1 : unitChain.length - 1 - unitChain.indexOf(o.unitId));
  const applicable = overrides.filter((o) => o.unitId === null || unitChain.includes(o.unitId)).sort((a, b) => rank(a) - rank(b));
  const revision = applicable.length ? `overrides:${applicable.map((o) => o.id.slice(0, 8)).join('.')}` : '';
  const key = `${deps.officialCalendar.version}|${revision}`;
  let cal = cache.get(key);
  if (!cal) {
    const days = applicable.flatMap((o) => (o.kind === 'year' ? [] : [{ date: o.date, kind: o.kind, name: o.name }]));
    const years = applicable.filter((o) => o.kind === 'year').map((o) => Number(o.date.slice(0, 4)));
    cal = new WorkingCalendar(withOverrides(deps.officialCalendar, days, revision, years));
    if (cache.size > 200) cache.clear();
    cache.set(key, cal);
  }
  return cal;
}

export async function calendarForUnit(deps: Deps, r: Repos, unitId: string, knownTree?: UnitTree): Promise<WorkingCalendar> {
  const [overrides, tree] = await Promise.all([r.calendarOverrides.list(), knownTree ?? r.units.listTree().then((u) => new UnitTree(u))]);
  return calendarFromOverrides(deps, overrides, [unitId, ...tree.ancestors(unitId)]);
}
