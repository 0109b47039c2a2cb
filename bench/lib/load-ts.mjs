// Bundles a TypeScript module of the project with esbuild into .bench/ and imports it, so benchmarks measure
// the same code the server runs without a separate compile step.
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function loadTs(relPath) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  const outfile = path.join(root, '.bench', relPath.replace(/[\\/]/g, '_').replace(/\.ts$/, '.mjs'));
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({ entryPoints: [path.join(root, relPath)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', external: [...external, ...external.map((e) => `${e}/*`)], logLevel: 'warning' });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
}

export function machine() {
  let cpu = 'unknown';
  try {
    cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? cpu;
  } catch {}
  return { cpu, cores: (globalThis.navigator?.hardwareConcurrency ?? 0) || undefined, node: process.version };
}

export function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells) => '| ' + cells.map((v, i) => String(v).padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(columns));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(columns.map((c) => r[c] ?? '')));
}
