/**
 * 索引号 (rules.md §2): unique under concurrency — many parallel publications, on PostgreSQL through two runtimes
 * (two pools, several connections each, as two server processes would) — never reused after withdrawal, and
 * serials counted per unit and year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/main.js';
import type { Actor } from '../../src/domain/ports.js';
import type { PublicationItem } from '../../src/domain/publications/model.js';
import { approveItem } from '../../src/domain/publications/review.js';
import { decidePending, requestWithdrawal } from '../../src/domain/publications/post-publication.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();
const HEAD: Actor = { accountId: 'head', name: '终审人', unitId: null, roles: [], system: true };
const CLERK: Actor = { accountId: 'clerk', name: '申请人', unitId: null, roles: [], system: true };

describe.each(ENGINES)('索引号 on %s', (engine) => {
  let t: TestApp;
  let second: Runtime;
  let fgj: string;
  let jyj: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    // PostgreSQL: a second runtime (its own pool) races like a second server process. SQLite: one process cannot
    // hold two writers (better-sqlite3 waits synchronously), so the runtime's single connection is shared.
    second = engine === 'postgres' ? await openRuntime(t.rt.config, { migrate: false }) : t.rt;
    fgj = await t.unitId('fgj');
    jyj = await t.unitId('jyj');
  });
  afterAll(async () => {
    if (second && second !== t?.rt) await second.close();
    await t?.close();
  });

  /** An item waiting at the final stage, inserted directly (the stages before are tested through the API). */
  async function atFinalStage(unitId: string, n: number): Promise<string> {
    const column = await t.rt.deps.store.read((r) => r.catalogue.columnByCode(unitId, 'gzdt'));
    const id = t.rt.deps.newId();
    const now = new Date().toISOString();
    const item: PublicationItem = {
      id, unitId, columnId: column!.id, status: 'inReview', stage: 3, title: `并发发布测试信息${n}`, summary: '测试', bodyHtml: '<p>正文</p>',
      publisher: '安澜市', docNumber: null, createdOn: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
      subject: '综合政务\\政务公开', genre: '新闻', keywords: [], disclosureMethod: '主动公开', disclosurePeriod: '常年公开', disclosureScope: '面向全社会',
      validity: null, effectiveOn: null, validityChangedOn: null, indexNumber: null, publishedAt: null, publishedOn: null, publishAt: null,
      workingDays: null, timeLimitDays: null, correctedAt: null, correctionNote: null, withdrawnAt: null, withdrawalReason: null, pending: null,
      createdBy: null, createdByName: '测试', createdAt: now, updatedAt: now,
    };
    await t.rt.deps.store.write((r) => r.publications.insert(item));
    return id;
  }

  const serialOf = (indexNumber: string) => Number(indexNumber.split('-').pop());

  it('many parallel publications through two runtimes get distinct, gap-free serials', async () => {
    const ids = await Promise.all(Array.from({ length: 24 }, (_, i) => atFinalStage(fgj, i)));
    const results = await Promise.all(ids.map((id, i) => approveItem(i % 2 ? second.deps : t.rt.deps, HEAD, id, {})));
    const numbers = results.map((r) => r.item.indexNumber as string);
    const code = (await t.rt.deps.store.read((r) => r.units.get(fgj)))!.code!;
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    for (const n of numbers) expect(n).toMatch(new RegExp(`^${code}/${year}-\\d{5}$`));
    expect(new Set(numbers).size).toBe(24);
    expect(numbers.map(serialOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('the counter itself is race-free: 60 concurrent takes from two pools are 1…60', async () => {
    const takes = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? second : t.rt).deps.store.write((r) => r.publications.nextSerial(jyj, 2031))));
    expect(takes.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('serials are per unit and per year', async () => {
    const other = await approveItem(t.rt.deps, HEAD, await atFinalStage(await t.unitId('zrzyj'), 0), {});
    expect(serialOf(other.item.indexNumber!)).toBe(1);
    expect(await t.rt.deps.store.write((r) => r.publications.nextSerial(fgj, 2030))).toBe(1);
  });

  it('a withdrawn item keeps its 索引号 and the number is never given again', async () => {
    const a = (await approveItem(t.rt.deps, HEAD, await atFinalStage(fgj, 100), {})).item;
    await requestWithdrawal(t.rt.deps, CLERK, a.id, { reason: '发布有误' });
    const w = await decidePending(t.rt.deps, HEAD, a.id, 'withdraw', true, {});
    expect(w.indexNumber).toBe(a.indexNumber);
    const b = (await approveItem(t.rt.deps, HEAD, await atFinalStage(fgj, 101), {})).item;
    expect(serialOf(b.indexNumber!)).toBe(serialOf(a.indexNumber!) + 1);
    const all = await t.rt.deps.store.read((r) => r.publications.list({ unitIds: [fgj], offset: 0, limit: 500 }));
    const numbers = all.items.map((i) => i.indexNumber).filter(Boolean);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('the 组织机构代码 prefix and serial width are configurable', async () => {
    const zfb = await t.unitId('zfb');
    await t.rt.deps.store.write((r) => r.catalogue.putSettings({
      unitId: zfb, stages: [{ name: '终审', roles: ['officeAdmin'], confidentialityReview: true }], fourEyes: true, indexPrefixSource: 'orgCode', indexSerialWidth: 7, updatedAt: new Date().toISOString(),
    }));
    const code = (await t.rt.deps.store.read((r) => r.units.get(zfb)))!.code!;
    const id = await atFinalStage(zfb, 0);
    await t.rt.deps.store.write(async (r) => {
      const i = (await r.publications.get(id))!;
      await r.publications.updateIf({ ...i, stage: 1 }, { status: 'inReview', stage: 3 });
    });
    const item = (await approveItem(t.rt.deps, HEAD, id, { confidentialityConfirmed: true })).item;
    expect(item.indexNumber).toBe(`${code.slice(8, 17)}/${item.publishedOn!.slice(0, 4)}-0000001`);
  });
});
