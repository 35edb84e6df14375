/**
 * A device database on fake-indexeddb, enrolled in a demo akimat office with one specialist,
 * and ports with a controlled clock and predictable ids. Each person who signs in on it holds a
 * proof key of her own (`keys`), as after a sign-in (ADR 0015), and her events carry proofs.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { type Actor, type Commands, createCommands } from '../../../src/db/commands';
import { setMeta } from '../../../src/db/meta';
import type { Ports } from '../../../src/db/ports';
import { QabyldauDb } from '../../../src/db/schema';
import { encodeKey, newProofKey } from '../../../src/domain/identity/proof';
import type { Office, Staff } from '../../../src/domain/reference';

export const OFFICE: Office = {
  id: 'akt-01',
  kind: 'akimat',
  code: '01',
  name: { kk: 'Ақтоғай ауылы әкімінің аппараты', ru: 'Аппарат акима села Актогай' },
  address: { kk: 'Ақтоғай ауылы', ru: 'село Актогай' },
  phone: '87103721044',
  districtId: 'aktogay',
};

export const SPECIALIST: Staff = {
  id: 'akt-01-specialist',
  officeId: 'akt-01',
  role: 'akimat_specialist',
  surname: 'Әбенова',
  givenName: 'Гүлмира',
  patronymic: 'Серікқызы',
  isActive: true,
};

export const AKIM: Staff = {
  ...SPECIALIST,
  id: 'akt-01-akim',
  role: 'akim',
  surname: 'Жақсылықов',
  givenName: 'Бауыржан',
  patronymic: 'Серікұлы',
};

export class TestClock {
  constructor(public current: Date) {}
  now = () => new Date(this.current);
  advanceMinutes(minutes: number) {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

/** `indexedDB`: the factory to open it in, for a test that opens the same database beside it */
export async function makeDevice(
  clock: TestClock,
  name = `device-${uuidv7()}`,
  indexedDB = new IDBFactory(),
) {
  const db = new QabyldauDb(name, { indexedDB, IDBKeyRange });
  const credentials = {
    deviceId: `dev-${name}`.slice(0, 60),
    token: 'token',
    officeId: OFFICE.id,
    officeKind: 'akimat' as const,
    deviceNo: 3,
    serverUrl: '',
    enrolledAt: '2026-03-01T09:00',
  };
  await setMeta(db, 'credentials', credentials);
  await db.offices.put(OFFICE);
  await db.staff.bulkPut([SPECIALIST, AKIM]);
  const ports: Ports = { now: clock.now, newId: () => uuidv7() };
  /** each person's proof key on this device, made at her first sign-in here */
  const keys = new Map<string, Uint8Array>();
  const keyOf = (staff: Staff) => {
    const key = keys.get(staff.id) ?? newProofKey();
    keys.set(staff.id, key);
    return key;
  };
  let actor: Actor | null = {
    staff: SPECIALIST,
    credentials,
    proofKey: encodeKey(keyOf(SPECIALIST)),
  };
  const commands: Commands = createCommands(db, ports, () => actor);
  return {
    db,
    commands,
    credentials,
    keys,
    signOut: () => {
      actor = null;
    },
    /** another person of the office signs in on the device */
    signIn: (staff: Staff) => {
      actor = { staff, credentials, proofKey: encodeKey(keyOf(staff)) };
    },
  };
}
