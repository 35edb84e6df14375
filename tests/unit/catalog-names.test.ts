/**
 * The names index the journal and the other case lists read instead of the whole catalog: it is
 * the catalog's own names, and no catalog edition names a service differently or adds one.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/domain/catalog';
import { applyEdition, type CatalogEdition } from '../../src/domain/catalog/editions';
import { SERVICE_NAMES, serviceNames } from '../../src/domain/catalog/names';

describe('service names index', () => {
  it('is derived from the catalog (`vitest -u` rewrites it after a catalog change)', async () => {
    await expect(`${JSON.stringify(serviceNames(CATALOG), null, 2)}\n`).toMatchFileSnapshot(
      '../../src/domain/catalog/service-names.json',
    );
    expect(SERVICE_NAMES).toEqual(serviceNames(CATALOG));
  });

  it('names every service, deleted ones too (old cases still show their service)', () => {
    for (const service of CATALOG.services) {
      expect(SERVICE_NAMES[service.id], service.id).toEqual(service.name);
    }
    expect(Object.keys(SERVICE_NAMES)).toHaveLength(CATALOG.services.length);
  });

  it('holds for an edition: editions complete checklists, never rename or add services', () => {
    const perStandard = CATALOG.services.filter((s) => s.checklist.kind === 'per_standard');
    expect(perStandard.length).toBeGreaterThan(0);
    const edition: CatalogEdition = {
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
    };
    const edited = applyEdition(edition);
    expect(edited.services.some((s, i) => s !== CATALOG.services[i])).toBe(true);
    expect(serviceNames(edited)).toEqual(SERVICE_NAMES);
  });
});
