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
/**
 * What the proofs of ADR 0015 cost the ingest: measured by a CPU profile of the server during the
 * SQLite ingest levels (`BENCH_SERVER_NODE_ARGS=--cpu-prof`), and by a run of the commit before
 * them on the same machine (the baseline column when it is shown).
 */
const PROOFS_IN_INGEST =
  "Since staff identity (ADR 0015) the server makes every pushed event's proof again: the " +
  "canonical text and Node's native HMAC, about 6 µs an event (proof_us_per_event), where a " +
  'CPU profile had `isEventProof` in JavaScript at about 19 % of its busy time; a push carries ' +
  "one proof for all its events, and a device's live keys are read once per reference version. " +
  'The load generator proves every event in JavaScript on the same two cores. Measured one after ' +
  'the other on this machine, idle but for the benchmark: the commit before staff identity ' +
  '(635ff78) reached 14,096 events/s on SQLite and 3,776 on PostgreSQL at its best levels, this ' +
  "code before the keys' cache 10,478 and 2,730: neither meets the targets here, and the " +
  'proofs cost about a quarter. ';

export const MISSES: Record<string, (r: RunResults) => string> = {
  ingest_sqlite_eps: (r) =>
    'The load generator (realistic events, gzip, HTTP for up to 200 devices) shares the two ' +
    `cores with the server: ${r.sqlite.best.generatorCpu}% of one core at the best level, against ` +
    `${r.sqlite.best.serverCpu}% for the server (its main thread, its checkpoint thread and ` +
    'garbage collection), about ' +
    `${fmt(Math.round((r.sqlite.best.serverCpu / 100 / r.sqlite.best.eps) * 1e6))} µs of server ` +
    'CPU per event. The main thread is the limit: measured from the scheduler during the ' +
    '100-device level, it ran about 88 % of the time and waited for a core about 9 % (the load ' +
    'generator and the garbage collector threads take the other). Changes made: bulk statements ' +
    'made once per size; group commit with the WAL synced in the thread pool, each sync ' +
    "overlapping the next group's work; WAL checkpoints on a worker thread; serverSeq as the " +
    "rowid; no index nobody reads (migration 0005); ids made with Node's SHA-256; a young " +
    'generation of 8 MB. Server CPU per event fell from about 140 µs to the figure above; ' +
    'across runs on a quiet machine the best level ranges about ±5 %. What is left on the main ' +
    'thread, by a profile: SQLite statements and commits about 40 % (commits write each dirty ' +
    'page to the WAL, two system calls a page), JSON parsing, zod and canonical content about ' +
    '17 %, garbage collection 7 %, HTTP and the rest. A prototype that decoded and checked ' +
    'pushes (gunzip, JSON, schema, content, id) in a worker thread beside the writing one gave ' +
    'nothing on two cores shared with the load generator (on a two-core Intel Xeon, 27,104–' +
    '27,568 events/s against 27,116–27,876 without; the server then took 111 % of a core and ' +
    'the generator 74 %): there the cores are the limit, not the main thread. What it would ' +
    'take: the load generator on other cores, and on a server with cores to spare such a worker ' +
    'thread, about a quarter of the main thread by profile. ' +
    PROOFS_IN_INGEST,
  ingest_pg_eps: () =>
    'Every push holds one advisory lock for its whole transaction (serverSeq in commit order, ' +
    '`sync-server/db/lock.ts`), so pushes run one at a time and each pays its round trips to ' +
    "PostgreSQL in series: BEGIN, the lock with the device's position, the known ids, the case " +
    "states, the events insert, the cases upsert, the device's seq and COMMIT with its WAL flush. " +
    "Staff, offices and the device's live proof keys are read once per reference version. " +
    'Throughput follows round-trip latency, which grows when other processes share the two ' +
    "cores with PostgreSQL's backends. What it would take: the writes of a push as one statement " +
    '(data-modifying CTEs) or one server-side function. Since staff identity the statement ' +
    "that takes the lock also reads the device's proof state, and the proofs are made again " +
    'on the main thread. ' +
    PROOFS_IN_INGEST,
  push_p99_ms_200: (r) =>
    `At ${fmt(r.sqlite.open?.offeredEps ?? 0)} events/s offered the server runs close to what ` +
    'this machine gives it; when other processes take the CPU or the disk (load average above), ' +
    'its capacity falls below the offered rate and pushes queue, and the p99 measures the queue, ' +
    "not a push. What it would take to hold it under such load is the ingest headroom above. A device's own cadence (a push " +
    'after each save, otherwise one every 30 s) offers a small fraction of this load.',
  initial_sync_10k_s: (r) =>
    'A fresh device takes the log case by case (docs/sync-protocol.md, "Initial sync"): one ' +
    'history row and one case row per case, written once, pages fetched while the last is ' +
    `stored. The server's part — the same pages fetched by a client in Node — is ` +
    `${fmt(r.initialSync.serverSeconds)} s: reading the events, encoding them compactly, checking ` +
    'the encoding by decoding it, and Brotli. The device stores ' +
    `${fmt(r.initialSync.idbRowsPerSecond)} history rows a second in this browser, and each ` +
    "case's row goes with its projection and the cases table's index entries. On two cores the " +
    'browser, its IndexedDB process and the server share the CPU, so their parts overlap only in ' +
    'part. Before this work the initial sync took 43.8 s (one event row per event, projections ' +
    'rewritten on every page). What it would take: pages of closed cases kept encoded on the ' +
    'server (they never change below the mark), and fewer index entries on case rows stored by ' +
    'the initial sync; measured on a machine where the server does not share the cores with the ' +
    'browser.',
  initial_sync_10k_mib: (r) =>
    `${fmt(r.initialSync.bytesPerEvent)} B per event: what is left is mostly the hash bits of ` +
    'the event ids and the random bits of the case ids. What it would take: initial pages that ' +
    'leave out ids their envelopes derive, as pushes and pulls do since protocol 3 (the device ' +
    'would then hash every event it stores), or Brotli at a higher quality (more server time).',
  wire_ratio: (r) =>
    `The push with its answer and the page is one request: ${fmt(r.wire.day.up)} B up and ` +
    `${fmt(r.wire.day.down)} B down against ${fmt(r.wire.day.gzipEvents)} B of bare events ` +
    'gzipped. Protocol 3 leaves out of pushed and pulled events the ids their envelopes derive ' +
    '(half of what a compressed event weighs), so the pushed body is below the bare gzip; the ' +
    'rest is HTTP: Chromium adds about 600 B of request headers (user agent, client hints, fetch ' +
    'metadata, origin) and the answer about 250 B of headers. What it would take: HTTP/2 behind ' +
    'the TLS proxy of a real district (docs/operations.md), whose header compression sends ' +
    'repeated headers as a few bytes; the bench measures plain HTTP/1.1 on the loopback.',
  lifecycle_bytes: (r) =>
    'Five rounds over two devices (Details), each one request; every event travels twice, pushed ' +
    `by its maker and pulled by the other device. A case's eight bare events gzip to ` +
    `${fmt(r.wire.lifecycle.bareGzipPerCase)} B, about half of it the ids, which protocol 3 ` +
    'leaves off the wire where the envelope derives them; pulls come in Brotli. Each round also ' +
    'carries about 850 B of HTTP headers, 17 B per case of the 50. Since staff identity (ADR ' +
    '0015) each push carries one proof for its events (`pushProof`, 43 characters that do not ' +
    'compress), a few bytes per case; a proof with each event was about 41 B per pushed event ' +
    '(698 B per case). What it would take: HTTP/2 header compression (see wire_ratio), rounds ' +
    'of more cases.',
  weak_link_day_s: () =>
    'One round trip over 400 ms latency pushes the gzipped events at 12.5 KB/s and brings the ' +
    'page back; the results come in the next. What it would take: fewer bytes per event.',
  intake_save_p95_ms: (r) =>
    '`registerCase` writes the event, its outbox entry, the counters and the projection in one ' +
    'IndexedDB transaction; the live queries of the screen on show re-run after it on the same ' +
    `thread (with the journal on screen: p95 ${fmt(r.device.intakeWithJournal.p95)} ms). What it ` +
    'would take: a profile of the slow saves on the machine that misses; the transaction itself ' +
    'does a fixed number of requests whatever the number of cases.',
  search_p95_ms: (r) =>
    'The search scans every entry of the journal index in memory for the term and filters ' +
    `the sorted order (${fmt(r.device.search.nameP95)} ms p95 for parts of surnames, which match ` +
    'thousands of cases). What it would take: a profile on the machine that misses; the scan is ' +
    'one `includes` per entry.',
  journal_render_ms: () =>
    'The journal waits for its query and for the catalog (service names). What it would take: ' +
    'service names without the rest of the catalog.',
  cold_start_ms: () =>
    'Noisy on a shared machine (every trial is in Details). Under 4× throttling the start-up ' +
    'script is evaluated, then Dexie opens and the credentials, the journal page and the ' +
    'catalog are read before the first render. Changes made: zod, the Russian dictionary and ' +
    'the rarely used screens left the start-up script; commands and the sync engine load on ' +
    'first use or when the browser is idle; the start-up reads begin before React renders. What ' +
    'it would take: the service names for the journal without the whole catalog (347 KB with the ' +
    'regulations’ texts), which the journal waits for today.',
  js_gzip_kb: (r) =>
    `${r.bundle.files.map((f) => `\`${f.path}\` ${fmt(Math.round(f.gzip / 102.4) / 10)} KB`).join(', ')}. ` +
    'The intake form left it with the full intake (loaded once the first screen is up). What it ' +
    'would take: the largest files above, loaded after the first screen.',
  heap_mb: () =>
    'The journal holds at most 200 rows; the heap is the app itself. What it would take: see ' +
    'js_gzip_kb.',
  proof_us_per_event: (r) =>
    `Checking a proof is ${fmt(r.proof.serverUs)} µs per event on the server and making one ` +
    `${fmt(r.proof.deviceUs)} µs on the device (Chromium), not the 2–5 µs ADR 0015 counted on. ` +
    'Measured apart on this machine for the same events (about 385 B of canonical JSON each): ' +
    'the canonical text the proof covers 2.7 µs, and HMAC-SHA256 natively in Node 6.5 µs (the ' +
    "server's `nodeMac`), in JavaScript 13.4 µs and its UTF-8 bytes 2.2 µs (@noble/hashes, " +
    'which the device keeps: it proves inside its IndexedDB transaction, synchronously). On the ' +
    `device it is nothing beside an append (\`registerCase\` p95 ${fmt(r.device.intake.p95)} ms). ` +
    "On the server every pushed event pays it, inside the push's transaction (see " +
    'ingest_sqlite_eps). What it would take: the canonical text of an event made once for both ' +
    'its stored content and its proof; a figure measured on an idle machine.',
  server_rss_1m_mb: () =>
    "RSS hardly depends on the store's size (SQLite's page cache is 2 MB); it is the Node " +
    'process and the heap V8 keeps after pull pages. The server runs built, by plain node, with ' +
    '`--max-semi-space-size=8`. What it would take: a smaller pull page limit, or the server ' +
    'in a runtime with a smaller heap floor.',
};
