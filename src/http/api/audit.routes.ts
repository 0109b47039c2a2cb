import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../domain/audit/audit-queries.js';
import { DomainError } from '../../domain/errors.js';
import { unitsWhere } from '../../domain/policy/policy.js';
import type { AuditEntry } from '../../domain/ports.js';
import { loadTree } from '../../domain/units/unit-context.js';
import { AUDIT_ACTIONS } from '../../domain/audit/actions.js';
import type { HttpContext } from '../context.js';
import { requireAuth } from '../plugins/auth.js';

const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, '日期格式应为 YYYY-MM-DD').optional();
const filters = z.object({
  unitId: z.string().optional(),
  actorId: z.string().optional(),
  action: z.string().max(64).optional(),
  entityType: z.string().max(32).optional(),
  entityId: z.string().max(64).optional(),
  from: dateTime,
  to: dateTime,
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** 'YYYY-MM-DD' is a Beijing civil date; the log stores UTC instants. */
const beijingStart = (d: string | undefined, addDays = 0) => {
  if (!d) return undefined;
  if (d.includes('T')) return d;
  const t = Date.parse(`${d}T00:00:00+08:00`) + addDays * 86_400_000;
  return new Date(t).toISOString();
};

const present = (e: AuditEntry, unitName: (id: string | null) => string | null) => ({
  seq: e.seq, at: e.at, actorId: e.actorId, actorName: e.actorName, unitId: e.unitId, unitName: unitName(e.unitId),
  action: e.action, actionLabel: AUDIT_ACTIONS[e.action] ?? e.action, entityType: e.entityType, entityId: e.entityId,
  before: e.beforeJson ? JSON.parse(e.beforeJson) : null, after: e.afterJson ? JSON.parse(e.afterJson) : null, ip: e.ip, hash: e.hash,
});

export const auditRoutes = (ctx: HttpContext): FastifyPluginAsyncZod => async (app) => {
  const { deps } = ctx;
  const names = async () => {
    const units = await deps.store.read((r) => r.units.list());
    const m = new Map(units.map((u) => [u.id, u.name]));
    return (id: string | null) => (id ? m.get(id) ?? null : null);
  };

  app.get('/audit', { schema: { tags: ['审计日志'], summary: '审计日志（按权限范围，倒序分页）', querystring: filters } }, async (req) => {
    const q = req.query;
    const rows = await listAudit(deps, requireAuth(req).actor, { ...q, from: beijingStart(q.from), to: beijingStart(q.to, q.to?.includes('T') ? 0 : 1) });
    const unitName = await names();
    return { items: rows.map((e) => present(e, unitName)), nextBeforeSeq: rows.length === q.limit ? rows[rows.length - 1]?.seq : null, actions: AUDIT_ACTIONS };
  });

  app.get('/audit/export', {
    schema: { tags: ['审计日志'], summary: '导出审计日志（XLSX 或 CSV，最多10万条）', querystring: filters.omit({ limit: true, beforeSeq: true }).extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
  }, async (req, reply) => {
    const actor = requireAuth(req).actor;
    const allowed = await deps.store.read(async (r) => {
      const { tree, units } = await loadTree(r);
      return unitsWhere(actor, 'audit.export', tree, units.map((u) => u.id));
    });
    if (allowed.length === 0) throw new DomainError('FORBIDDEN', '您没有导出审计日志的权限');
    const q = req.query;
    const unitName = await names();
    const rows: ReturnType<typeof present>[] = [];
    let beforeSeq: number | undefined;
    while (rows.length < 100_000) {
      const page = await listAudit(deps, actor, { ...q, from: beijingStart(q.from), to: beijingStart(q.to, 1), beforeSeq, limit: 2000 });
      rows.push(...page.filter((e) => e.unitId && allowed.includes(e.unitId)).map((e) => present(e, unitName)));
      if (page.length < 2000) break;
      beforeSeq = page[page.length - 1]?.seq;
    }
    const header = ['序号', '时间（北京时间）', '操作人', '单位', '操作', '对象类型', '对象ID', '变更前', '变更后', 'IP', '哈希'];
    const line = (e: (typeof rows)[number]) => [
      e.seq, new Date(Date.parse(e.at) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19), e.actorName ?? '系统', e.unitName ?? '',
      e.actionLabel, e.entityType, e.entityId ?? '', e.before ? JSON.stringify(e.before) : '', e.after ? JSON.stringify(e.after) : '', e.ip ?? '', e.hash,
    ];
    const stamp = new Date().toISOString().slice(0, 10);
    if (q.format === 'csv') {
      const esc = (v: unknown) => {
        const s = String(v);
        // A leading = + - @ would be run as a formula by Excel/WPS: neutralise it.
        const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      };
      const csv = '\uFEFF' + [header, ...rows.map(line)].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`审计日志-${stamp}.csv`)}`).send(csv);
    }
    const { default: ExcelJS } = await import('exceljs'); // loaded on first export, not at start-up
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('审计日志');
    ws.addRow(header).font = { bold: true };
    for (const e of rows) ws.addRow(line(e));
    ws.columns.forEach((c, i) => { c.width = [8, 20, 12, 24, 16, 10, 38, 40, 40, 16, 20][i] ?? 12; });
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`审计日志-${stamp}.xlsx`)}`).send(buf);
  });
};
