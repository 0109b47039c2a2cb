/**
 * Golden computation of the annual report on both engines. A seeded generator writes a year of applications
 * (spanning years, corrected ones whose receipt moves, withdrawn, transferred, never confirmed), published items
 * (issued, repealed, amended, in force) and register cases; each record carries the cells it must land in, as the
 * generator intends them (rules.md §3–5). The expected tables are tallied from those intentions alone and must
 * equal what computeAnnualReport answers, cell by cell, drill-down ids included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAnnualReport, computeAnnualReports } from '../../src/domain/annual-report/compute.js';
import type { Repos, Unit } from '../../src/domain/ports.js';
import type { PublicationItem } from '../../src/domain/publications/model.js';
import type { Application } from '../../src/domain/requests/application.js';
import type { ReviewCase } from '../../src/domain/reviews/review-case.js';
import { migrateToLatest, openDb, type Db } from '../../src/storage/db.js';
import { createStore } from '../../src/storage/store.js';
import { freshDatabase, testEngines, type TestDatabase } from '../support/engines.js';

const ENGINES = await testEngines();
const Y = 2024;
const NO_CAL = { officialCalendar: {} as never };

/** Deterministic PRNG (mulberry32): the same data on every run and engine. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const day = (r: () => number, year: number, fromMonth = 1, toMonth = 12) => {
  const m = fromMonth + Math.floor(r() * (toMonth - fromMonth + 1));
  return `${year}-${String(m).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
};

const TYPES = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'] as const;
const OUTCOMES = ['disclosed', 'partiallyDisclosed', 'withheldStateSecret', 'withheldThirdParty', 'withheldProcessInfo', 'unavailableNotHeld', 'unavailableNeedsCreation', 'notProcessedRepeated', 'notProcessedPetition', 'otherNoCorrection', 'otherFeeUnpaid', 'otherOther'] as const;

interface Expect { rows: string[] }
type Tally = Map<string, Set<string>>;
const mark = (t: Tally, path: string, id: string) => (t.get(path) ?? t.set(path, new Set()).get(path)!).add(id);

function unit(id: string, slug: string): Unit {
  return {
    id, parentId: null, name: `测试单位${slug}`, shortName: null, code: null, slug, type: 'department', level: 'county', sortOrder: 0, status: 'active',
    officeName: null, address: null, officeHours: null, phone: null, fax: null, email: null, website: null, postcode: null, functions: null,
    leaders: [], internalBodies: [], createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z', deactivatedAt: null,
  };
}

function application(id: string, unitId: string, p: Partial<Application>): Application {
  return {
    id, unitId, receiptNo: `T-${id}`, queryCodeHash: 'x', status: 'received', outcome: null, applicantType: 'natural', applicantSealed: 'x', applicantMasked: '张*',
    applicantKey: `k${id}`, description: `申请公开第${id}号信息`, documentNo: null, provisionForm: 'paper', deliveryMethod: 'post', channel: 'inPerson',
    receiptEvidence: null, receivedOn: null, correctionRequestedOn: null, correctionReceivedOn: null, replyDue: null, replyDueProvisional: false,
    calendarVersion: null, repliedOn: null, servedOn: null, serviceMethod: null, handlerId: null, duplicateOf: null, transferredTo: null,
    transferredFrom: null, reply: null, createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z', ...p,
  };
}

/**
 * One application per scenario draw. Each scenario states the table 三 rows it belongs to in year Y by the
 * rules, written out by hand: received/carriedOver/carriedForward and the result row for one closed in Y.
 */
async function generateApplications(r: Repos, unitId: string, seed: number, n: number, t: Tally): Promise<void> {
  const rand = rng(seed);
  for (let i = 0; i < n; i++) {
    const id = `${unitId}-a${String(i).padStart(4, '0')}`;
    const type = pick(rand, TYPES);
    const outcome = pick(rand, OUTCOMES);
    const scenario = Math.floor(rand() * 13);
    let a: Application;
    let rows: string[] = [];
    let withdrawOn: string | null = null;
    const closed = (received: string, replied: string, extra: Partial<Application> = {}) =>
      application(id, unitId, { applicantType: type, receivedOn: received, status: pick(rand, ['replied', 'served', 'archived'] as const), outcome, repliedOn: replied, reply: { outcome }, ...extra });
    switch (scenario) {
      case 0: // received and answered in Y
        a = closed(day(rand, Y, 1, 6), day(rand, Y, 7, 12)); rows = ['received', outcome]; break;
      case 1: // received in Y-1, answered in Y: carried over
        a = closed(day(rand, Y - 1, 11, 12), day(rand, Y, 1, 3)); rows = ['carriedOver', outcome]; break;
      case 2: // received in Y, still open: carried forward
        a = application(id, unitId, { applicantType: type, receivedOn: day(rand, Y, 10, 12), status: pick(rand, ['received', 'inProgress', 'consulting', 'feeNoticeIssued'] as const) }); rows = ['received', 'carriedForward']; break;
      case 3: // received in Y-1 and still open today: carried over and forward
        a = application(id, unitId, { applicantType: type, receivedOn: day(rand, Y - 1, 1, 12), status: 'inProgress' }); rows = ['carriedOver', 'carriedForward']; break;
      case 4: // received and answered in Y-1: not in Y's report
        a = closed(day(rand, Y - 1, 1, 5), day(rand, Y - 1, 6, 11)); rows = []; break;
      case 5: // received in Y, answered in Y+1: carried forward
        a = closed(`${Y}-12-${String(10 + Math.floor(rand() * 20)).padStart(2, '0')}`, day(rand, Y + 1, 1, 2)); rows = ['received', 'carriedForward']; break;
      case 6: { // Art. 30: received late in Y-1, corrected application received in Y → received in Y, answered in Y
        const rec = `${Y - 1}-12-${String(15 + Math.floor(rand() * 14)).padStart(2, '0')}`;
        a = closed(rec, day(rand, Y, 3, 5), { correctionRequestedOn: rec, correctionReceivedOn: day(rand, Y, 1, 2) }); rows = ['received', outcome]; break;
      }
      case 7: { // corrected application received in Y+1: not received in Y at all
        const rec = `${Y}-12-${String(15 + Math.floor(rand() * 14)).padStart(2, '0')}`;
        a = application(id, unitId, { applicantType: type, receivedOn: rec, correctionRequestedOn: rec, correctionReceivedOn: `${Y + 1}-01-0${1 + Math.floor(rand() * 8)}`, status: 'inProgress' }); rows = []; break;
      }
      case 8: // withdrawn in Y: 三（六）3 其他
        a = application(id, unitId, { applicantType: type, receivedOn: day(rand, Y, 1, 6), status: pick(rand, ['withdrawn', 'archived'] as const) }); withdrawOn = day(rand, Y, 7, 12); rows = ['received', 'otherOther']; break;
      case 9: // transferred in Y (Art. 36(五)): answered 本机关不掌握
        a = application(id, unitId, { applicantType: type, receivedOn: day(rand, Y, 1, 6), status: 'transferred', outcome: 'unavailableNotHeld', repliedOn: day(rand, Y, 7, 12), reply: { outcome: 'unavailableNotHeld' } }); rows = ['received', 'unavailableNotHeld']; break;
      case 10: // submitted online, never confirmed (Art. 31): not received
        a = application(id, unitId, { applicantType: type, receivedOn: null, status: 'registered', channel: 'online' }); rows = []; break;
      case 11: // received in Y+1
        a = application(id, unitId, { applicantType: type, receivedOn: day(rand, Y + 1, 1, 3), status: 'received' }); rows = []; break;
      default: // received in Y-2, withdrawn in Y: carried over, then 其他
        a = application(id, unitId, { applicantType: type, receivedOn: day(rand, Y - 2, 1, 12), status: 'withdrawn' }); withdrawOn = day(rand, Y, 1, 12); rows = ['carriedOver', 'otherOther']; break;
    }
    await r.applications.insert(a);
    if (withdrawOn) await r.applications.appendEvent({ id: `${id}-w`, applicationId: id, seq: 1, action: 'withdraw', fromStatus: 'received', toStatus: 'withdrawn', effectiveOn: withdrawOn, at: `${withdrawOn}T02:00:00Z`, actorId: null, actorName: null, data: null });
    for (const row of rows) {
      const isResult = !['received', 'carriedOver', 'carriedForward'].includes(row);
      for (const c of [type, 'total']) {
        mark(t, `applications.${row}.${c}`, id);
        if (isResult) mark(t, `applications.handledTotal.${c}`, id);
      }
    }
  }
}

function item(id: string, unitId: string, columnId: string, p: Partial<PublicationItem>): PublicationItem {
  return {
    id, unitId, columnId, title: `文件${id}`, summary: '', bodyHtml: '<p>正文</p>', publisher: '测试单位', docNumber: null, createdOn: `${Y - 3}-01-05`, subject: null,
    genre: '通知', keywords: [], disclosureMethod: '主动公开', disclosurePeriod: '常年公开', disclosureScope: '面向全社会', validity: 'inForce', effectiveOn: null,
    validityChangedOn: null, status: 'published', stage: null, indexNumber: `IDX/${id}`, publishedAt: null, publishedOn: null, publishAt: null, workingDays: null,
    timeLimitDays: null, correctedAt: null, correctionNote: null, withdrawnAt: null, withdrawalReason: null, pending: null, createdBy: null, createdByName: '测试',
    createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z', ...p,
  };
}

async function generateItems(r: Repos, unitId: string, seed: number, n: number, t: Tally): Promise<void> {
  const rand = rng(seed);
  const columnId = `${unitId}-col`;
  await r.catalogue.insertColumn({ id: columnId, unitId, parentId: null, code: 'zcwj', name: '政策文件', description: null, sortOrder: 1, timeLimitDays: 20, freshnessDays: null, templateKey: null, acceptsItems: true, createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z' });
  for (let i = 0; i < n; i++) {
    const id = `${unitId}-i${String(i).padStart(4, '0')}`;
    const regulation = rand() < 0.3;
    const row = regulation ? 'regulations' : 'normativeDocuments';
    const genre = regulation ? '命令（令）' : pick(rand, ['通知', '意见', '决定'] as const);
    const scenario = Math.floor(rand() * 8);
    let p: Partial<PublicationItem>;
    let cols: string[];
    switch (scenario) {
      case 0: p = { publishedOn: day(rand, Y), createdOn: day(rand, Y, 1, 1) }; cols = ['issued', 'inForce']; break;
      case 1: p = { publishedOn: day(rand, Y - 1) }; cols = ['inForce']; break;
      case 2: p = { publishedOn: day(rand, Y - 2), validity: 'repealed', validityChangedOn: day(rand, Y) }; cols = ['repealed']; break;
      case 3: p = { publishedOn: day(rand, Y, 1, 6), createdOn: day(rand, Y - 1, 12, 12), validity: 'repealed', validityChangedOn: day(rand, Y + 1) }; cols = ['issued', 'inForce']; break;
      case 4: p = { publishedOn: day(rand, Y - 1), validity: 'amended', validityChangedOn: day(rand, Y) }; cols = []; break; // amended: leaves 现行有效 (R7 note)
      case 5: p = { publishedOn: day(rand, Y + 1) }; cols = []; break;
      case 6: p = { publishedOn: day(rand, Y), validity: null, genre: '新闻' }; cols = []; break; // not a rule or normative document
      default: p = { publishedOn: day(rand, Y), status: pick(rand, ['draft', 'withdrawn'] as const) }; cols = []; break;
    }
    await r.publications.insert(item(id, unitId, columnId, { genre, ...p }));
    for (const c of cols) mark(t, `proactive.${row}.${c}`, id);
  }
}

async function generateCases(r: Repos, unitId: string, appIds: string[], seed: number, n: number, t: Tally): Promise<void> {
  const rand = rng(seed);
  for (let i = 0; i < n; i++) {
    const id = `${unitId}-c${String(i).padStart(4, '0')}`;
    const kind = pick(rand, ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const);
    const outcome = pick(rand, ['upheld', 'corrected', 'other'] as const);
    const scenario = Math.floor(rand() * 7);
    let p: Pick<ReviewCase, 'filedOn' | 'concludedOn' | 'outcome'>;
    let col: string | null;
    switch (scenario) {
      case 0: p = { filedOn: day(rand, Y, 1, 6), concludedOn: day(rand, Y, 7, 12), outcome }; col = outcome; break;
      case 1: p = { filedOn: day(rand, Y - 1), concludedOn: day(rand, Y), outcome }; col = outcome; break;
      case 2: p = { filedOn: day(rand, Y), concludedOn: null, outcome: null }; col = 'pending'; break;
      case 3: p = { filedOn: day(rand, Y - 1), concludedOn: null, outcome: null }; col = 'pending'; break;
      case 4: p = { filedOn: day(rand, Y, 6, 12), concludedOn: day(rand, Y + 1), outcome }; col = 'pending'; break;
      case 5: p = { filedOn: day(rand, Y - 1, 1, 3), concludedOn: day(rand, Y - 1, 6, 12), outcome }; col = null; break;
      default: p = { filedOn: day(rand, Y + 1), concludedOn: null, outcome: null }; col = null; break;
    }
    await r.reviewCases.insert({ id, unitId, applicationId: appIds[i % appIds.length] ?? null, kind, body: '安澜市人民政府', caseNo: `（${Y}）复${i}号`, challengedNotice: null, remarks: null, createdAt: '2020-01-01T00:00:00Z', createdBy: null, updatedAt: '2020-01-01T00:00:00Z', ...p });
    if (col) for (const c of [col, 'total']) mark(t, `reviews.${kind}.${c}`, id);
  }
}

describe.each(ENGINES)('annual report computed from records on %s', (engine) => {
  let tdb: TestDatabase;
  let db: Db;
  let store: ReturnType<typeof createStore>;
  const truth: Record<string, Tally> = { u1: new Map(), u2: new Map() };
  const manualIds: Record<string, string[]> = {};

  beforeAll(async () => {
    tdb = await freshDatabase(engine);
    db = openDb({ dataDir: tdb.dataDir, databaseUrl: tdb.databaseUrl });
    await migrateToLatest(db);
    store = createStore(db);
    await store.write(async (r) => {
      for (const [id, slug] of [['u1', 'one'], ['u2', 'two']] as const) {
        await r.units.insert(unit(id, slug));
        const tally = truth[id]!;
        await generateApplications(r, id, id === 'u1' ? 11 : 22, id === 'u1' ? 400 : 150, tally);
        await generateItems(r, id, id === 'u1' ? 33 : 44, 160, tally);
        await generateCases(r, id, [`${id}-a0000`, `${id}-a0001`], id === 'u1' ? 55 : 66, 90, tally);
      }
      // Two sources for one kind are added up; one kind left unentered stays null (not 0).
      const entry = (id: string, kind: string, value: number, year = Y) => ({ id, unitId: 'u1', year, kind: kind as never, value, sourceNote: '审批系统导出', enteredBy: null, enteredByName: '测试', enteredAt: '2025-01-05T00:00:00Z', importBatch: null });
      await r.manualEntries.insert(entry('m1', 'licensing', 120));
      await r.manualEntries.insert(entry('m2', 'licensing', 30));
      await r.manualEntries.insert(entry('m3', 'penalty', 7));
      await r.manualEntries.insert(entry('m4', 'fees', 1.2345));
      await r.manualEntries.insert(entry('m5', 'fees', 0.5));
      await r.manualEntries.insert(entry('m6', 'licensing', 999, Y - 1));
      manualIds.licensing = ['m1', 'm2'];
      manualIds.fees = ['m4', 'm5'];
    });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  const expected = (tally: Tally, path: string) => tally.get(path)?.size ?? 0;

  it('table 三 counts every cell as the generator intended, spanning years and corrections', async () => {
    const { doc, drill } = await store.read((r) => computeAnnualReport(r, NO_CAL, 'u1', Y));
    expect(doc.template).toBe('2021');
    const table = doc.tables.applications;
    let checked = 0;
    for (const [row, cols] of Object.entries(table)) {
      for (const [c, v] of Object.entries(cols)) {
        expect(v, `applications.${row}.${c}`).toBe(expected(truth.u1!, `applications.${row}.${c}`));
        expect(new Set(drill[`applications.${row}.${c}`]?.ids), `drill applications.${row}.${c}`).toEqual(truth.u1!.get(`applications.${row}.${c}`) ?? new Set());
        checked++;
      }
    }
    expect(checked).toBe(25 * 7);
    // The generator produced every kind of year-spanning case (otherwise the test would prove little).
    for (const row of ['received', 'carriedOver', 'carriedForward', 'otherOther', 'unavailableNotHeld']) expect(table[row]!.total).toBeGreaterThan(5);
    // R1 holds for each column, as the official table header requires.
    for (const c of Object.keys(table.received!)) expect(table.received![c]! + table.carriedOver![c]!).toBe(table.handledTotal![c]! + table.carriedForward![c]!);
  });

  it('carried forward at the end of Y-1 is what Y carries over', async () => {
    const [prev, cur] = await store.read((r) => Promise.all([computeAnnualReport(r, NO_CAL, 'u1', Y - 1), computeAnnualReport(r, NO_CAL, 'u1', Y)]));
    // Except applications whose corrected version arrived in Y: not received at all before (Art. 30).
    const moved = [...(truth.u1!.get('applications.received.total') ?? [])].filter((id) => prev.drill['applications.carriedForward.total']?.ids.includes(id));
    expect(prev.doc.tables.applications.carriedForward!.total! - moved.length).toBe(cur.doc.tables.applications.carriedOver!.total);
  });

  it('table 四 counts cases concluded in the year by outcome and open ones as pending', async () => {
    const { doc, drill } = await store.read((r) => computeAnnualReport(r, NO_CAL, 'u1', Y));
    for (const [row, cols] of Object.entries(doc.tables.reviews)) {
      for (const [c, v] of Object.entries(cols)) {
        expect(v, `reviews.${row}.${c}`).toBe(expected(truth.u1!, `reviews.${row}.${c}`));
        expect(new Set(drill[`reviews.${row}.${c}`]?.ids)).toEqual(truth.u1!.get(`reviews.${row}.${c}`) ?? new Set());
      }
      expect(cols.total).toBe(cols.upheld! + cols.corrected! + cols.other! + cols.pending!);
    }
  });

  it('table 二: 规章 and 行政规范性文件 from items with their validity; decisions and fees from manual entries', async () => {
    const { doc, drill, missing } = await store.read((r) => computeAnnualReport(r, NO_CAL, 'u1', Y));
    const p = doc.tables.proactive;
    for (const row of ['regulations', 'normativeDocuments']) {
      for (const c of ['issued', 'repealed', 'inForce']) {
        expect(p[row]![c], `proactive.${row}.${c}`).toBe(expected(truth.u1!, `proactive.${row}.${c}`));
        expect(new Set(drill[`proactive.${row}.${c}`]?.ids)).toEqual(truth.u1!.get(`proactive.${row}.${c}`) ?? new Set());
      }
    }
    expect(p.licensing!.decisions).toBe(150);
    expect(new Set(drill['proactive.licensing.decisions']?.ids)).toEqual(new Set(manualIds.licensing));
    expect(p.penalty!.decisions).toBe(7);
    expect(p.fees!.amountWan).toBe(1.7345);
    expect(p.enforcement!.decisions).toBeNull();
    expect(missing.map((m) => m.path)).toEqual(['proactive.enforcement.decisions']);
  });

  it("another unit's records never reach a unit's report", async () => {
    const { doc } = await store.read((r) => computeAnnualReport(r, NO_CAL, 'u2', Y));
    expect(doc.tables.applications.received!.total).toBe(expected(truth.u2!, 'applications.received.total'));
    expect(doc.tables.proactive.licensing!.decisions).toBeNull();
  });

  it('the all-units batch gives the same reports as one unit at a time', async () => {
    const all = await store.read((r) => computeAnnualReports(r, Y));
    for (const id of ['u1', 'u2']) {
      // The batch counts with SUM(CASE …) per cell, the drill-down path groups records: two SQL forms, one answer.
      const [one, lean] = await store.read((r) => Promise.all([computeAnnualReport(r, NO_CAL, id, Y), computeAnnualReport(r, NO_CAL, id, Y, { drill: false })]));
      expect(all.get(id)?.doc).toEqual(one.doc);
      expect(lean.doc).toEqual(one.doc);
    }
  });

  it('2020 is computed in the 2019 format: one 其他处理 row takes the no-correction and fee-unpaid outcomes', async () => {
    await store.write(async (r) => {
      for (const [i, outcome] of (['otherNoCorrection', 'otherFeeUnpaid', 'disclosed'] as const).entries()) {
        await r.applications.insert(application(`old${i}`, 'u2', { applicantType: 'legal', receivedOn: '2020-03-02', status: 'replied', outcome, repliedOn: '2020-04-01', reply: { outcome } }));
      }
    });
    const { doc } = await store.read((r) => computeAnnualReport(r, NO_CAL, 'u2', 2020));
    expect(doc.template).toBe('2019');
    expect(doc.tables.applications.otherOther!.legal).toBe(2);
    expect(doc.tables.applications.disclosed!.legal).toBe(1);
    expect(doc.tables.applications.otherNoCorrection).toBeUndefined();
    expect(doc.tables.applications.handledTotal!.legal).toBe(3);
  });

  it('refuses to compute a pre-2019 year with a Chinese explanation', async () => {
    await expect(store.read((r) => computeAnnualReport(r, NO_CAL, 'u1', 2018))).rejects.toThrow(/2018年及以前/);
  });
});
