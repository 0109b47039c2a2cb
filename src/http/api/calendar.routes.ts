import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isCivilDate } from '../../domain/calendar/civil-date.js';
import { changeCalendar, removeOverride } from '../../domain/calendar/manage-calendar.js';
import { DomainError } from '../../domain/errors.js';
import { calendarForUnit } from '../../domain/requests/unit-calendar.js';
import { parseArrangement } from '../../infra/calendar-import.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

export const calendarRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;

  app.get('/calendar', {
    schema: { tags: ['工作日历'], summary: '工作日历：已载入年份、各级调整（可指定单位）', querystring: z.object({ unitId: z.string().optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  }, async (req) => {
    requireAuth(req);
    const { unitId, year } = req.query;
    return deps.store.read(async (r) => {
      const overrides = await r.calendarOverrides.list();
      const cal = unitId ? await calendarForUnit(deps, r, unitId) : null;
      const y = year ?? Number(new Date().toISOString().slice(0, 4));
      const special = deps.officialCalendar.days.filter((d) => d.date.startsWith(`${y}-`)).sort((a, b) => a.date.localeCompare(b.date));
      return {
        official: { version: deps.officialCalendar.version, years: deps.officialCalendar.years, days: special },
        overrides: overrides.filter((o) => o.unitId === null || o.unitId === unitId),
        effective: cal && { version: cal.version, loadedYears: cal.loadedYears() },
      };
    });
  });

  app.post('/calendar/overrides', {
    schema: {
      tags: ['工作日历'], summary: '新增节假日调整（全平台或某单位的地方性安排），并重新计算受影响的办理期限',
      body: z.object({
        unitId: z.string().nullable().default(null),
        date: z.string().refine(isCivilDate, '日期格式应为 YYYY-MM-DD'),
        kind: z.enum(['off', 'work'], { error: '请选择放假或调休上班' }),
        name: z.string().trim().min(1, '请填写名称，如“地方性节日”').max(50),
      }),
    },
  }, async (req, reply) => {
    const b = req.body;
    const r = await changeCalendar(deps, requireAuth(req).actor, { unitId: b.unitId, days: [{ date: b.date, kind: b.kind, name: b.name }], years: [], reason: `${b.date} ${b.kind === 'off' ? '放假' : '调休上班'}（${b.name}）` });
    return reply.status(201).send(r);
  });

  app.delete('/calendar/overrides/:id', { schema: { tags: ['工作日历'], summary: '撤销一项节假日调整', params: z.object({ id: z.string() }) } }, async (req) =>
    removeOverride(deps, requireAuth(req).actor, req.params.id));

  app.post('/calendar/import', {
    schema: { tags: ['工作日历'], summary: '导入国务院办公厅公布的全年节假日安排（ICS 或 JSON，multipart：file、unitId）', consumes: ['multipart/form-data'] },
  }, async (req) => {
    const actor = requireAuth(req).actor;
    const file = req.isMultipart() ? await req.file() : undefined;
    if (!file) throw new DomainError('VALIDATION', '请选择 ICS 或 JSON 文件', { fields: [{ path: 'file', message: '请选择文件' }] });
    const arrangement = await parseArrangement((await file.toBuffer()).toString('utf8'), file.filename);
    const unitField = file.fields.unitId as { value?: string } | undefined;
    return changeCalendar(deps, actor, { unitId: unitField?.value || null, days: arrangement.days, years: arrangement.years, reason: `导入${arrangement.years.join('、')}年节假日安排（${file.filename}）` });
  });
};
