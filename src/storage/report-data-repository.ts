/**
 * Annual-report data in storage: the manual entries, and the grouped queries the report is computed from
 * (src/domain/annual-report/compute-sources.ts documents the dates that decide each cell). One query per table,
 * for one unit or all of them; ids are aggregated into the groups only when a drill-down needs them.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { ApplicationCounts, ApplicationGroup, CaseGroup, DrillRecord, ItemCounts, ItemGroup, ManualSum, ReportDataRepository } from '../domain/annual-report/compute-sources.js';
import { MANUAL_ENTRY_KINDS, type ManualEntry, type ManualEntryKind, type ManualEntryRepository } from '../domain/annual-report/manual-entries.js';
import { APPLICANT_TYPES } from '../domain/requests/applicant.js';
import { OUTCOME_CODES, OUTCOMES } from '../domain/requests/outcome.js';
import { STATUSES } from '../domain/requests/status.js';
import { REVIEW_KINDS, REVIEW_OUTCOMES } from '../domain/reviews/review-case.js';
import type { Database, Row } from './schema.js';

type Q = Kysely<Database> | Transaction<Database>;
type Engine = 'sqlite' | 'postgres';

const entryFromRow = (r: Row<'report_manual_entries'>): ManualEntry => ({
  id: r.id, unitId: r.unit_id, year: Number(r.year), kind: r.kind as ManualEntryKind, value: Number(r.value), sourceNote: r.source_note,
  enteredBy: r.entered_by, enteredByName: r.entered_by_name, enteredAt: r.entered_at, importBatch: r.import_batch,
});
const entryToRow = (e: ManualEntry): Row<'report_manual_entries'> => ({
  id: e.id, unit_id: e.unitId, year: e.year, kind: e.kind, value: e.value, source_note: e.sourceNote, entered_by: e.enteredBy,
  entered_by_name: e.enteredByName, entered_at: e.enteredAt, import_batch: e.importBatch,
});

export function manualEntryRepository(q: Q): ManualEntryRepository {
  return {
    async get(id) {
      const r = await q.selectFrom('report_manual_entries').selectAll().where('id', '=', id).executeTakeFirst();
      return r && entryFromRow(r);
    },
    async insert(e) {
      await q.insertInto('report_manual_entries').values(entryToRow(e)).execute();
    },
    async update(e) {
      await q.updateTable('report_manual_entries').set(entryToRow(e)).where('id', '=', e.id).execute();
    },
    async delete(id) {
      await q.deleteFrom('report_manual_entries').where('id', '=', id).execute();
    },
    async list(f) {
      if (f.unitIds.length === 0) return [];
      let qb = q.selectFrom('report_manual_entries').selectAll().where('unit_id', 'in', f.unitIds);
      if (f.years?.length) qb = qb.where('year', 'in', f.years);
      if (f.kinds?.length) qb = qb.where('kind', 'in', f.kinds);
      const rows = await qb.orderBy('year', 'desc').orderBy('kind').orderBy('entered_at').execute();
      return rows.map(entryFromRow);
    },
    async deleteFor(unitId, year, kind) {
      const rows = await q.selectFrom('report_manual_entries').selectAll().where('unit_id', '=', unitId).where('year', '=', year).where('kind', '=', kind).execute();
      if (rows.length) await q.deleteFrom('report_manual_entries').where('unit_id', '=', unitId).where('year', '=', year).where('kind', '=', kind).execute();
      return rows.map(entryFromRow);
    },
  };
}

/** Column names of the per-outcome counts (r0 … r20, in OUTCOME_CODES order). */
const RESULT_COLUMNS = OUTCOME_CODES.map((_, i) => `r${i}`);
const splitIds = (v: unknown): string[] => (typeof v === 'string' && v ? v.split(',') : []);

export function reportDataRepository(q: Q, engine: Engine): ReportDataRepository {
  const idsAgg = (withIds: boolean, col = 'id'): RawBuilder<unknown> =>
    withIds ? (engine === 'postgres' ? sql`, string_agg(${sql.ref(col)}, ',') as ids` : sql`, group_concat(${sql.ref(col)}, ',') as ids`) : sql``;
  const unitFilter = (unitIds: string[] | null, col = 'unit_id'): RawBuilder<unknown> =>
    unitIds === null ? sql`` : unitIds.length ? sql`and ${sql.ref(col)} in (${sql.join(unitIds)})` : sql`and 1 = 0`;
  const rows = async (query: RawBuilder<unknown>) => (await query.execute(q)).rows as Record<string, unknown>[];
  // Receipt (Art. 30/31: the corrected application's receipt when there was one) and closing (reply incl. transfer,
  // or withdrawal) of each application; the join adds no rows: withdrawn is final (status.ts), one withdraw event.
  const datedApplications = (unitIds: string[] | null, end: string) => sql`
    select a.id, a.unit_id, a.applicant_type, a.outcome,
      coalesce(a.correction_received_on, a.received_on) as eff,
      coalesce(a.replied_on, e.effective_on, substr(e.at, 1, 10)) as closed
    from applications a
    left join application_events e on e.application_id = a.id and e.action = 'withdraw' and a.replied_on is null
    where a.received_on is not null and a.received_on <= ${end} ${unitFilter(unitIds, 'a.unit_id')}`;

  /** Without ids (the batch): one row per unit and applicant type with a SUM(CASE …) per cell, as counted by hand. */
  async function applicationCounts(unitIds: string[] | null, start: string, end: string): Promise<ApplicationCounts[]> {
    const perOutcome = sql.join(OUTCOME_CODES.map((o, i) => sql`sum(case when closed >= ${start} and closed <= ${end} and coalesce(outcome, 'otherOther') = ${o} then 1 else 0 end) as ${sql.ref(RESULT_COLUMNS[i]!)}`));
    const result = await rows(sql`
      select unit_id, applicant_type,
        sum(case when eff >= ${start} then 1 else 0 end) as received,
        sum(case when eff < ${start} then 1 else 0 end) as carried_over,
        sum(case when closed is null or closed > ${end} then 1 else 0 end) as carried_forward,
        ${perOutcome}
      from (${datedApplications(unitIds, end)}) x
      where eff <= ${end} and (closed is null or closed >= ${start})
      group by 1, 2`);
    const out: ApplicationCounts[] = new Array(result.length);
    for (let k = 0; k < result.length; k++) {
      const r = result[k]!;
      const results: [string, number][] = [];
      for (let i = 0; i < OUTCOME_CODES.length; i++) {
        const n = Number(r[RESULT_COLUMNS[i]!]);
        if (n > 0) results.push([OUTCOME_CODES[i]!, n]);
      }
      out[k] = {
        unitId: String(r.unit_id), applicantType: String(r.applicant_type), received: Number(r.received), carriedOver: Number(r.carried_over),
        carriedForward: Number(r.carried_forward), results,
      };
    }
    return out;
  }

  async function itemCounts(unitIds: string[] | null, start: string, end: string): Promise<ItemCounts[]> {
    const result = await rows(sql`
      select unit_id, case when genre = '命令（令）' then 'regulations' else 'normativeDocuments' end as row_key,
        sum(case when published_on >= ${start} then 1 else 0 end) as issued,
        sum(case when created_on >= ${start} and created_on <= ${end} then 1 else 0 end) as made,
        sum(case when validity = 'repealed' and validity_changed_on >= ${start} and validity_changed_on <= ${end} then 1 else 0 end) as repealed,
        sum(case when validity = 'inForce' or validity_changed_on > ${end} then 1 else 0 end) as in_force
      from publication_items
      where validity is not null and status = 'published' and published_on <= ${end} ${unitFilter(unitIds)}
      group by 1, 2`);
    return result.map((r) => ({
      unitId: String(r.unit_id), row: r.row_key as ItemCounts['row'], issued: Number(r.issued), made: Number(r.made), repealed: Number(r.repealed), inForce: Number(r.in_force),
    }));
  }

  return {
    async reportUnits(unitIds) {
      let qb = q.selectFrom('units').select(['id', 'name', 'code']);
      if (unitIds) qb = unitIds.length ? qb.where('id', 'in', unitIds) : qb.where(sql<boolean>`1 = 0`);
      return qb.orderBy('sort_order').orderBy('name').execute();
    },
    applicationCounts: (unitIds, year) => applicationCounts(unitIds, `${year}-01-01`, `${year}-12-31`),
    itemCounts: (unitIds, year) => itemCounts(unitIds, `${year}-01-01`, `${year}-12-31`),

    async applicationGroups(unitIds, year, withIds): Promise<ApplicationGroup[]> {
      const start = `${year}-01-01`, end = `${year}-12-31`;
      const result = await rows(sql`
        select unit_id, applicant_type,
          case when eff >= ${start} then 1 else 0 end as received,
          case when eff < ${start} then 1 else 0 end as carried_over,
          case when closed is null or closed > ${end} then 1 else 0 end as carried_forward,
          case when closed >= ${start} and closed <= ${end} then coalesce(outcome, 'otherOther') end as result,
          count(*) as n ${idsAgg(withIds)}
        from (${datedApplications(unitIds, end)}) x
        where eff <= ${end} and (closed is null or closed >= ${start})
        group by 1, 2, 3, 4, 5, 6`);
      return result.map((r) => ({
        unitId: String(r.unit_id), applicantType: String(r.applicant_type), received: Number(r.received) === 1, carriedOver: Number(r.carried_over) === 1,
        carriedForward: Number(r.carried_forward) === 1, result: r.result == null ? null : String(r.result), n: Number(r.n), ids: splitIds(r.ids),
      }));
    },

    async itemGroups(unitIds, year, withIds): Promise<ItemGroup[]> {
      const start = `${year}-01-01`, end = `${year}-12-31`;
      // 规章 and 行政规范性文件 are the published items that carry a validity (有效性); 规章 are promulgated by 令
      // (《规章制定程序条例》第三十二条), so genre 命令（令） marks a 规章. Amended (已修改) items leave 现行有效 (R7).
      const result = await rows(sql`
        select unit_id,
          case when genre = '命令（令）' then 'regulations' else 'normativeDocuments' end as row_key,
          case when published_on >= ${start} then 1 else 0 end as issued,
          case when created_on >= ${start} and created_on <= ${end} then 1 else 0 end as made,
          case when validity = 'repealed' and validity_changed_on >= ${start} and validity_changed_on <= ${end} then 1 else 0 end as repealed,
          case when validity = 'inForce' or validity_changed_on > ${end} then 1 else 0 end as in_force,
          count(*) as n ${idsAgg(withIds)}
        from publication_items
        where validity is not null and status = 'published' and published_on <= ${end} ${unitFilter(unitIds)}
        group by 1, 2, 3, 4, 5, 6`);
      return result.map((r) => ({
        unitId: String(r.unit_id), row: r.row_key as ItemGroup['row'], issued: Number(r.issued) === 1, made: Number(r.made) === 1,
        repealed: Number(r.repealed) === 1, inForce: Number(r.in_force) === 1, n: Number(r.n), ids: splitIds(r.ids),
      }));
    },

    async caseGroups(unitIds, year, withIds): Promise<CaseGroup[]> {
      const start = `${year}-01-01`, end = `${year}-12-31`;
      const result = await rows(sql`
        select unit_id, kind,
          case when concluded_on is null or concluded_on > ${end} then 'pending' else outcome end as col,
          count(*) as n ${idsAgg(withIds)}
        from review_cases
        where filed_on <= ${end} and (concluded_on is null or concluded_on >= ${start}) ${unitFilter(unitIds)}
        group by 1, 2, 3`);
      return result.map((r) => ({ unitId: String(r.unit_id), kind: String(r.kind), column: r.col as CaseGroup['column'], n: Number(r.n), ids: splitIds(r.ids) }));
    },

    async manualSums(unitIds, years, withIds): Promise<ManualSum[]> {
      if (years.length === 0) return [];
      const result = await rows(sql`
        select unit_id, year, kind, sum(value) as value ${idsAgg(withIds)}
        from report_manual_entries
        where year in (${sql.join(years)}) ${unitFilter(unitIds)}
        group by 1, 2, 3`);
      return result
        .filter((r) => String(r.kind) in MANUAL_ENTRY_KINDS)
        // 万元 to four decimals: floating sums of several entries are rounded back to whole 元.
        .map((r) => ({ unitId: String(r.unit_id), year: Number(r.year), kind: r.kind as ManualEntryKind, value: Math.round(Number(r.value) * 10000) / 10000, ids: splitIds(r.ids) }));
    },

    async drillRecords(kind, ids, limit): Promise<DrillRecord[]> {
      const sorted = [...new Set(ids)].sort();
      const out: DrillRecord[] = [];
      for (let i = 0; i < sorted.length && out.length < limit; i += 500) {
        const chunk = sorted.slice(i, i + 500);
        out.push(...(await drillChunk(q, kind, chunk)));
      }
      return out.slice(0, limit).sort((a, b) => (a.ref ?? '').localeCompare(b.ref ?? '') || a.id.localeCompare(b.id));
    },
  };
}

async function drillChunk(q: Q, kind: DrillRecord['kind'], ids: string[]): Promise<DrillRecord[]> {
  if (kind === 'application') {
    const rs = await q.selectFrom('applications').select(['id', 'receipt_no', 'description', 'applicant_type', 'status', 'outcome', 'received_on', 'correction_received_on', 'replied_on']).where('id', 'in', ids).execute();
    return rs.map((r) => ({
      id: r.id, kind, ref: r.receipt_no, title: r.description.length > 60 ? `${r.description.slice(0, 60)}…` : r.description,
      dates: { receivedOn: r.received_on, correctionReceivedOn: r.correction_received_on, repliedOn: r.replied_on },
      detail: {
        applicantType: APPLICANT_TYPES[r.applicant_type as keyof typeof APPLICANT_TYPES] ?? r.applicant_type,
        status: STATUSES[r.status as keyof typeof STATUSES] ?? r.status,
        outcome: r.outcome ? (OUTCOMES[r.outcome as keyof typeof OUTCOMES]?.label ?? r.outcome) : r.status === 'withdrawn' || r.status === 'archived' ? '申请人撤回（计入其他）' : null,
      },
    }));
  }
  if (kind === 'item') {
    const rs = await q.selectFrom('publication_items').select(['id', 'index_number', 'title', 'doc_number', 'genre', 'validity', 'created_on', 'published_on', 'validity_changed_on']).where('id', 'in', ids).execute();
    const VALIDITY: Record<string, string> = { inForce: '现行有效', amended: '已修改', repealed: '已废止' };
    return rs.map((r) => ({
      id: r.id, kind, ref: r.index_number, title: r.title,
      dates: { createdOn: r.created_on, publishedOn: r.published_on, validityChangedOn: r.validity_changed_on },
      detail: { docNumber: r.doc_number, genre: r.genre, validity: r.validity ? (VALIDITY[r.validity] ?? r.validity) : null },
    }));
  }
  if (kind === 'reviewCase') {
    const rs = await q.selectFrom('review_cases').leftJoin('applications', 'applications.id', 'review_cases.application_id')
      .select(['review_cases.id', 'review_cases.case_no', 'review_cases.kind', 'review_cases.body', 'review_cases.filed_on', 'review_cases.concluded_on', 'review_cases.outcome', 'applications.receipt_no'])
      .where('review_cases.id', 'in', ids).execute();
    return rs.map((r) => ({
      id: r.id, kind, ref: r.case_no, title: `${REVIEW_KINDS[r.kind as keyof typeof REVIEW_KINDS] ?? r.kind}（${r.body}）`,
      dates: { filedOn: r.filed_on, concludedOn: r.concluded_on },
      detail: { outcome: r.outcome ? (REVIEW_OUTCOMES[r.outcome as keyof typeof REVIEW_OUTCOMES] ?? r.outcome) : '尚未审结', receiptNo: r.receipt_no },
    }));
  }
  const rs = await q.selectFrom('report_manual_entries').selectAll().where('id', 'in', ids).execute();
  return rs.map((r) => ({
    id: r.id, kind, ref: MANUAL_ENTRY_KINDS[r.kind as ManualEntryKind]?.label ?? r.kind, title: r.source_note,
    dates: { enteredAt: r.entered_at },
    detail: { year: Number(r.year), value: Number(r.value), enteredBy: r.entered_by_name, importBatch: r.import_batch },
  }));
}
