import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { changeCalendar } from '../domain/calendar/manage-calendar.js';
import { DomainError } from '../domain/errors.js';
import { calendarForUnit } from '../domain/requests/unit-calendar.js';
import { parseArrangement } from '../infra/calendar-import.js';
import { cliActor, withRuntime } from './common.js';

export function registerCalendarCommands(program: Command): void {
  const cal = program.command('calendar').description('工作日历：节假日安排 (working-day calendar)');
  cal
    .command('import')
    .description('导入全年节假日安排（ICS 或 JSON），并重新计算受影响的办理期限')
    .argument('<file>', 'ICS 或 JSON 文件')
    .option('--unit <slug>', '只对某单位及其下级生效（地方性安排）')
    .action(async (file: string, o: { unit?: string }, cmd: Command) => {
      if (!fs.existsSync(file)) throw new DomainError('VALIDATION', `找不到文件 ${file}`);
      const arrangement = await parseArrangement(fs.readFileSync(file, 'utf8'), path.basename(file));
      await withRuntime(cmd, async (rt) => {
        let unitId: string | null = null;
        if (o.unit) {
          const unit = await rt.deps.store.read((r) => r.units.getBySlug(o.unit as string));
          if (!unit) throw new DomainError('VALIDATION', `找不到网址标识为 ${o.unit} 的单位`);
          unitId = unit.id;
        }
        const r = await changeCalendar(rt.deps, cliActor('calendar import'), { unitId, days: arrangement.days, years: arrangement.years, reason: `导入${arrangement.years.join('、')}年节假日安排（${path.basename(file)}）` });
        console.log(`已导入 ${arrangement.years.join('、')} 年：${arrangement.days.filter((d) => d.kind === 'off').length} 天放假，${arrangement.days.filter((d) => d.kind === 'work').length} 天调休上班。`);
        console.log(r.recomputed.length ? `重新计算了 ${r.recomputed.length} 件在办申请的答复期限：` : '没有在办申请的期限因此变化。');
        for (const x of r.recomputed.slice(0, 50)) console.log(`  ${x.receiptNo}: ${x.from ?? '—'} → ${x.to ?? '—'}`);
      });
    });
  cal
    .command('show')
    .description('显示已载入的年份和某年的放假、调休安排')
    .option('--year <y>', '年份', (v) => Number(v))
    .option('--unit <slug>', '按某单位的日历（含地方性调整）')
    .action(async (o: { year?: number; unit?: string }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const year = o.year ?? new Date().getUTCFullYear();
        await rt.deps.store.read(async (r) => {
          const unit = o.unit ? await r.units.getBySlug(o.unit) : (await r.units.list())[0];
          if (!unit) throw new DomainError('VALIDATION', '没有单位，请先初始化');
          const c = await calendarForUnit(rt.deps, r, unit.id);
          console.log(`日历：${c.version}（${unit.name}）`);
          console.log(`已载入官方安排的年份：${c.loadedYears().join('、')}`);
          if (!c.hasYear(year)) console.log(`${year}年安排尚未载入：该年按周一至周五计算，相关期限为临时结果。`);
          for (let m = 1; m <= 12; m++) {
            for (let d = 1; d <= 31; d++) {
              const date = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
              const name = c.nameOf(date);
              if (name) console.log(`  ${date}  ${c.isWorkingDay(date) ? '上班' : '放假'}  ${name}`);
            }
          }
        });
      });
    });
}
