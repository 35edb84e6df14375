/**
 * The report's explanations of missed targets, kept apart from the report's layout.
 */
import { fmt } from './lib/format';
import type { RunResults } from './report';

/**
 * Why a target is missed on this code and what would meet it, by key (shown only when missed).
 * Written from profiles of this code on the benchmark machine; the figures quoted come from the
 * run itself.
 */
export const MISSES: Record<string, (r: RunResults) => string> = {
  ingest_sqlite_eps: (r) =>
    'Where the time goes (CPU profile of the server process under the 200-device load): about a ' +
    "third in SQLite's BEGIN/COMMIT — `synchronous = FULL` makes each commit wait for the disk, " +
    'and on this virtual machine that wait varies tenfold with the disk work of other processes; ' +
    'about an eighth in the statements; the rest spread over HTTP, gunzip of the push and gzip of ' +
    'its answer, request logging, JSON, the zod schema and the canonical JSON of each event, and ' +
    'the reducer. The load generator (realistic events, gzip, HTTP for up to 200 devices) shares ' +
    `the two cores: ${r.sqlite.best.generatorCpu}% of one core at the best level, against ` +
    `${r.sqlite.best.serverCpu}% for the server. Changes made in this work: a push reads known ids, ` +
    'rejections and case states in two statements and writes events, cases and rejections in ' +
    'bulk (it was about five statements per event), and SQLite commits the transactions queued ' +
    'meanwhile together (group commit: one disk wait for many pushes); `pushEvents` called ' +
    'directly (no HTTP) with 10 devices took 14,000–20,000 events/s on this machine, generation ' +
    'included. What it would take: a load generator on other cores or another machine; then less ' +
    'work per event — `server_seq INTEGER PRIMARY KEY` (a BIGINT primary key makes SQLite keep a ' +
    'separate unique index beside the rowid; a table-rebuild migration), a hand-written validator ' +
    'for the event envelope instead of zod, answers under 1 KiB sent without gzip, and the ' +
    "device's staff and offices read once per request rather than inside every push.",
  ingest_pg_eps: () =>
    'Every push holds one advisory lock for its whole transaction (serverSeq in commit order, ' +
    '`sync-server/db/lock.ts`), so pushes run one at a time and each pays its round trips to ' +
    "PostgreSQL in series: BEGIN, the lock, the device's position with the last serverSeq, its " +
    'staff, its offices, the known ids, the case states, the events insert, the cases upsert, ' +
    "the device's seq and COMMIT with its WAL flush — 11 round trips, and 2 more for " +
    'authentication. Before this work it was about five round trips per event; now a push of 20 ' +
    'events costs the same round trips as a push of one, and throughput follows round-trip ' +
    "latency, which grows when other processes share the two cores with PostgreSQL's backends. " +
    'What it would take: fewer round trips inside the lock — staff and offices read once per ' +
    'reference version rather than in every push — or the whole push as one statement ' +
    '(data-modifying CTEs) or one server-side function.',
  push_p99_ms_200: (r) =>
    `At ${fmt(r.sqlite.open?.offeredEps ?? 0)} events/s offered the server runs close to what ` +
    'this machine gives it; when other processes take the CPU or the disk (load average above), ' +
    'its capacity falls below the offered rate and pushes queue, and the p99 measures the queue, ' +
    'not a push. With the machine quieter the same test gave a p99 of 7–32 ms (p50 7 ms) during ' +
    'this work; before group commit and the bulk push path it was 630–1,800 ms. What it would ' +
    "take to hold it under such load is the ingest headroom above. A device's own cadence (a push " +
    'after each save, otherwise one every 30 s) offers a small fraction of this load.',
  initial_sync_10k_s: (r) =>
    'Three costs, each measured in the run (Details): the server — ' +
    `${fmt(r.initialSync.serverSeconds)} s for its pages, each read, parsed from stored JSON, ` +
    "serialized again and gzipped; the device's IndexedDB — Chromium here stores about " +
    `${fmt(r.initialSync.idbRowsPerSecond)} event rows a second, and during this work the same ` +
    "rows took nearly as long with only a primary key as with the app's five indexes, so it is " +
    'the number of rows that costs; and the projections — each page rewrites the case row of ' +
    "every case it touches, and a case's eight events fall on several pages, so the " +
    `${fmt(r.initialSync.cases)} case rows are refreshed ${fmt(r.initialSync.caseRefreshes)} times, ` +
    "each reading the case's events back and writing the row with its nine index entries (case " +
    'rows were written at about 7,000–8,000 a second here), the largest part of the time left. ' +
    'Changes made: a district pull no longer sorts every remaining event ' +
    "for each page, and a page's projections are read with all requests in flight and written " +
    'in one bulk put (the first run of this bench took 71 s). What it would take: fewer, larger ' +
    "rows on the device — a case's synced history as one row instead of one row per event " +
    '(10,000 history rows were written in about 1.3 s here, 80,000 event rows in about 5 s), ' +
    'projections written once when an initial sync ends rather than on every page (with a mark ' +
    'so an interrupted sync rebuilds them), pages of 1,000 events, and the server putting stored ' +
    'JSON into the page without parsing it. These change the device schema and `src/sync/pull.ts`.',
  initial_sync_10k_mib: (r) =>
    `${fmt(r.initialSync.bytesPerEvent)} B per event after gzip, most of it what gzip cannot ` +
    "shrink: each event's own random UUID, its case's UUID (a case's events lie far apart in the " +
    "log, beyond gzip's 32 KiB window), a device time and a server time; registrations add IINs, " +
    'names and phone numbers. On the same pages, measured during this work: Brotli (quality 5) ' +
    'gives 4.8 MiB for 5.6 MiB of gzip, and leaving `serverTime` out of events 5.0 MiB. 3 MiB ' +
    "(39 B per event) needs another initial-sync format: a case's events together (the case id " +
    'once; offices, devices and staff as small dictionaries; times as differences), compressed ' +
    'with Brotli — a protocol change (docs/sync-protocol.md, the pull endpoint, src/sync/pull.ts).',
  wire_ratio: (r) =>
    `The push itself is ${fmt(r.wire.day.up)} B (${fmt(Math.round((r.wire.day.up / r.wire.day.gzipEvents) * 100) / 100)}× the bare gzip: ` +
    'headers and the request envelope). What comes back doubles it: the push answer (id, status ' +
    "and serverSeq for every event) and the pull, which returns the device's own events in full — " +
    'the device already has them and learned their serverSeq from the push answer. What it would ' +
    "take: pull leaves out the caller's own events (the server skips them but still moves the " +
    'cursor past them; the device marks its events synced from the push answer, as it does now) ' +
    'and a compact push answer (the first serverSeq and only the exceptions). Both are protocol ' +
    'changes (docs/sync-protocol.md, sync-server/http/routes.ts, src/sync/pull.ts, src/sync/push.ts).',
  lifecycle_bytes: (r) =>
    'Each event travels about three times: pushed by the device that made it, pulled by the ' +
    'other device, and pulled back by its own; every round adds headers and a push answer. A ' +
    `case's eight bare events gzip to ${fmt(r.wire.lifecycle.bareGzipPerCase)} B, so even a ` +
    'single transfer of each is near the target. What it would take: no echo of own events in ' +
    'pull, compact push answers, and a denser event encoding (a case id once for its events, ' +
    'dictionaries for staff, offices and devices, ids and times that compress) — protocol changes.',
  weak_link_day_s: () =>
    'Two rounds over 400 ms latency: the first pushes the gzipped events at 12.5 KB/s and then ' +
    "pulls, getting the device's own events back; the second pulls the results. What it would " +
    "take: the pull without the caller's own events and a compact push answer (see wire_ratio).",
  intake_save_p95_ms: (r) =>
    '`registerCase` writes the event, its outbox entry, the counters and the projection in one ' +
    'IndexedDB transaction; the live queries of the screen on show re-run after it on the same ' +
    `thread (with the journal on screen: p95 ${fmt(r.device.intakeWithJournal.p95)} ms). What it ` +
    'would take: a profile of the slow saves on the machine that misses; the transaction itself ' +
    'does a fixed number of requests whatever the number of cases.',
  search_p95_ms: () =>
    'Surname prefixes of one or two letters match thousands of cases; ' +
    '`journal()` reads them by index and stops at 200. What it would take: a longer minimum prefix.',
  journal_render_ms: () =>
    'The journal waits for its query and for the catalog (service names). What it would take: ' +
    'starting both before the first render.',
  cold_start_ms: () =>
    'Noisy on this shared machine (every trial is in Details). Under 4× throttling the start-up ' +
    'script takes several hundred milliseconds to evaluate before the first render; then Dexie ' +
    'opens, the credentials and the journal are read and the catalog chunk loads. Changes made: ' +
    'the journal renders only visible rows and the catalog data left the start-up script (the ' +
    'first run of this bench gave 1,387 ms). What it would take to stay under 1 s on a busy ' +
    'machine: the js_gzip_kb items (less script to evaluate), and the journal query and catalog ' +
    "load started before React's first render.",
  js_gzip_kb: (r) =>
    `${r.bundle.files.map((f) => `\`${f.path}\` ${fmt(Math.round(f.gzip / 102.4) / 10)} KB`).join(', ')}: ` +
    'React and ReactDOM, zod with the domain schemas, and the app with Dexie, i18next and both ' +
    "dictionaries. Changes made: the catalog's data (66 KB gzipped) loads with the first catalog " +
    'a screen asks for, the catalog and admin screens and the QR encoder when used (it was ' +
    '248 KB). What it would take: zod out of the start-up path (the event and reference schemas ' +
    'are needed when saving, syncing and enrolling — loaded with the first of those, or written ' +
    'with zod/mini, which tree-shakes), the Russian dictionary loaded when chosen, and the print, ' +
    'district, sync and case screens as lazy routes.',
  heap_mb: () =>
    'The journal holds at most 200 rows; the heap is the app itself. What it would take: see ' +
    'js_gzip_kb.',
  server_rss_1m_mb: (r) =>
    "RSS hardly depends on the store's size (SQLite's page cache is 2 MB); it is the Node " +
    `process. The tsx loader \`npm start\` runs the server under costs ${fmt(Math.round((r.rss.idleRssMb - r.rss.built.idleRssMb) * 10) / 10)} MB ` +
    'idle (its worker thread and transform cache): the same server bundled and run by plain node ' +
    `is ${fmt(r.rss.built.idleRssMb)} MB idle. The growth after the requests is pull pages of ` +
    '1,000 events, parsed from stored JSON, serialized again and gzipped; V8 keeps the heap it ' +
    'grew. What it would take: ship the server built (a bundle in `npm run build`, started with ' +
    'plain node), start it with `--max-semi-space-size=1` (during this work about 20 MB less ' +
    'after the same pulls), and write pull pages from the stored JSON without parsing it.',
};
