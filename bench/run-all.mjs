// Runs every benchmark in turn (npm run bench). Each prints its own table; none is part of npm test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
const scripts = fs.readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'run-all.mjs').sort();
for (const s of scripts) {
  console.log(`\n=== ${s}`);
  const r = spawnSync('node', [path.join(dir, s), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`(${s} exited with ${r.status})`);
}
