/**
 * The file of unsent work a device writes when it can no longer sync (revoked, broken, never to
 * reach the server again: `src/db/export.ts`), and the report of its import on the server.
 * Plain data shared by the app, which writes the file and shows the report, and the server,
 * which reads the file and writes the report.
 *
 * Only the envelope is checked here: that this is such a file, of one device, with events that
 * name that device. Each event is judged by the server's push path, as if the device had sent it.
 */
import { z } from 'zod';
import type { ErrorCode, Problem } from '../errors';

export const UNSENT_FILE_FORMAT = 'qabyldau-unsent-events';
export const UNSENT_FILE_VERSION = 1;
/** More than any device holds unsent: 2G weeks of a busy office are a few thousand events. */
export const UNSENT_FILE_MAX_EVENTS = 20_000;

const fileSchema = z.object({
  format: z.literal(UNSENT_FILE_FORMAT),
  version: z.literal(UNSENT_FILE_VERSION),
  deviceId: z.string().min(1).max(64),
  officeId: z.string().min(1).max(64),
  exportedAt: z.string().max(40),
  events: z
    .array(
      // The envelope's fields the import sorts and names events by; the rest is the push's.
      z
        .object({
          id: z.string().min(1).max(64),
          deviceId: z.string(),
          deviceSeq: z.number().int().min(1),
          type: z.string().max(64),
          caseId: z.string().max(64),
        })
        .passthrough(),
    )
    .max(UNSENT_FILE_MAX_EVENTS),
});

export type UnsentFile = z.infer<typeof fileSchema>;

/**
 * The file, or the reason it is not one: not this format (`format`), events of another device
 * inside (`device-mismatch`), an id twice (`duplicate-id`), or no event at all (`empty`).
 */
export function readUnsentFile(raw: unknown): { file: UnsentFile } | { problem: Problem } {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    return { problem: { code: 'unsent-file-invalid', details: { reason: 'format' } } };
  }
  const file = parsed.data;
  if (file.events.length === 0) {
    return { problem: { code: 'unsent-file-invalid', details: { reason: 'empty' } } };
  }
  // A file is one device's queue: an event of another device would take this device's seq.
  if (file.events.some((e) => e.deviceId !== file.deviceId)) {
    return { problem: { code: 'unsent-file-invalid', details: { reason: 'device-mismatch' } } };
  }
  if (new Set(file.events.map((e) => e.id)).size !== file.events.length) {
    return { problem: { code: 'unsent-file-invalid', details: { reason: 'duplicate-id' } } };
  }
  return { file: { ...file, events: [...file.events].sort((a, b) => a.deviceSeq - b.deviceSeq) } };
}

export type ImportedStatus = 'accepted' | 'already_there' | 'rejected';

/** One event of the file and what the server did with it. */
export interface ImportedEvent {
  id: string;
  deviceSeq: number;
  type: string;
  caseId: string;
  /** the case's registration (or refusal) number where the server knows the case */
  regNumber: string | null;
  staffId: string | null;
  status: ImportedStatus;
  /** why it was rejected (the same codes a device shows), absent otherwise */
  code?: ErrorCode;
  details?: Record<string, string | number>;
}

/** The report of an import: stable keys, the same in the admin screen and `import-unsent --json`. */
export interface UnsentImportReport {
  deviceId: string;
  deviceName: string | null;
  officeId: string;
  deviceNo: number;
  exportedAt: string;
  importedAt: string;
  total: number;
  accepted: number;
  alreadyThere: number;
  rejected: number;
  events: ImportedEvent[];
}
