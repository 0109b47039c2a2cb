/**
 * axe-core in browser tests, as readable findings: `id (impact): help @ [first three targets]`.
 * `serious` holds the serious and critical findings, `all` every finding.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/** WCAG 2.0 A and AA. */
export const WCAG2 = ['wcag2a', 'wcag2aa'] as const;
/** WCAG 2.0 and 2.1 A and AA. */
export const WCAG21 = [...WCAG2, 'wcag21a', 'wcag21aa'] as const;

interface Violation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }
export interface AxeFindings { serious: string[]; all: string[] }

const show = (v: Violation) => `${v.id} (${v.impact}): ${v.help} @ ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`;

function findings(violations: Violation[]): AxeFindings {
  return { serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(show), all: violations.map(show) };
}

/**
 * The admin (React) pages: axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
 * Colour contrast is judged on the theme, not here.
 */
export async function adminAxe(page: Page, tags: readonly string[] = WCAG2): Promise<AxeFindings> {
  axeSource ??= fs.readFileSync(AXE_PATH, 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values }, rules: { 'color-contrast': { enabled: false } } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, [...tags]);
  return findings(violations);
}

/**
 * The server-rendered portal: WCAG 2.1 A/AA and axe's best practices, colour contrast included. The portal CSP
 * forbids every script, so the page's context must be opened with `bypassCSP: true` (for the axe script alone).
 */
export async function portalAxe(page: Page): Promise<AxeFindings> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return findings(violations);
}
