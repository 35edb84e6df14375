/**
 * The audit of one person for the district administrator and the command line: the events they
 * recorded in a period, newest first, paged, with case numbers and device names, and whether each
 * came proved by her key (ADR 0015).
 */
import { type AuditEntry, type AuditPage, periodProblem } from '../../src/domain/admin/audit';
import type { Db } from '../db/types';
import { ApiError } from '../http/errors';
import { auditPage, caseNumbers } from '../queries/audit';
import { findDistrictPerson } from '../queries/staff';
import { type AdminAsker, requireAdmin } from './admin-session';

export interface AuditQuery {
  personId: string;
  from: string;
  to: string;
  offset: number;
  limit: number;
}

/** Who asks: the administrator (their district's people only) or the command line (anyone). */
export type AuditAuthority = { kind: 'admin'; asker: AdminAsker; now: Date } | { kind: 'cli' };

export async function auditOf(
  db: Db,
  authority: AuditAuthority,
  query: AuditQuery,
): Promise<AuditPage> {
  if (authority.kind === 'admin') await requireAdmin(db, authority.asker, authority.now);
  const problem = periodProblem(query.from, query.to);
  if (problem) throw new ApiError(problem.code, 'period not accepted', problem.details);
  if (authority.kind === 'admin') {
    const districtId = authority.asker.device.office.districtId;
    const person = await findDistrictPerson(db, districtId, query.personId);
    if (!person) throw new ApiError('not-found', 'no such person in this district');
  } else {
    const known = await db.first('SELECT id FROM staff WHERE id = ?', [query.personId]);
    if (!known) throw new ApiError('not-found', 'no such person');
  }
  const { rows, total } = await auditPage(
    db,
    query.personId,
    query.from,
    query.to,
    query.offset,
    query.limit,
  );
  const numbers = await caseNumbers(db, [...new Set(rows.map((r) => r.case_id))]);
  const entries = rows.map((row): AuditEntry => {
    const content = JSON.parse(row.content) as { deviceTime?: string };
    return {
      eventId: row.id,
      serverSeq: Number(row.server_seq),
      type: row.type,
      caseId: row.case_id,
      regNumber: numbers.get(row.case_id) ?? null,
      officeId: row.office_id,
      deviceId: row.device_id,
      deviceName: row.device_name,
      deviceNo: row.device_no === null ? null : Number(row.device_no),
      deviceOfficeId: row.device_office_id,
      deviceTime: content.deviceTime ?? '',
      serverTime: row.server_time,
      // Every event taken with a proof had it checked then; only those before proofs lack one.
      proof: row.proof === null ? 'predates-proof' : 'verified',
    };
  });
  return {
    staffId: query.personId,
    from: query.from,
    to: query.to,
    total,
    offset: query.offset,
    limit: query.limit,
    entries,
  };
}
