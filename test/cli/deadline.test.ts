import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync('node', ['bin/gongkai.js', ...args], { encoding: 'utf8' });

describe('gongkai deadline / fee (the reviewer\'s check against the official calendar)', () => {
  beforeAll(() => {
    if (!fs.existsSync('dist/cli.js')) execFileSync('node', ['scripts/build.mjs', 'server']);
  });

  it('prints the due date on its first line', () => {
    expect(run('deadline', '2024-12-27').stdout.split('\n')[0]).toBe('2025-01-26');
    expect(run('deadline', '2025-09-26', '--days', '7').stdout.split('\n')[0]).toBe('2025-10-13');
    expect(run('deadline', '2026-02-10').stdout.split('\n')[0]).toBe('2026-03-16');
  });

  it('applies correction restart, pauses and extension', () => {
    const r = run('deadline', '2025-03-03', '--correction-received', '2025-03-10');
    expect(r.stdout.split('\n')[0]).toBe('2025-04-08');
    expect(run('deadline', '2025-03-03', '--pause', '2025-03-10..2025-03-14').stdout.split('\n')[0]).toBe('2025-04-08');
    expect(run('deadline', '2025-03-03', '--extension', '20').stdout.split('\n')[0]).toBe('2025-04-28');
  });

  it('--json gives due, provisional and the steps', () => {
    const j = JSON.parse(run('deadline', '2026-12-15', '--json').stdout);
    expect(j.due).toBe('2027-01-12');
    expect(j.provisional).toBe(true);
    expect(j.steps.some((s: { code: string }) => s.code === 'provisional')).toBe(true);
  });

  it('refuses bad input with a Chinese message and a non-zero exit', () => {
    const bad = run('deadline', '2025-02-30');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('不是有效日期');
    expect(run('deadline', '2025-03-03', '--extension', '30').stderr).toContain('最长不得超过20个工作日');
    expect(run('deadline', '2025-03-03', '--pause', '2025-03-10').stderr).toContain('格式应为');
  });

  it('computes fees by one method only', () => {
    expect(run('fee', '--pages', '150').stdout.split('\n')[0]).toBe('1700');
    expect(run('fee', '--per-application', '31').stdout.split('\n')[0]).toBe('200');
    expect(run('fee', '--pages', '3', '--per-application', '2').status).toBe(1);
  });
});
