/**
 * The shipped catalog as a whole: every act and service passes the schema, ids are unique, the
 * counts per act are those of the seeds, and every step cites lines inside its seed file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, servicesFor } from '../../src/domain/catalog';
import { actSchema, serviceSchema } from '../../src/domain/catalog/schema';

const SEEDS = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');

describe('catalog', () => {
  it('passes the schema', () => {
    for (const act of CATALOG.acts) expect(() => actSchema.parse(act), act.id).not.toThrow();
    for (const service of CATALOG.services)
      expect(() => serviceSchema.parse(service), service.id).not.toThrow();
  });

  it('holds the 36 regulations of the five acts, one of them deleted', () => {
    const perAct = Object.fromEntries(
      CATALOG.acts.map((a) => [a.id, CATALOG.services.filter((s) => s.actId === a.id).length]),
    );
    expect(perAct).toEqual({ '000': 10, '001': 2, '002': 3, '003': 20, '004': 1 });
    expect(new Set(CATALOG.services.map((s) => s.id)).size).toBe(36);
    expect(CATALOG.services.filter((s) => s.isDeleted).map((s) => s.id)).toEqual(['002-02']);
  });

  it('cites seed lines that exist', () => {
    const lineCounts = new Map<string, number>();
    const linesOf = (seed: string) => {
      if (!lineCounts.has(seed)) {
        lineCounts.set(seed, readFileSync(join(SEEDS, seed), 'utf8').split('\n').length);
      }
      return lineCounts.get(seed) ?? 0;
    };
    for (const service of CATALOG.services) {
      for (const channel of Object.values(service.channels)) {
        for (const step of channel?.steps ?? []) {
          const [from, to] = step.source.lines;
          expect(from, `${service.id}/${step.id}`).toBeLessThanOrEqual(to);
          expect(to, `${service.id}/${step.id}`).toBeLessThanOrEqual(linesOf(step.source.seed));
        }
      }
    }
  });

  it('offers for akimat intake only channels with steps', () => {
    const offered = servicesFor(CATALOG, ['003', '004'], 'akim').map((s) => s.id);
    expect(offered).toContain('003-06');
    expect(offered).toContain('004-01');
    for (const id of offered) expect(id.startsWith('003') || id.startsWith('004')).toBe(true);
    // 000-02 names an akim channel whose steps were in a lost appendix: not offered.
    expect(servicesFor(CATALOG, ['000'], 'akim').map((s) => s.id)).not.toContain('000-02');
  });

  it('cites paragraphs that start in the seed before the cited lines', () => {
    let cited = 0;
    for (const id of ['003-06', '004-01']) {
      const service = CATALOG.services.find((s) => s.id === id);
      expect(service, id).toBeDefined();
      for (const channel of Object.values(service?.channels ?? {})) {
        for (const step of channel?.steps ?? []) {
          const { seed, lines, paragraph } = step.source;
          if (paragraph === undefined) continue;
          cited += 1;
          const text = readFileSync(join(SEEDS, seed), 'utf8').split('\n');
          const start = new RegExp(`^\\s*${paragraph.replace('.', '\\.')}\\.`);
          const before = text.slice(Math.max(0, lines[0] - 400), lines[0]);
          expect(
            before.some((line) => start.test(line)),
            `${id}/${step.id}: paragraph ${paragraph} before line ${lines[0]}`,
          ).toBe(true);
        }
      }
    }
    expect(cited).toBeGreaterThan(0);
  });
});
