/**
 * The sync protocol's messages (see docs/sync-protocol.md). Shared by the device's sync client
 * and the server so both validate the same shapes.
 */
import { z } from 'zod';
import type { CalendarYearInput } from '../calendar/types';
import type { StoredEvent } from '../case/events';
import type { CatalogEdition } from '../catalog/editions';
import type { ErrorCode } from '../errors';
import type { District, Office, Person, Staff } from '../reference';
import type { OfficeKind } from '../roles';

export const PROTOCOL_VERSION = 1;
export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

export const enrollRequestSchema = z.object({ code: z.string().trim().min(4).max(64) });

export interface EnrollResponse {
  deviceId: string;
  token: string;
  officeId: string;
  officeKind: OfficeKind;
  /** the device's number within its office, used in registration numbers */
  deviceNo: number;
  protocolVersion: number;
  serverTime: string;
}

/** Events are validated one by one (`eventSchema`) so one bad event does not sink the batch. */
export const pushRequestSchema = z.object({
  protocolVersion: z.number().int(),
  events: z.array(z.unknown()).max(MAX_PUSH_EVENTS),
});

export type PushResult =
  | { id: string; status: 'accepted' | 'duplicate'; serverSeq: number }
  | { id: string; status: 'rejected'; code: ErrorCode; details?: Record<string, string | number> };

export interface PushResponse {
  serverTime: string;
  results: PushResult[];
}

export interface PullResponse {
  serverTime: string;
  events: StoredEvent[];
  /** pass back as `cursor` to continue; the highest serverSeq included (or the one given) */
  cursor: number;
  hasMore: boolean;
  referenceVersion: string;
  /** the highest serverSeq the server holds */
  headSeq?: number;
  /** the last deviceSeq the server has taken from the calling device */
  deviceSeq?: number;
}

export interface ReferenceResponse {
  serverTime: string;
  version: string;
  district: District;
  offices: Office[];
  /** people of the device's own office, with PIN hashes, for offline sign-in */
  staff: Staff[];
  /** everyone in the district by name and role, so histories say who did what */
  people: Person[];
  /** catalog editions made by the district administrator, oldest first; the last is current */
  catalogEditions: CatalogEdition[];
  /** calendar years the administrator entered, by year; they take precedence over the shipped ones */
  calendarYears: Record<string, CalendarYearInput>;
  device: { id: string; officeId: string; officeKind: OfficeKind; deviceNo: number };
}

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: Record<string, string | number> };
  serverTime: string;
}

export interface ChecksumResponse {
  serverTime: string;
  from: number;
  to: number;
  count: number;
  digest: number;
}
