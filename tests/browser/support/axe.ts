/**
 * axe-core in a page: its source evaluated in the page (through the debugging protocol, so a
 * page's Content-Security-Policy — the citizen's status page allows no script — does not stop
 * it), run on the whole document, and the violations a person is hurt by most (impact serious or
 * critical) returned with a report that names each rule, its impact, the elements and the fix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), {
  encoding: 'utf8',
});

const BLOCKING = new Set(['serious', 'critical']);

export interface Violation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** each offending element's CSS selector, with axe's summary of what is wrong with it */
  nodes: { target: string; summary: string }[];
}

/** Runs axe on the page as it is now; the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const isLoaded = await page.evaluate(() => 'axe' in window);
  if (!isLoaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
    return axe.run(document);
  });
  return results.violations
    .filter((v: Result) => BLOCKING.has(v.impact ?? ''))
    .map((v: Result) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
}

/** A readable report of violations: '' when there are none. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
        ...v.nodes.map((n) => `  ${n.target}\n    ${n.summary}`),
      ].join('\n'),
    )
    .join('\n');
}
