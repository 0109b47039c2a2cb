import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the Vite build of the admin app lands (dist/admin), found from this file in src/ or dist/. */
export function adminDistDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Bundled: dist/cli.js → dist/admin. From sources (tests): src/http → ../../dist/admin.
  for (const c of [path.resolve(here, 'admin'), path.resolve(here, '../../dist/admin')]) {
    if (fs.existsSync(path.join(c, 'index.html'))) return c;
  }
  return path.resolve(here, 'admin');
}

/**
 * Serves the admin single-page app. Built assets (content-hashed names) are looked up on disk at request time
 * and answer 404 when missing, so a rebuilt app never receives index.html in place of a script; every other
 * /admin path gets index.html (client-side routes).
 */
export async function registerAdmin(app: FastifyInstance): Promise<void> {
  const root = adminDistDir();
  const indexFile = path.join(root, 'index.html');
  await app.register(fastifyStatic, { root: path.join(root, 'assets'), prefix: '/admin/assets/', decorateReply: false, index: false, wildcard: true, maxAge: '365d', immutable: true });
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) => {
    if (!fs.existsSync(indexFile)) return reply.status(503).type('text/plain; charset=utf-8').send('管理后台尚未构建：请运行 npm run build');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await fs.promises.readFile(indexFile));
  };
  app.get('/admin', sendIndex);
  app.get('/admin/*', sendIndex);
}
