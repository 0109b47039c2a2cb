#!/usr/bin/env node
// Entry point of the `gongkai` command. The TypeScript sources are compiled to dist/ by `npm run build`
// (run automatically by `npm ci`/`npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('gongkai: 尚未构建，请先运行 npm run build (not built yet: run `npm run build`)');
  process.exit(1);
}
await import(cli.href);
