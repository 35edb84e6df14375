/**
 * The server's native digests for the domain's hot paths: SHA-256 for event ids
 * (`deriveEventId`), the same bytes as the app's @noble/hashes in about a third of the time —
 * every pushed event and every event of a pull page has its id made again from its envelope —
 * and HMAC-SHA256 for events' proofs (`Mac`), which the server makes again for every pushed
 * event (ADR 0015) in about half the time of the JavaScript one.
 */
import { createHmac, hash } from 'node:crypto';
import type { Sha256 } from '../src/domain/case/event-id';
import type { Mac } from '../src/domain/identity/proof';

export const nodeSha256: Sha256 = (text) => hash('sha256', text, 'buffer');

export const nodeMac: Mac = (key, message) =>
  createHmac('sha256', key).update(message, 'utf8').digest();
