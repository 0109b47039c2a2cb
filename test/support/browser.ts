/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium, installed by .ci/run) with playwright-core.
 * No browser is ever downloaded. CHROMIUM_PATH overrides the location.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  const ok = fs.existsSync(CHROMIUM_PATH);
  if (!ok && process.env.CI === 'true') throw new Error(`CI=true requires Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
  return ok;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--no-first-run',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

/** Starts the real app on a random loopback port for a browser to visit. */
export async function listen(app: import('fastify').FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return `http://127.0.0.1:${addr.port}`;
}
