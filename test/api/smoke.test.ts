import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testEngines } from '../support/engines.js';

const ENGINES = await testEngines();

describe.each(ENGINES)('smoke on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('admin sees the demo tree', async () => {
    const res = await t.admin.get('/api/v1/units');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { name: string }) => u.name)).toContain('安澜市教育局');
  });
});
