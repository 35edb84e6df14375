/**
 * The outlines the reducer reads instead of the whole catalog are the catalog's own, and no
 * catalog edition changes a step.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/domain/catalog';
import { applyEdition } from '../../src/domain/catalog/editions';
import { PROCESS_OUTLINES, processOutlines } from '../../src/domain/process/outline';

describe('process outlines', () => {
  it('are derived from the catalog (`vitest -u` rewrites them after a catalog change)', async () => {
    await expect(`${JSON.stringify(processOutlines(CATALOG), null, 2)}\n`).toMatchFileSnapshot(
      '../../src/domain/process/outlines.json',
    );
    expect(PROCESS_OUTLINES).toEqual(processOutlines(CATALOG));
  });

  it('hold for an edition: editions complete checklists, never change steps', () => {
    const perStandard = CATALOG.services.filter((s) => s.checklist.kind === 'per_standard');
    const edited = applyEdition({
      version: '2026.1+1',
      baseVersion: '2026.1',
      createdAt: '2026-03-02T10:00:00',
      createdBy: 'admin-1',
      checklists: Object.fromEntries(
        perStandard.map((s) => [
          s.id,
          [{ id: 'statement', name: { kk: 'Өтініш', ru: 'Заявление' } }],
        ]),
      ),
    });
    expect(processOutlines(edited)).toEqual(PROCESS_OUTLINES);
  });
});
