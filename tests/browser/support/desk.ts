/**
 * A second desk at the same village office, run in the test's own process: the app's own
 * device code (the Dexie database on fake-indexeddb, the commands, push) enrolled against the
 * real server like any laptop. It takes what the intake screen cannot yet (an applicant's
 * representative by a power of attorney, original-or-copy documents, an application refused at
 * the desk); the browser's device pulls the cases as it pulls any colleague's work.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { type Commands, createCommands } from '../../../src/db/commands';
import { getMeta } from '../../../src/db/meta';
import { QabyldauDb } from '../../../src/db/schema';
import type { Staff } from '../../../src/domain/reference';
import type { StaffRole } from '../../../src/domain/roles';
import { enrollDevice } from '../../../src/sync/enroll';
import { createHttp } from '../../../src/sync/http';
import { signInOnDevice } from '../../../src/sync/identity';
import { pullReference } from '../../../src/sync/pull';
import { pushOutbox } from '../../../src/sync/push';
import { DEMO_PINS } from '../../../sync-server/seed/aktogay';

export interface Desk {
  db: QabyldauDb;
  commands: Commands;
  /** the person signed in at this desk (the specialist unless another role was asked for) */
  staff: Staff;
  /** pushes everything made here; throws when the server refuses any of it */
  push(): Promise<void>;
}

export async function openDesk(
  serverUrl: string,
  enrollCode: string,
  role: StaffRole = 'akimat_specialist',
): Promise<Desk> {
  const db = new QabyldauDb(`desk-${uuidv7()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const http = createHttp(serverUrl);
  await enrollDevice(db, http, enrollCode, serverUrl, new Date());
  const creds = await getMeta(db, 'credentials');
  if (!creds) throw new Error('the desk did not enroll');
  await pullReference(db, http, creds);
  const person = (await db.staff.toArray()).find((s) => s.role === role);
  if (!person) throw new Error(`no ${role} in the reference data`);
  // She signs in as at any desk (her first sign-in here goes to the server), and every event
  // the commands make carries her proof.
  const signedIn = await signInOnDevice(
    { db, credentials: creds, http },
    person.id,
    DEMO_PINS[role],
  );
  if (!signedIn.ok) throw new Error(`the desk's sign-in was refused: ${signedIn.problem.code}`);
  const { staff, proofKey } = signedIn;
  const commands = createCommands(db, { now: () => new Date(), newId: uuidv7 }, () => ({
    staff,
    credentials: creds,
    proofKey,
  }));
  return {
    db,
    commands,
    staff,
    async push() {
      const report = await pushOutbox(db, http, creds);
      if (report.rejected > 0) throw new Error(`${report.rejected} events rejected`);
    },
  };
}
