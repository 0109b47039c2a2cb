/**
 * Test support for notices: a small Fastify instance carrying only the notice routes (the real app is built by
 * buildTestApp and is already `ready()`), sharing its runtime, sessions and error handling, and the external
 * tools the document assertions use. Missing tools skip those assertions with a reason, except under CI=true.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { noticeRoutes } from '../../src/http/api/notices.routes.js';
import { registerAuth } from '../../src/http/plugins/auth.js';
import { registerErrorHandling } from '../../src/http/plugins/errors.js';
import { registerSecurityHeaders } from '../../src/http/plugins/security-headers.js';
import type { Client, TestApp } from '../support/app.js';

export const run = promisify(execFile);

export async function buildNoticeApp(t: TestApp): Promise<FastifyInstance> {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, (status, message) => `<p>${status} ${message}</p>`);
  registerSecurityHeaders(app, { hsts: false });
  await app.register(fastifyCookie);
  registerAuth(app, t.rt.deps, t.rt.config);
  await app.register(noticeRoutes({ deps: t.rt.deps, config: t.rt.config, onWrite: t.rt.onWrite, engine: t.rt.db.engine }), { prefix: '/api/v1' });
  await app.ready();
  return app;
}

/** The same logged-in client, talking to the notice app. */
export function on(app: FastifyInstance, c: Client) {
  const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, payload: payload as never, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf } });
  return { get: (u: string) => send('GET', u), post: (u: string, b: unknown = {}) => send('POST', u, b), put: (u: string, b: unknown) => send('PUT', u, b) };
}

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

export interface Tool {
  path: string | null;
  /** Why the assertions that need it are skipped; null when they run. */
  skip: string | null;
}

/** A Debian tool: present, or skipped with the package to install; under CI=true its absence fails the suite. */
export function tool(cmd: string, debianPackage: string): Tool {
  const p = which(cmd);
  if (p) return { path: p, skip: null };
  const why = `${cmd} 不可用：请安装 Debian 软件包 ${debianPackage}（apt-get install -y --no-install-recommends ${debianPackage}）`;
  if (process.env.CI === 'true') throw new Error(`CI=true 时必须运行文档检查，${why}`);
  return { path: null, skip: why };
}

export async function pdfText(pdftotext: string, file: string): Promise<string> {
  const { stdout } = await run(pdftotext, ['-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
  // Lines are wrapped where the page wraps them: compare on the text without line breaks.
  return stdout.replace(/[\s\f]+/g, '');
}
