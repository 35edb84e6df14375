/**
 * Enrolled devices and the one-time codes that enroll them. A device belongs to one office; its
 * `last_seq` is the highest deviceSeq the server has taken from it (accepted or rejected), which
 * push checks to keep each device's queue gap-free.
 */
import type { KnownDevice } from '../../src/domain/reference';
import type { OfficeKind } from '../../src/domain/roles';
import type { Db } from '../db/types';

export interface DeviceRow {
  id: string;
  office_id: string;
  device_no: number;
  token_hash: string;
  enrolled_at: string;
  revoked_at: string | null;
  last_seq: number;
  last_seen_at: string | null;
  reported_seq: number;
  /** the administrator's name for it (migration 0010); null: not named, shown by its number */
  name: string | null;
  /**
   * 1: enrolled after proofs came in (migration 0011), so every event it sends carries one; 0:
   * enrolled before, it may declare once which of its events predate proofs
   */
  needs_proof_from_start: number;
  /** the highest deviceSeq it declared as predating proofs; null: none declared */
  legacy_seq_limit: number | null;
}

export interface EnrollCodeRow {
  code_hash: string;
  office_id: string;
  office_kind: OfficeKind;
  created_at: string;
  used_at: string | null;
  device_id: string | null;
  /** the name the device takes when it enrolls with this code */
  device_name: string | null;
}

export async function insertEnrollCode(
  db: Db,
  code: {
    codeHash: string;
    officeId: string;
    officeKind: OfficeKind;
    createdAt: string;
    deviceName?: string | null;
  },
): Promise<void> {
  await db.run(
    'INSERT INTO enroll_codes (code_hash, office_id, office_kind, created_at, device_name) VALUES (?, ?, ?, ?, ?)',
    [code.codeHash, code.officeId, code.officeKind, code.createdAt, code.deviceName ?? null],
  );
}

export async function findEnrollCode(db: Db, codeHash: string): Promise<EnrollCodeRow | undefined> {
  return db.first<EnrollCodeRow>('SELECT * FROM enroll_codes WHERE code_hash = ?', [codeHash]);
}

/** Marks the code used; false when another request used it first. */
export async function useEnrollCode(
  db: Db,
  codeHash: string,
  deviceId: string,
  usedAt: string,
): Promise<boolean> {
  const { changes } = await db.run(
    'UPDATE enroll_codes SET used_at = ?, device_id = ? WHERE code_hash = ? AND used_at IS NULL',
    [usedAt, deviceId, codeHash],
  );
  return changes === 1;
}

export async function nextDeviceNo(db: Db, officeId: string): Promise<number> {
  const row = await db.first<{ n: number | null }>(
    'SELECT MAX(device_no) AS n FROM devices WHERE office_id = ?',
    [officeId],
  );
  return Number(row?.n ?? 0) + 1;
}

export async function insertDevice(
  db: Db,
  device: {
    id: string;
    officeId: string;
    deviceNo: number;
    tokenHash: string;
    enrolledAt: string;
    name?: string | null;
    /** every event it sends must carry a proof (a device enrolled after ADR 0015) */
    needsProofFromStart: boolean;
  },
): Promise<void> {
  await db.run(
    `INSERT INTO devices (id, office_id, device_no, token_hash, enrolled_at, last_seq, name,
                          needs_proof_from_start)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
    [
      device.id,
      device.officeId,
      device.deviceNo,
      device.tokenHash,
      device.enrolledAt,
      device.name ?? null,
      device.needsProofFromStart ? 1 : 0,
    ],
  );
}

export async function findDeviceByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<DeviceRow | undefined> {
  return db.first<DeviceRow>('SELECT * FROM devices WHERE token_hash = ?', [tokenHash]);
}

export async function getDevice(db: Db, id: string): Promise<DeviceRow | undefined> {
  return db.first<DeviceRow>('SELECT * FROM devices WHERE id = ?', [id]);
}

export async function setDeviceLastSeq(db: Db, id: string, lastSeq: number): Promise<void> {
  await db.run('UPDATE devices SET last_seq = ? WHERE id = ?', [lastSeq, id]);
}

/** A pull tells when the device was last heard from and how many events it has made. */
export async function recordDeviceSeen(
  db: Db,
  id: string,
  at: string,
  reportedSeq: number,
): Promise<void> {
  await db.run(
    'UPDATE devices SET last_seen_at = ?, reported_seq = CASE WHEN reported_seq > ? THEN reported_seq ELSE ? END WHERE id = ?',
    [at, reportedSeq, reportedSeq, id],
  );
}

export interface DeviceSummary extends DeviceRow {
  office_name_kk: string;
  office_name_ru: string;
  office_kind: OfficeKind;
}

export async function listDevices(db: Db, districtId: string): Promise<DeviceSummary[]> {
  return db.all<DeviceSummary>(
    `SELECT d.*, o.name_kk AS office_name_kk, o.name_ru AS office_name_ru, o.kind AS office_kind
       FROM devices d JOIN offices o ON o.id = d.office_id
      WHERE o.district_id = ?
      ORDER BY o.code, d.device_no`,
    [districtId],
  );
}

export async function revokeDevice(db: Db, id: string, at: string): Promise<number> {
  const { changes } = await db.run(
    'UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
    [at, id],
  );
  return changes;
}

/** The administrator's name for a device. */
export async function setDeviceName(db: Db, id: string, name: string): Promise<void> {
  await db.run('UPDATE devices SET name = ? WHERE id = ?', [name, id]);
}

/**
 * The devices a device may know by name (reference data): one office's, or, for a district
 * device, every office's of the district. Revoked ones stay: their events are in histories.
 */
export async function listKnownDevices(
  db: Db,
  scope: { officeId: string } | { districtId: string },
): Promise<KnownDevice[]> {
  const rows =
    'officeId' in scope
      ? await db.all<DeviceRow>(
          'SELECT * FROM devices WHERE office_id = ? ORDER BY office_id, device_no',
          [scope.officeId],
        )
      : await db.all<DeviceRow>(
          `SELECT d.* FROM devices d JOIN offices o ON o.id = d.office_id
            WHERE o.district_id = ? ORDER BY d.office_id, d.device_no`,
          [scope.districtId],
        );
  return rows.map((row) => ({
    id: row.id,
    officeId: row.office_id,
    deviceNo: Number(row.device_no),
    name: row.name,
  }));
}
