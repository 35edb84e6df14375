/**
 * Every failure the product reports is a string code from this registry, end to end: the
 * domain returns it, the server sends it in its error envelope, the device stores it next to a
 * rejected event, and `i18n` turns it into Kazakh or Russian text. The HTTP status for each code
 * lives here too, so the server maps codes to statuses in one place.
 */
export const ERROR_CODES = {
  // input
  'iin-length': 422,
  'iin-not-digits': 422,
  'iin-checksum': 422,
  'iin-never-issued': 422,
  'field-required': 422,
  'service-unknown': 422,
  'channel-unknown': 422,
  'documents-incomplete': 422,
  'documents-expired': 422,
  'refusal-documents-required': 422,
  'iin-birth-date-future': 422,
  'phone-invalid': 422,
  'consent-required': 422,
  'representative-is-applicant': 422,
  'date-invalid': 422,
  'date-in-future': 422,
  'refusal-reason-required': 422,
  'refusal-ground-unknown': 422,
  'refusal-ground-required': 422,
  'return-reason-required': 422,
  'document-unknown': 422,
  'decision-required': 422,
  'representative-required': 422,
  'correction-invalid': 422,
  'correction-stale': 409,
  'duplicate-open-case': 409,
  'variant-unknown': 422,
  'executor-unknown': 422,
  'commission-members-required': 422,
  'batch-empty': 422,
  'selection-empty': 422,
  'checklist-from-regulation': 422,
  'document-id-duplicate': 422,
  'calendar-invalid': 422,
  'acts-unknown': 422,
  'office-hours-invalid': 422,
  // the district administrator's input
  'pin-invalid': 422,
  'staff-name-invalid': 422,
  'staff-role-office': 422,
  'staff-self': 409,
  'office-details-invalid': 422,
  'device-name-invalid': 422,
  'unsent-file-invalid': 422,
  'unsent-file-device-unknown': 422,
  'report-period-invalid': 422,
  offline: 503,
  // events and transitions
  'event-schema-invalid': 422,
  'event-type-unknown': 422,
  'case-not-found': 409,
  'case-already-exists': 409,
  'transition-not-allowed': 409,
  'step-not-in-process': 422,
  'role-not-allowed': 403,
  'case-not-in-scope': 403,
  'channel-not-at-desk': 403,
  'office-mismatch': 403,
  'device-mismatch': 403,
  'staff-unknown': 403,
  'proof-missing': 403,
  'proof-invalid': 403,
  'push-proof-invalid': 403,
  'event-id-conflict': 409,
  'sequence-gap': 409,
  // requests
  'body-invalid': 400,
  'body-too-large': 413,
  'cursor-invalid': 400,
  'not-found': 404,
  'rate-limited': 429,
  'iin4-invalid': 400,
  'lang-unknown': 400,
  // devices and people
  unauthorized: 401,
  'device-revoked': 401,
  'enroll-code-invalid': 400,
  'enroll-code-used': 409,
  'pin-wrong': 401,
  'pin-locked': 423,
  'pin-change-required': 409,
  'sign-in-needs-connection': 503,
  'admin-session-required': 401,
  'session-proof-invalid': 403,
  'office-unknown': 404,
  'protocol-unsupported': 426,
  // infrastructure
  network: 503,
  'server-error': 500,
  'storage-failed': 500,
  // the device's disk is full: nothing of the action was written
  'storage-full': 507,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function httpStatusFor(code: ErrorCode): number {
  return ERROR_CODES[code];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** A domain failure: a code plus plain details that the translation may interpolate. */
export interface Problem {
  code: ErrorCode;
  details?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(
  code: ErrorCode,
  details?: Record<string, string | number>,
): Result<T> => ({ ok: false, problem: details ? { code, details } : { code } });
