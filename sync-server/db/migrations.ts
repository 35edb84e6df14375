/**
 * Schema migrations: numbered, forward-only, one list for both stores, with per-dialect SQL only
 * where the dialects differ. Applied in order on start, each in its own transaction together
 * with its row in `schema_migrations`, so a crash leaves either all of a migration or none.
 * Never edit or drop a shipped migration; add the next number.
 *
 * Conventions that keep the SQL portable: instants are ISO-8601 TEXT, booleans INTEGER 0/1,
 * JSON documents TEXT, serverSeq is assigned by the server (not an identity column) so it is
 * gap-free on both stores.
 */
import { lockSyncWrites } from './lock';
import type { Db, Dialect } from './types';

export interface Migration {
  id: string;
  statements: readonly string[] | Record<Dialect, readonly string[]>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-sync-log',
    statements: [
      `CREATE TABLE districts (
        id TEXT PRIMARY KEY,
        name_kk TEXT NOT NULL,
        name_ru TEXT NOT NULL,
        is_demo INTEGER NOT NULL,
        act_ids TEXT NOT NULL
      )`,
      `CREATE TABLE offices (
        id TEXT PRIMARY KEY,
        district_id TEXT NOT NULL REFERENCES districts(id),
        kind TEXT NOT NULL,
        code TEXT NOT NULL,
        name_kk TEXT NOT NULL,
        name_ru TEXT NOT NULL,
        address_kk TEXT NOT NULL,
        address_ru TEXT NOT NULL,
        phone TEXT NOT NULL,
        UNIQUE (district_id, code)
      )`,
      `CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        office_id TEXT NOT NULL REFERENCES offices(id),
        role TEXT NOT NULL,
        surname TEXT NOT NULL,
        given_name TEXT NOT NULL,
        patronymic TEXT,
        pin_hash TEXT NOT NULL,
        is_active INTEGER NOT NULL
      )`,
      'CREATE INDEX staff_office ON staff (office_id)',
      `CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        office_id TEXT NOT NULL REFERENCES offices(id),
        device_no INTEGER NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL,
        revoked_at TEXT,
        last_seq INTEGER NOT NULL,
        UNIQUE (office_id, device_no)
      )`,
      `CREATE TABLE enroll_codes (
        code_hash TEXT PRIMARY KEY,
        office_id TEXT NOT NULL REFERENCES offices(id),
        office_kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        used_at TEXT,
        device_id TEXT
      )`,
      `CREATE TABLE events (
        server_seq BIGINT PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        case_id TEXT NOT NULL,
        office_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        content TEXT NOT NULL,
        server_time TEXT NOT NULL
      )`,
      'CREATE INDEX events_office_seq ON events (office_id, server_seq)',
      'CREATE INDEX events_case ON events (case_id, server_seq)',
      `CREATE TABLE rejected_events (
        id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL,
        device_seq INTEGER,
        code TEXT NOT NULL,
        details TEXT,
        content TEXT NOT NULL,
        server_time TEXT NOT NULL
      )`,
      `CREATE TABLE cases (
        case_id TEXT PRIMARY KEY,
        office_id TEXT NOT NULL,
        status TEXT NOT NULL,
        state TEXT NOT NULL,
        last_server_seq BIGINT NOT NULL
      )`,
      'CREATE INDEX cases_office_status ON cases (office_id, status)',
      'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
    ],
  },
  {
    // What a district administrator adds to the shipped reference data: catalog editions
    // (checklists the seeds lack) and calendar years (next year's order, corrections).
    id: '0002-admin-reference',
    statements: [
      `CREATE TABLE catalog_editions (
        seq INTEGER PRIMARY KEY,
        version TEXT NOT NULL UNIQUE,
        base_version TEXT NOT NULL,
        checklists TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      )`,
      `CREATE TABLE calendar_years (
        year INTEGER PRIMARY KEY,
        input TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      )`,
    ],
  },
  {
    // When a device was last heard from and how many events it says it has made, so the
    // district sees a village whose events are still missing (made but not yet received).
    id: '0003-device-health',
    statements: [
      'ALTER TABLE devices ADD COLUMN last_seen_at TEXT',
      'ALTER TABLE devices ADD COLUMN reported_seq INTEGER NOT NULL DEFAULT 0',
    ],
  },
  {
    // On SQLite, serverSeq becomes the table's rowid. A BIGINT primary key made SQLite keep a
    // separate unique index beside the rowid, one more b-tree written for every event pushed.
    // SQLite cannot change a primary key in place, so the table is rebuilt in serverSeq order.
    // PostgreSQL keeps its BIGINT key, which is its own index already.
    id: '0004-events-rowid',
    statements: {
      sqlite: [
        `CREATE TABLE events_by_seq (
          server_seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          type TEXT NOT NULL,
          case_id TEXT NOT NULL,
          office_id TEXT NOT NULL,
          device_id TEXT NOT NULL,
          device_seq INTEGER NOT NULL,
          content TEXT NOT NULL,
          server_time TEXT NOT NULL
        )`,
        `INSERT INTO events_by_seq
           (server_seq, id, type, case_id, office_id, device_id, device_seq, content, server_time)
         SELECT server_seq, id, type, case_id, office_id, device_id, device_seq, content, server_time
           FROM events ORDER BY server_seq`,
        'DROP TABLE events',
        'ALTER TABLE events_by_seq RENAME TO events',
        'CREATE INDEX events_office_seq ON events (office_id, server_seq)',
        'CREATE INDEX events_case ON events (case_id, server_seq)',
      ],
      postgres: [],
    },
  },
  {
    // No query reads cases by office and status (the district's lists are built on devices
    // from the events), yet every pushed event that moved a case rewrote this index's entry:
    // one more random page for each commit to write, on both stores.
    id: '0005-drop-cases-office-status',
    statements: ['DROP INDEX IF EXISTS cases_office_status'],
  },
  {
    // The district's public address, which talons' QR codes open (the citizen's status page),
    // as the district administrator sets it; empty: the server's PUBLIC_URL, or the device's
    // own server address.
    id: '0006-district-public-url',
    statements: ['ALTER TABLE districts ADD COLUMN public_url TEXT'],
  },
  {
    // Each office's hours (open, close, lunch) as the district administrator sets them, a JSON
    // document; NULL for an office nobody has set hours for yet, which keeps the regulations'
    // 09:00–18:00 with lunch 13:00–14:00 (src/domain/hours.ts). Nullable, so every office an
    // earlier release stored, and a backup it made, stays valid as it is.
    id: '0007-office-hours',
    statements: ['ALTER TABLE offices ADD COLUMN hours TEXT'],
  },
  {
    // The citizen's status lookup (sync-server/http/public-status.ts): every try, so the
    // district administrator can see who asks and how often — when, from which network (the
    // address cut to its /24 or /48: enough to tell networks apart, not a person's address),
    // which number, how it ended. And the cases found by registration number, through an index
    // of the number inside the state the server keeps anyway: nothing new to write on a push,
    // and nothing a restored backup of an earlier release could lack.
    id: '0008-status-lookups',
    statements: {
      sqlite: [
        `CREATE TABLE status_lookups (
          id TEXT PRIMARY KEY,
          at TEXT NOT NULL,
          address TEXT NOT NULL,
          number TEXT NOT NULL,
          via TEXT NOT NULL,
          outcome TEXT NOT NULL
        )`,
        'CREATE INDEX status_lookups_at ON status_lookups (at)',
        "CREATE INDEX cases_reg_number ON cases (json_extract(state, '$.regNumber'))",
      ],
      postgres: [
        `CREATE TABLE status_lookups (
          id TEXT PRIMARY KEY,
          at TEXT NOT NULL,
          address TEXT NOT NULL,
          number TEXT NOT NULL,
          via TEXT NOT NULL,
          outcome TEXT NOT NULL
        )`,
        'CREATE INDEX status_lookups_at ON status_lookups (at)',
        "CREATE INDEX cases_reg_number ON cases (((state::jsonb) ->> 'regNumber'))",
      ],
    },
  },
  {
    // The district administrator's work on people, devices and handed-over files: a name for
    // each device (given with its enrollment code, so the code carries it until the device
    // enrolls), a log of imported files of unsent work (who brought which device's file in,
    // and what came of it), and an index that finds one person's events for the audit without
    // reading the whole log. The index is on an expression of the stored content, so no write
    // path and no backup changes; each store spells the JSON lookup its own way.
    id: '0010-administration',
    statements: {
      sqlite: [
        'ALTER TABLE devices ADD COLUMN name TEXT',
        'ALTER TABLE enroll_codes ADD COLUMN device_name TEXT',
        `CREATE TABLE unsent_imports (
          id TEXT PRIMARY KEY,
          device_id TEXT NOT NULL,
          file_sha256 TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          imported_by TEXT NOT NULL,
          accepted INTEGER NOT NULL,
          already_there INTEGER NOT NULL,
          rejected INTEGER NOT NULL
        )`,
        "CREATE INDEX events_staff ON events (json_extract(content, '$.staffId'), server_seq)",
      ],
      postgres: [
        'ALTER TABLE devices ADD COLUMN name TEXT',
        'ALTER TABLE enroll_codes ADD COLUMN device_name TEXT',
        `CREATE TABLE unsent_imports (
          id TEXT PRIMARY KEY,
          device_id TEXT NOT NULL,
          file_sha256 TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          imported_by TEXT NOT NULL,
          accepted INTEGER NOT NULL,
          already_there INTEGER NOT NULL,
          rejected INTEGER NOT NULL
        )`,
        "CREATE INDEX events_staff ON events (((content::jsonb) ->> 'staffId'), server_seq)",
      ],
    },
  },
  {
    // Staff identity (ADR 0015). Each event keeps the proof it came with (NULL: taken before
    // proofs existed, or up to the seq its device declared when it moved over). A person's proof
    // key per device — one live key per pair, a new sign-in there replaces it, a PIN reset
    // revokes them all; wrong PINs per person and device, and the lock they lead to; the
    // administrator's short sessions, by the hash of their token, with the nonce a session by
    // proof was asked with (used once: the unique index). A device enrolled from now on proves
    // every event from its first; one enrolled before declares once up to which seq its events
    // predate proofs. `pin_hash` keeps its name and now holds a PinVerifier's JSON: the PBKDF2
    // hashes stay as they are until each person's next online sign-in replaces them.
    id: '0011-staff-identity',
    statements: [
      'ALTER TABLE events ADD COLUMN proof TEXT',
      `CREATE TABLE staff_keys (
        staff_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        secret TEXT NOT NULL,
        registered_at TEXT NOT NULL,
        revoked_at TEXT,
        PRIMARY KEY (staff_id, device_id)
      )`,
      'CREATE INDEX staff_keys_device ON staff_keys (device_id)',
      `CREATE TABLE pin_failures (
        staff_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        failures INTEGER NOT NULL,
        locked_at TEXT,
        PRIMARY KEY (staff_id, device_id)
      )`,
      `CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        nonce TEXT,
        issued_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      )`,
      'CREATE UNIQUE INDEX staff_sessions_nonce ON staff_sessions (device_id, staff_id, nonce)',
      'CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id)',
      'ALTER TABLE devices ADD COLUMN needs_proof_from_start INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE devices ADD COLUMN legacy_seq_limit INTEGER',
    ],
  },
];

function statementsFor(migration: Migration, dialect: Dialect): readonly string[] {
  const { statements } = migration;
  return Array.isArray(statements)
    ? statements
    : (statements as Record<Dialect, string[]>)[dialect];
}

/** Applies what `migrations` (all of them unless a test stops part-way) has that `db` lacks. */
export async function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<string[]> {
  await db.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const isNew = await db.transaction(async (tx) => {
      // Two instances starting together on PostgreSQL must not both apply a migration.
      await lockSyncWrites(tx);
      const done = await tx.first('SELECT id FROM schema_migrations WHERE id = ?', [migration.id]);
      if (done) return false;
      for (const sql of statementsFor(migration, tx.dialect)) await tx.run(sql);
      await tx.run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [
        migration.id,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (isNew) applied.push(migration.id);
  }
  return applied;
}
