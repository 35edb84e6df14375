/**
 * The district administrator's changes to reference data: which acts apply in the district, a
 * checklist completed where the seeds only refer to the national Standard (a new catalog
 * edition), a calendar year (next year's Kurban ait and transfer order, or a correction), and
 * an office's hours (from when a late submission counts).
 * Each runs in one transaction, checks that a district administrator in a session on the calling
 * district device asked for it (`admin-session.ts`), and bumps the reference version so every
 * device refetches.
 */
import { z } from 'zod';
import {
  DEVICE_NAME_MAX_LENGTH,
  deviceNameProblem,
  tidyDeviceName,
} from '../../src/domain/admin/devices';
import {
  buildCalendarYear,
  CalendarInputError,
  type CalendarYearInput,
} from '../../src/domain/calendar';
import { CATALOG } from '../../src/domain/catalog';
import {
  adminDocumentSchema,
  type CatalogEdition,
  checklistEditProblem,
  editionVersion,
} from '../../src/domain/catalog/editions';
import { CATALOG_VERSION } from '../../src/domain/catalog/index';
import { hoursProblem, type OfficeHours } from '../../src/domain/hours';
import { normalizePublicUrl, PUBLIC_URL_MAX_LENGTH } from '../../src/domain/status-page';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import { ApiError } from '../http/errors';
import {
  insertEdition,
  listEditions,
  setDistrictActs,
  setOfficeHours,
  upsertCalendarYear,
} from '../queries/admin';
import { listDevices, revokeDevice, setDeviceName } from '../queries/devices';
import { bumpReferenceVersion, getOffice, setDistrictPublicUrl } from '../queries/reference';
import { type AdminAsker, requireAdmin } from './admin-session';
import { issueEnrollCode } from './enroll';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const actsRequestSchema = z.object({
  actIds: z.array(z.string().regex(/^\d{3}$/)).max(50),
});
export const checklistRequestSchema = z.object({
  serviceId: z.string().regex(/^\d{3}-\d{2}$/),
  documents: z.array(adminDocumentSchema).max(60),
});
export const calendarRequestSchema = z.object({
  kurbanAit: isoDate.nullable(),
  transfers: z
    .array(
      z.object({ dayOff: isoDate, workDay: isoDate, order: z.string().trim().min(1).max(300) }),
    )
    .max(20),
  source: z.string().trim().min(1).max(500),
  isProvisional: z.boolean().optional(),
});

/** An http(s) address the status page is reached at, or null for the server's own. */
export const publicUrlRequestSchema = z.object({
  publicUrl: z
    .string()
    .max(PUBLIC_URL_MAX_LENGTH + 20)
    .nullable()
    .refine((url) => url === null || normalizePublicUrl(url) !== null),
});

export async function setActs(
  db: Db,
  asker: AdminAsker,
  body: z.infer<typeof actsRequestSchema>,
  now: Date,
): Promise<{ actIds: string[] }> {
  const known = new Set(CATALOG.acts.map((a) => a.id));
  const actIds = [...new Set(body.actIds)].sort();
  if (actIds.some((id) => !known.has(id))) throw new ApiError('acts-unknown', 'unknown act id');
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    await requireAdmin(tx, asker, now);
    await setDistrictActs(tx, asker.device.office.districtId, actIds);
    await bumpReferenceVersion(tx, now);
    return { actIds };
  });
}

/**
 * The district's public address, which every talon's QR code opens from the devices' next sync;
 * null returns the district to the server's PUBLIC_URL.
 */
export async function setPublicUrl(
  db: Db,
  asker: AdminAsker,
  body: z.infer<typeof publicUrlRequestSchema>,
  now: Date,
): Promise<{ publicUrl: string | null }> {
  const publicUrl = body.publicUrl === null ? null : normalizePublicUrl(body.publicUrl);
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    await requireAdmin(tx, asker, now);
    await setDistrictPublicUrl(tx, asker.device.office.districtId, publicUrl);
    await bumpReferenceVersion(tx, now);
    return { publicUrl };
  });
}

export async function completeChecklist(
  db: Db,
  asker: AdminAsker,
  body: z.infer<typeof checklistRequestSchema>,
  now: Date,
): Promise<CatalogEdition> {
  const problem = checklistEditProblem(body.serviceId, body.documents);
  if (problem) throw new ApiError(problem.code, 'checklist not accepted', problem.details);
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const adminId = await requireAdmin(tx, asker, now);
    const editions = await listEditions(tx);
    const previous = editions.at(-1);
    const seq = editions.length + 1;
    const edition: CatalogEdition = {
      version: editionVersion(seq),
      baseVersion: CATALOG_VERSION,
      createdAt: now.toISOString(),
      createdBy: adminId,
      checklists: { ...(previous?.checklists ?? {}), [body.serviceId]: body.documents },
    };
    await insertEdition(tx, seq, edition);
    await bumpReferenceVersion(tx, now);
    return edition;
  });
}

export async function setCalendarYear(
  db: Db,
  asker: AdminAsker,
  year: number,
  body: z.infer<typeof calendarRequestSchema>,
  now: Date,
): Promise<CalendarYearInput> {
  const input: CalendarYearInput = {
    kurbanAit: body.kurbanAit,
    source: body.source,
    transfers: body.transfers.map((t) => ({ ...t, confidence: 'high' as const })),
    ...(body.isProvisional ? { isProvisional: true } : {}),
  };
  try {
    // The law's rules applied to the administrator's moving parts; a transfer that does not
    // move a working day, or a date outside the year, is refused before anything is stored.
    buildCalendarYear(year, input);
  } catch (error) {
    if (error instanceof CalendarInputError) {
      throw new ApiError('calendar-invalid', error.message, { reason: error.code });
    }
    throw error;
  }
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const adminId = await requireAdmin(tx, asker, now);
    await upsertCalendarYear(tx, year, input, now.toISOString(), adminId);
    await bumpReferenceVersion(tx, now);
    return input;
  });
}

// Times as plain short strings: a time in the wrong form is the hours' problem, answered with
// its reason (`office-hours-invalid`), not a malformed request.
const clockText = z.string().max(8);
export const officeHoursRequestSchema = z.object({
  hours: z.object({
    open: clockText,
    close: clockText,
    lunch: z.object({ from: clockText, to: clockText }).nullable(),
  }),
});

/**
 * An office's hours. Checked before anything is stored (the same check the admin screen runs);
 * only an office of the administrator's own district.
 */
export async function setHours(
  db: Db,
  asker: AdminAsker,
  officeId: string,
  body: z.infer<typeof officeHoursRequestSchema>,
  now: Date,
): Promise<{ officeId: string; hours: OfficeHours }> {
  const hours: OfficeHours = {
    open: body.hours.open,
    close: body.hours.close,
    lunch: body.hours.lunch,
  };
  const problem = hoursProblem(hours);
  if (problem) {
    throw new ApiError('office-hours-invalid', 'office hours not accepted', { reason: problem });
  }
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    await requireAdmin(tx, asker, now);
    const office = await getOffice(tx, officeId);
    // Another district's office is as unknown here as one that does not exist.
    if (!office || office.districtId !== asker.device.office.districtId) {
      throw new ApiError('office-unknown', 'no such office in this district');
    }
    await setOfficeHours(tx, officeId, hours);
    await bumpReferenceVersion(tx, now);
    return { officeId, hours };
  });
}

export const enrollCodeRequestSchema = z.object({
  officeId: z.string().min(1).max(64),
  /** the name the device takes when it enrolls; empty or absent: none yet */
  deviceName: z
    .string()
    .max(DEVICE_NAME_MAX_LENGTH * 2)
    .optional(),
});
export const deviceNameRequestSchema = z.object({
  name: z.string().max(DEVICE_NAME_MAX_LENGTH * 2),
});

export interface DeviceReport {
  id: string;
  officeId: string;
  officeName: { kk: string; ru: string };
  officeKind: 'akimat' | 'district';
  deviceNo: number;
  /** the administrator's name for it; null: not named yet */
  name: string | null;
  enrolledAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** events the device says it has made that the server has not received yet */
  missingEvents: number;
}

/** The district's devices, with when each was last heard from and what is still on its way. */
export async function devicesReport(db: Db, asker: AdminAsker, now: Date): Promise<DeviceReport[]> {
  await requireAdmin(db, asker, now);
  const rows = await listDevices(db, asker.device.office.districtId);
  return rows.map((row) => ({
    id: row.id,
    officeId: row.office_id,
    officeName: { kk: row.office_name_kk, ru: row.office_name_ru },
    officeKind: row.office_kind,
    deviceNo: row.device_no,
    name: row.name,
    enrolledAt: row.enrolled_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
    missingEvents: Math.max(0, row.reported_seq - row.last_seq),
  }));
}

/** A one-time code for a new device of an office of this district. */
export async function issueCodeFor(
  db: Db,
  asker: AdminAsker,
  body: z.infer<typeof enrollCodeRequestSchema>,
  now: Date,
): Promise<{ code: string; officeId: string; deviceName: string | null }> {
  await requireAdmin(db, asker, now);
  const deviceName = tidyDeviceName(body.deviceName ?? '') || null;
  const problem = deviceName === null ? null : deviceNameProblem(deviceName);
  if (problem) throw new ApiError(problem.code, 'device name not accepted', problem.details);
  const office = await getOffice(db, body.officeId);
  if (!office || office.districtId !== asker.device.office.districtId) {
    throw new ApiError('office-unknown', 'no such office in this district');
  }
  const code = await issueEnrollCode(db, office.id, office.kind, now, deviceName);
  return { code, officeId: office.id, deviceName };
}

/**
 * A device's name, shown wherever the district's devices are listed (and in the audit), and on
 * the devices themselves — their histories and Sync screens — from their next reference sync,
 * which the bumped version makes them take.
 */
export async function nameDevice(
  db: Db,
  asker: AdminAsker,
  targetId: string,
  body: z.infer<typeof deviceNameRequestSchema>,
  now: Date,
): Promise<{ id: string; name: string }> {
  await requireAdmin(db, asker, now);
  const problem = deviceNameProblem(body.name);
  if (problem) throw new ApiError(problem.code, 'device name not accepted', problem.details);
  const name = tidyDeviceName(body.name);
  return db.transaction(async (tx) => {
    await requireAdmin(tx, asker, now);
    const target = (await listDevices(tx, asker.device.office.districtId)).find(
      (d) => d.id === targetId,
    );
    if (!target) throw new ApiError('not-found', 'no such device in this district');
    await setDeviceName(tx, targetId, name);
    await bumpReferenceVersion(tx, now);
    return { id: targetId, name };
  });
}

/**
 * Revoke a device (lost, stolen, replaced). Its token stops working at once; what it had not
 * sent stays on it, and the person there is told to export it.
 */
export async function revoke(
  db: Db,
  asker: AdminAsker,
  targetId: string,
  now: Date,
): Promise<{ id: string; revokedAt: string }> {
  return db.transaction(async (tx) => {
    await requireAdmin(tx, asker, now);
    const target = (await listDevices(tx, asker.device.office.districtId)).find(
      (d) => d.id === targetId,
    );
    if (!target) throw new ApiError('not-found', 'no such device in this district');
    // The administrator's own device would lock them out mid-work.
    if (target.id === asker.device.row.id)
      throw new ApiError('role-not-allowed', 'cannot revoke this device');
    await revokeDevice(tx, targetId, now.toISOString());
    return { id: targetId, revokedAt: target.revoked_at ?? now.toISOString() };
  });
}
