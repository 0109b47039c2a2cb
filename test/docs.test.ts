import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../src/config.js';

describe('README', () => {
  const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  it('documents every configuration variable the code reads', () => {
    for (const v of CONFIG_VARIABLES) expect(readme, v.name).toContain(`\`${v.name}\``);
  });
  it('gives the two commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});

describe('configuration reference', () => {
  it('lists every variable src/config.ts reads', () => {
    const src = fs.readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const read = new Set([...src.matchAll(/env\.([A-Z_]+)/g), ...src.matchAll(/(?:int|bool)\('([A-Z_]+)'/g)].map((m) => m[1] as string));
    const listed = new Set(CONFIG_VARIABLES.map((v) => v.name));
    expect([...read].filter((n) => !listed.has(n))).toEqual([]);
  });
});
