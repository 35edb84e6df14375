/**
 * The services whose result the village issues itself, on the akim's signature: 000-01 and
 * 003-16, both the certificate of belonging to targeted social assistance recipients; 003-16's
 * is for the current quarter (its catalog result: "ағымдағы тоқсанда"). The case screen reads it
 * to offer the certificate; the paper to print it. Kept apart from the paper so the case screen
 * does not load the paper's code.
 */
export const VILLAGE_RESULTS: Readonly<Record<string, { isQuarterly: boolean }>> = {
  '000-01': { isQuarterly: false },
  '003-16': { isQuarterly: true },
};

export function isVillageResult(serviceId: string): boolean {
  return Object.hasOwn(VILLAGE_RESULTS, serviceId);
}
