/**
 * A full disk, told apart from every other failed write. The browser refuses a write beyond the
 * site's quota with a `QuotaExceededError` DOMException — thrown by the request, or, more often,
 * set on the transaction when it fails to commit — and Dexie hands it on wrapped: as its own
 * `QuotaExceededError`, or as the `inner` of an `AbortError` (the transaction aborted because of
 * it), or among the `failures` of a `BulkError`. Firefox names it `NS_ERROR_DOM_QUOTA_REACHED`
 * in older releases; legacy DOMExceptions carry code 22. A write that fails for want of space
 * never wrote anything: the transaction rolled back, so what the device held before is intact.
 */

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** `DOMException.QUOTA_EXCEEDED_ERR` */
const QUOTA_CODE = 22;

/** Whether `error`, or anything it wraps, says the site's storage is full. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  // Wrapping chains are short; the bound only guards against an error that wraps itself.
  if (depth > 8 || error === null || typeof error !== 'object') return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  if (typeof DOMException !== 'undefined' && error instanceof DOMException) {
    if (e.code === QUOTA_CODE) return true;
  }
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

/** A write refused for want of space; nothing of it was stored. */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('storage-full', { cause });
    this.name = 'StorageFullError';
  }
}
