/**
 * Catalog editions. The catalog shipped with the app is edition `CATALOG_VERSION`; when a
 * district administrator completes a checklist the seeds do not hold (the regulation only refers
 * to the national Standard), the server records a new edition: the base version plus an
 * overlay of the documents added. A case keeps the version it was registered under, so an
 * edition never changes the rules of a case already accepted.
 */
import { z } from 'zod';
import type { Problem } from '../errors';
import { CATALOG, CATALOG_VERSION, type Catalog } from './index';
import { localizedSchema } from './schema';

// Applying an edition needs no schema library: the device does it at start-up.
export { applyEdition, currentEdition } from './overlay';

export const adminDocumentSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/),
  name: z.object({ kk: z.string().trim().min(2).max(300), ru: z.string().trim().min(2).max(300) }),
  isOptional: z.boolean().optional(),
  condition: localizedSchema.optional(),
});
export type AdminDocument = z.infer<typeof adminDocumentSchema>;

export const catalogEditionSchema = z.object({
  version: z.string(),
  baseVersion: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** service id → the documents the administrator listed for a `per_standard` checklist */
  checklists: z.record(z.string(), z.array(adminDocumentSchema)),
});
export type CatalogEdition = z.infer<typeof catalogEditionSchema>;

/** `2026.1+3`: the third edition made on top of the shipped catalog 2026.1. */
export function editionVersion(sequence: number): string {
  return sequence === 0 ? CATALOG_VERSION : `${CATALOG_VERSION}+${sequence}`;
}

/** Why an administrator's checklist cannot be taken, or null. */
export function checklistEditProblem(
  serviceId: string,
  documents: readonly AdminDocument[],
  base: Catalog = CATALOG,
): Problem | null {
  const service = base.services.find((s) => s.id === serviceId);
  if (!service || service.isDeleted) return { code: 'service-unknown', details: { serviceId } };
  // A list the regulation itself gives is the law; only a missing one may be completed.
  if (service.checklist.kind !== 'per_standard') return { code: 'checklist-from-regulation' };
  if (new Set(documents.map((d) => d.id)).size !== documents.length) {
    return { code: 'document-id-duplicate' };
  }
  return null;
}
