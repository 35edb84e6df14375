/**
 * The log of imported files of unsent work: which device's file, who brought it in, when, and
 * what came of it. The events themselves are in the event log like any pushed event; this says
 * how they got there.
 */
import type { Db } from '../db/types';

export interface UnsentImportLog {
  id: string;
  deviceId: string;
  fileSha256: string;
  importedAt: string;
  /** the administrator's staff id, or `cli` for the command line */
  importedBy: string;
  accepted: number;
  alreadyThere: number;
  rejected: number;
}

export async function insertUnsentImport(db: Db, log: UnsentImportLog): Promise<void> {
  await db.run(
    `INSERT INTO unsent_imports
       (id, device_id, file_sha256, imported_at, imported_by, accepted, already_there, rejected)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      log.id,
      log.deviceId,
      log.fileSha256,
      log.importedAt,
      log.importedBy,
      log.accepted,
      log.alreadyThere,
      log.rejected,
    ],
  );
}

export async function countUnsentImports(db: Db, deviceId: string): Promise<number> {
  const row = await db.first<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM unsent_imports WHERE device_id = ?',
    [deviceId],
  );
  return Number(row?.n ?? 0);
}
