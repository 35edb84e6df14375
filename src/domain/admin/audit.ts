/**
 * The audit of one person as the server answers it and the admin screen and `audit --json` show
 * it: what they recorded (each event's type and case number), when (the device's time, and when
 * the server received it), on which device (its name, or its office and number), and whether
 * it came proved by the person's key. Plain data.
 */
export interface AuditEntry {
  eventId: string;
  serverSeq: number;
  type: string;
  caseId: string;
  regNumber: string | null;
  officeId: string;
  deviceId: string;
  deviceName: string | null;
  /** the device's number within its office; null for a device the store no longer knows */
  deviceNo: number | null;
  deviceOfficeId: string | null;
  /** when the person recorded it, as the device's clock said (with its offset) */
  deviceTime: string;
  /** when the server received it */
  serverTime: string;
  /**
   * `verified`: it came with the proof of the person's key on that device, checked when the
   * server took it; `predates-proof`: taken before proofs existed (ADR 0015)
   */
  proof: AuditProof;
}

export type AuditProof = 'verified' | 'predates-proof';

export interface AuditPage {
  staffId: string;
  from: string;
  to: string;
  total: number;
  offset: number;
  limit: number;
  entries: AuditEntry[];
}

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE_SIZE = 500;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A period of whole local dates, from ≤ to; the problem's `field` names the wrong end. */
export function periodProblem(
  from: string,
  to: string,
): { code: 'date-invalid'; details: { field: string } } | null {
  const isDate = (d: string) => ISO_DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
  if (!isDate(from)) return { code: 'date-invalid', details: { field: 'from' } };
  if (!isDate(to) || to < from) return { code: 'date-invalid', details: { field: 'to' } };
  return null;
}
