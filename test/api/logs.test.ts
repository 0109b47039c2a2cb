/**
 * Personal data never reaches the logs: the server logs at debug level (every request line) while an applicant
 * applies online, staff view the full record and handle it, and an error is raised; the captured log lines must
 * not contain the applicant's name, ID number, phone, e-mail or address.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { initDemo } from '../../src/cli/init.js';
import { freshDatabase, type TestDatabase } from '../support/engines.js';

const SECRETS: [string, string, string, string, string] = ['欧阳明月', '11010519491231002X', '13912345678', 'ouyang@example.cn', '府前大道100号'];

describe('logs', () => {
  let rt: Runtime;
  let db: TestDatabase;
  let lines = '';
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    db = await freshDatabase('sqlite');
    const config = db.config({ LOG_LEVEL: 'debug' });
    rt = await openRuntime(config);
    await initDemo(rt);
    const logStream = new Writable({ write(chunk, _enc, done) { lines += chunk.toString(); done(); } });
    app = await buildApp({ deps: rt.deps, config, onWrite: rt.onWrite, engine: rt.db.engine }, { logStream });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await rt?.close();
    await db?.drop();
  });

  it('carry no personal data of applicants', async () => {
    const fgj = (await rt.deps.store.read((r) => r.units.getBySlug('fgj')))?.id as string;
    const applicant = { type: 'natural', name: SECRETS[0], idNumber: SECRETS[1], phone: SECRETS[2], email: SECRETS[3], address: `安澜市${SECRETS[4]}` };
    const res = await app.inject({ method: 'POST', url: '/api/v1/public/applications?idNumber=11010519491231002X', payload: { unitId: fgj, applicant, description: '日志测试申请', provisionForm: 'email', deliveryMethod: 'email' } });
    expect(res.statusCode).toBe(201);
    // A rejected submission (bad ID) is logged too, without its content.
    await app.inject({ method: 'POST', url: '/api/v1/public/applications', payload: { unitId: fgj, applicant: { ...applicant, idNumber: '110105194912310021' }, description: 'x', provisionForm: 'email', deliveryMethod: 'email' } });
    await app.inject({ method: 'POST', url: `/u/fgj/apply`, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: rt.config.publicUrl }, payload: new URLSearchParams({ type: 'natural', name: SECRETS[0], idNumber: SECRETS[1], phone: SECRETS[2], email: SECRETS[3], address: SECRETS[4], description: '表单日志测试', provisionForm: 'email', deliveryMethod: 'email' }).toString() });
    expect(lines.length).toBeGreaterThan(0); // request lines were written at debug level
    expect(lines).toContain('/api/v1/public/applications');
    for (const s of SECRETS) expect(lines, s).not.toContain(s);
  });
});
