/**
 * Writes the run's figures: `bench/results.json` (the figures only, by key) and
 * `docs/benchmarks.md` (the machine, each figure beside its target, how it was measured, and
 * for a missed target what causes it and what meeting it would take).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleResult } from './bundle';
import type { DeviceDbResult } from './device-db';
import type { IngestStoreResult } from './ingest';
import type { InitialSyncResult } from './initial-sync';
import { fmt } from './lib/format';
import type { Machine } from './lib/machine';
import { ROOT } from './lib/server';
import { MISSES } from './misses';
import type { ProofResult } from './proof';
import { commissionCaseLine, proofSection } from './report-details';
import type { ServerRssResult } from './server-rss';
import type { WireResult } from './wire';

export interface RunResults {
  quick: boolean;
  /**
   * Another commit's `bench/results.json` measured on this machine (`--baseline=<file>,<label>`):
   * the report shows its figures beside these, so a change is told apart from the machine.
   */
  baseline?: { label: string; results: Record<string, number> };
  seconds: number;
  loadAtEnd: number;
  machine: Machine;
  bundle: BundleResult;
  sqlite: IngestStoreResult;
  postgres: IngestStoreResult;
  initialSync: InitialSyncResult;
  wire: WireResult;
  device: DeviceDbResult;
  proof: ProofResult;
  rss: ServerRssResult;
}

interface Figure {
  key: string;
  what: string;
  value: number;
  unit: string;
  target: number;
  /** true: higher is better */
  atLeast: boolean;
  /** a figure of two sides: what the table shows, and each side's value in results.json */
  sides?: { shown: string; values: Record<string, number> };
}

export function figures(r: RunResults): Figure[] {
  const f = (
    key: string,
    what: string,
    value: number,
    unit: string,
    target: number,
    atLeast = false,
  ): Figure => ({ key, what, value, unit, target, atLeast });
  const sizes = r.quick ? 'quick sizes' : 'full sizes';
  return [
    f(
      'ingest_sqlite_eps',
      `events/s accepted, SQLite, best of 1/10/100/200 devices (${r.sqlite.best.devices} device${r.sqlite.best.devices === 1 ? '' : 's'})`,
      r.sqlite.best.eps,
      'events/s',
      20_000,
      true,
    ),
    f(
      'ingest_pg_eps',
      `events/s accepted, PostgreSQL, best of 1/10/100/200 devices (${r.postgres.best.devices} device${r.postgres.best.devices === 1 ? '' : 's'})`,
      r.postgres.best.eps,
      'events/s',
      5_000,
      true,
    ),
    f(
      'push_p99_ms_200',
      'p99 push latency, 200 devices × 20-event batch about once a second (SQLite)',
      r.sqlite.open?.p99 ?? Number.NaN,
      'ms',
      50,
    ),
    f(
      'initial_sync_10k_s',
      `fresh district device pulls ${r.initialSync.cases.toLocaleString('en')} closed cases (${r.initialSync.events.toLocaleString('en')} events), Chromium`,
      r.initialSync.seconds,
      's',
      4,
    ),
    f(
      'initial_sync_10k_mib',
      'the same initial sync, bytes on the wire',
      r.initialSync.mib,
      'MiB',
      3,
    ),
    f(
      'wire_ratio',
      "a day's intake (50 cases) on the wire ÷ gzip of the bare events",
      r.wire.day.ratio,
      '×',
      1.15,
    ),
    f(
      'lifecycle_bytes',
      'bytes on the wire per case, intake to hand-out, batched (both devices)',
      r.wire.lifecycle.perCase,
      'B',
      400,
    ),
    f(
      'weak_link_day_s',
      '50 new cases pushed and their results pulled over emulated 2G',
      r.wire.weakLink.seconds,
      's',
      3,
    ),
    f(
      'intake_save_p95_ms',
      `registerCase p95 with ${r.device.cases.toLocaleString('en')} cases stored (${sizes}), Chromium IndexedDB`,
      r.device.intake.p95,
      'ms',
      20,
    ),
    f(
      'search_p95_ms',
      `journal search p95, any part of an IIN, a surname or a number, ${r.device.cases.toLocaleString('en')} cases`,
      r.device.search.p95,
      'ms',
      50,
    ),
    f(
      'journal_render_ms',
      `journal screen first render, ${r.device.cases.toLocaleString('en')} cases (median)`,
      r.device.journal.median,
      'ms',
      100,
    ),
    f(
      'cold_start_ms',
      'offline cold start to the journal, 4× CPU throttling, service worker (median)',
      r.device.coldStart.median,
      'ms',
      1_000,
    ),
    f('js_gzip_kb', 'initial JavaScript of dist/index.html, gzip', r.bundle.gzipKb, 'KB', 150),
    f(
      'heap_mb',
      `page JS heap after GC, journal open, ${r.device.cases.toLocaleString('en')} cases`,
      r.device.heap.usedMb,
      'MB',
      100,
    ),
    {
      ...f(
        'proof_us_per_event',
        `an event's proof (ADR 0015), over ${r.proof.events.toLocaleString('en')} real events: made on the device (\`eventProof\`, Chromium), checked on the server (\`isEventProof\`, Node, compared: every pushed event pays it)`,
        r.proof.serverUs,
        'µs',
        10,
      ),
      sides: {
        shown: `${fmt(r.proof.deviceUs)} µs device, ${fmt(r.proof.serverUs)} µs server`,
        values: { device: r.proof.deviceUs, server: r.proof.serverUs },
      },
    },
    f(
      'server_rss_1m_mb',
      `server RSS with ${r.rss.events.toLocaleString('en')} events stored, after pulls and pushes`,
      r.rss.rssMb,
      'MB',
      150,
    ),
  ];
}

const passes = (x: Figure) => (x.atLeast ? x.value >= x.target : x.value <= x.target);

export function writeReport(r: RunResults): { json: string; md: string } {
  const list = figures(r);
  const results = Object.fromEntries(
    list.flatMap((x) => [
      [x.key, x.value],
      ...Object.entries(x.sides?.values ?? {}).map(([side, v]) => [`${x.key}_${side}`, v]),
    ]),
  );
  const jsonPath = join(ROOT, 'bench', 'results.json');
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);

  const m = r.machine;
  const lines: string[] = [];
  lines.push('# Benchmarks', '');
  lines.push(
    'Written by `npm run bench` (`bench/run.ts`); the figures are also in `bench/results.json`. ' +
      'Every figure comes from the real code: the district server as a child process ' +
      '(`sync-server/main.ts`, as `npm start` runs it, request logging on), the built app in ' +
      "Debian's Chromium driven by playwright-core, and the app's own commands, queries and sync " +
      'engine. Nothing here is a test; targets are compared, never asserted. As in the app (ADR ' +
      "0015), every simulated device's people sign in through the server's sign-in and every event " +
      'carries its proof, which the server checks; the servers here run at the low PIN cost ' +
      '(`PIN_COST=low`, which the server takes in the benchmark mode `BENCHMARK=1`), since the load ' +
      'generator signs hundreds of people in: at the standard cost each sign-in is about half a ' +
      'second of a core and 128 MiB of the server. No figure below includes a sign-in.',
    '',
  );
  if (r.quick) {
    lines.push(
      '> **Quick run** (`npm run bench -- --quick`): smaller sizes and shorter windows, so the ' +
        'figures are indicative only. Keys keep their names; the sizes used are stated beside ' +
        'each figure.',
      '',
    );
  }
  lines.push('## Machine', '');
  lines.push('| | |', '|---|---|');
  lines.push(`| CPU | ${m.cpuModel}, ${m.cores} cores |`);
  lines.push(`| RAM | ${m.ramGib} GiB |`);
  lines.push(`| Node | ${m.node} |`);
  lines.push(`| Chromium | ${m.chromium} |`);
  lines.push(`| date | ${m.date} |`);
  lines.push(`| commit | \`${m.commit}\`${m.isDirty ? ' (with uncommitted changes)' : ''} |`);
  lines.push(`| run time | ${Math.round(r.seconds)} s |`);
  lines.push(
    `| load average | ${m.loadAtStart} at the start, ${r.loadAtEnd} at the end (1 min; other work on the machine skews the figures) |`,
    '',
  );

  lines.push('## Figures', '');
  const base = r.baseline;
  if (base) {
    lines.push(
      `The last column is ${base.label}, measured by the same command on this machine just before.`,
      '',
    );
  }
  lines.push(
    `| key | what | measured | target | |${base ? ` ${base.label} |` : ''}`,
    `|---|---|---:|---:|---|${base ? '---:|' : ''}`,
  );
  for (const x of list) {
    const target = `${x.atLeast ? '≥' : '≤'} ${fmt(x.target)} ${x.unit}`;
    const before = base?.results[x.key];
    const baseCell = base ? ` ${before === undefined ? '—' : `${fmt(before)} ${x.unit}`} |` : '';
    const measured = x.sides?.shown ?? `${fmt(x.value)} ${x.unit}`;
    lines.push(
      `| \`${x.key}\` | ${x.what} | ${measured} | ${target} | ${passes(x) ? 'pass' : '**miss**'} |${baseCell}`,
    );
  }
  lines.push('');

  lines.push('## Details', '');
  lines.push('### Ingest (`bench/ingest.ts`)', '');
  lines.push(
    'The server runs as a child process on a fresh store (SQLite in a temporary directory; ' +
      'PostgreSQL in a fresh schema, dropped afterwards) with request limits off, since every ' +
      'simulated device comes from one address. Devices are enrolled with codes, their two ' +
      "people sign in through the server's sign-in, each with a fresh proof key, and they push " +
      'over keep-alive HTTP, bodies gzipped from 1 KiB as the app does, every event with its ' +
      "person's proof (made by the load generator, checked by the server). One device in five is a " +
      'district device: village devices register applications and send them in transfer ' +
      'batches, then take back results and hand them out; district devices receive, decide, sign ' +
      'and send results. Each push is a device outbox of 20 events; a case moves on only after ' +
      'the server accepted its previous step. The load generator shares the machine with the ' +
      'server, and the best level varies from run to run and from machine to machine: with the ' +
      'same server code, eight runs on a two-core Intel Xeon gave 25,996–27,876 events/s on ' +
      'SQLite and five 6,102–6,290 on PostgreSQL, while seven SQLite runs on a two-core AMD EPYC ' +
      'gave 17,654–20,720 and PostgreSQL about 5,230 there. A figure within about a tenth of its ' +
      'target is not a reliable pass on another machine.',
    '',
  );
  for (const s of [r.sqlite, r.postgres]) {
    lines.push(
      `${s.store === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (each device sends its next push when the previous answer came):`,
      '',
    );
    lines.push(
      '| devices | events/s | pushes/s | p50 ms | p99 ms | server CPU | load generator CPU |',
      '|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const l of s.levels) {
      lines.push(
        `| ${l.devices} | ${fmt(l.eps)} | ${fmt(l.pushesPerS)} | ${fmt(l.p50)} | ${fmt(l.p99)} | ${l.serverCpu}% | ${l.generatorCpu}% |`,
      );
    }
    lines.push('');
    if (s.open) {
      const o = s.open;
      lines.push(
        `200 devices each pushing a 20-event batch about once a second (offered ${fmt(o.offeredEps)} events/s): ` +
          `${fmt(o.pushes)} pushes, accepted ${fmt(o.acceptedEps)} events/s, latency p50 ${fmt(o.p50)} ms, ` +
          `p95 ${fmt(o.p95)} ms, p99 ${fmt(o.p99)} ms, max ${fmt(o.max)} ms; server CPU ${o.serverCpu}%.`,
        '',
      );
    }
    lines.push(
      `Events stored at the end: ${fmt(s.eventsStored)}; rejected pushes: ${s.rejections.length === 0 ? 'none' : s.rejections.join('; ')}.`,
      '',
    );
  }
  lines.push(
    '`push_p99_ms_200` is the open-loop figure: 200 devices all pushing back to back (the closed ' +
      'loop above) measure queueing, p99 ≈ 200 × the time of one push, not a latency a device sees.',
    '',
  );

  const is = r.initialSync;
  lines.push('### Initial sync (`bench/initial-sync.ts`)', '');
  lines.push(
    `The server's SQLite store is filled in bulk with ${fmt(is.cases)} closed applications of the ` +
      `17 akimats (${fmt(is.events)} events, realistic content: Kazakh names, valid IINs, the ` +
      'checklists and result dates of the services, batches, decisions). A fresh district device ' +
      'in Chromium is enrolled through `#/enroll/<code>` after the app and its service worker are ' +
      "installed; the app's sync engine pulls everything. Timed in the page from pressing " +
      '"enroll" until the cursor is at the last event and every case with its history is in IndexedDB; bytes are ' +
      'counted by a TCP relay between Chromium and the server (HTTP headers and bodies, both ways).',
    '',
  );
  lines.push(
    `${fmt(is.seconds)} s, ${fmt(is.bytes)} bytes (${fmt(is.mib)} MiB, ${fmt(is.bytesPerEvent)} B per event) in ${is.requests} requests; ${fmt(is.casesOnDevice)} cases on the device. ` +
      `The same initial-sync pages fetched one after another by a client in Node (Brotli, decoded as the app does) take ${fmt(is.serverSeconds)} s (the server's part). ` +
      `This browser's IndexedDB stores ${fmt(is.idbRowsPerSecond)} history rows a second (the device's rows copied into a scratch database in durable 500-row transactions), ` +
      `so the ${fmt(is.cases)} histories alone take ${fmt(Math.round((is.cases / is.idbRowsPerSecond) * 10) / 10)} s to store; case projections written: ${fmt(is.caseRefreshes)} (one per case).`,
    '',
  );

  const w = r.wire;
  lines.push('### Wire (`bench/wire.ts`)', '');
  lines.push(
    'The real app in Chromium through the byte-counting relay. Devices stay offline between their ' +
      'sync rounds (so idle polling is not counted) and come online for a round, as after a day ' +
      "without a connection. People sign in through the app's sign-in screen with their " +
      "six-digit demo PINs (the district's head, who signs, through the same sign-in code in the " +
      'page), before the device goes offline; every pushed event carries a proof (43 characters ' +
      'of base64url, 32 random bytes that no compression shrinks), pulled ones do not.',
    '',
  );
  lines.push(
    `- Day's intake: ${w.day.cases} applications registered with \`registerCase\`, then one round: ` +
      `${fmt(w.day.bytes)} B on the wire in ${w.day.requests} requests (${fmt(w.day.up)} B up: the push; ${fmt(w.day.down)} B down: the push's answer with the page after the device's cursor, which leaves out the device's own events); the ${w.day.events} bare events are ${fmt(w.day.rawEvents)} B of JSON, ` +
      `${fmt(w.day.gzipEvents)} B gzipped; ratio ${fmt(w.day.ratio)}.`,
  );
  lines.push(
    `- Lifecycle of ${w.lifecycle.cases} cases, ${fmt(w.lifecycle.bytes)} B in all, ${fmt(w.lifecycle.perCase)} B per case (a case's eight bare events gzip to ${fmt(w.lifecycle.bareGzipPerCase)} B when all cases' events are compressed together):`,
  );
  for (const round of w.lifecycle.rounds) {
    lines.push(`  - ${round.name}: ${fmt(round.bytes)} B, ${round.requests} requests`);
  }
  lines.push(
    `- Weak link (31,250 B/s down, 12,500 B/s up, 400 ms): pushing ${w.weakLink.cases} applications and their batch ` +
      `${fmt(w.weakLink.pushSeconds)} s (${fmt(w.weakLink.pushBytes)} B), pulling their results ` +
      `${fmt(w.weakLink.pullSeconds)} s (${fmt(w.weakLink.pullBytes)} B); each the app's sync round from start to end.`,
  );
  lines.push(commissionCaseLine(w.commission), '');

  const d = r.device;
  lines.push('### Device database (`bench/device-db.ts`)', '');
  lines.push(
    `A village device enrolled and signed in through the app's screens; then, offline, its IndexedDB ` +
      `is seeded in the page with ${fmt(d.cases)} applications of its office and their histories ` +
      `(${fmt(d.events)} events: most cases closed, the last weeks' in progress; projections by the ` +
      `app's reducer) in ${fmt(d.seedSeconds)} s. The bench script (\`bench/browser/entry.ts\`, built ` +
      "by the bench, never part of `dist/`) runs the app's own commands and queries in the page.",
    '',
  );
  lines.push(
    `- \`registerCase\`, the app on its intake screen (its live queries re-run after each save, as for a person): ${d.intake.samples} saves after 10 not counted; p50 ${fmt(d.intake.p50)} ms, p95 ${fmt(d.intake.p95)} ms, max ${fmt(d.intake.max)} ms. With the journal on screen instead (its 200-row table re-renders after every save, on the same thread): p50 ${fmt(d.intakeWithJournal.p50)} ms, p95 ${fmt(d.intakeWithJournal.p95)} ms.`,
  );
  lines.push(
    `- Journal index (\`src/db/journal.ts\`) in a new page: ${fmt(d.journalIndex.builtMs)} ms from every case row (no saved copy), ${fmt(d.journalIndex.savedMs)} ms from the copy that load saved; ${fmt(d.journalIndex.entries)} entries.`,
    `- Journal search (\`readJournal\`, the index loaded): ${d.search.samples} searches for a middle part — of IINs, 4–8 digits (p50 ${fmt(d.search.iinP50)} ms, p95 ${fmt(d.search.iinP95)} ms), of surnames, 2–5 letters in either case (p50 ${fmt(d.search.nameP50)} ms, p95 ${fmt(d.search.nameP95)} ms), of registration numbers (p50 ${fmt(d.search.numberP50)} ms, p95 ${fmt(d.search.numberP95)} ms); max ${fmt(d.search.max)} ms.`,
    `- Journal filters and sorts (median, max, rows): ${Object.entries(d.filters)
      .map(([name, f]) => `${name} ${fmt(f.p50)} ms, ${fmt(f.max)} ms, ${fmt(f.rows)}`)
      .join(
        '; ',
      )}. A sort's first run is its max; the screen keeps the sorted order while the person types.`,
  );
  lines.push(
    `- Journal first render, from setting \`#/journal\` on a freshly loaded page to the first frame painted after the table's rows are in the DOM: ${d.journal.trials.map(fmt).join(', ')} ms. From navigation start of a full page load: ${d.journal.fullLoad.map(fmt).join(', ')} ms.`,
  );
  lines.push(
    `- Cold start: offline, service worker stopped, new tab, CPU throttled 4×; from navigation start to the journal painted with its rows and search box: ${d.coldStart.trials.map(fmt).join(', ')} ms.`,
  );
  lines.push(
    `- Heap: JSHeapUsedSize ${fmt(d.heap.usedMb)} MB (total ${fmt(d.heap.totalMb)} MB) of a fresh page showing the journal, after a forced GC.`,
    '',
  );

  lines.push(...proofSection(r));

  lines.push('### Bundle (`bench/bundle.ts`)', '');
  for (const file of r.bundle.files) {
    lines.push(`- \`${file.path}\`: ${fmt(file.bytes)} B, ${fmt(file.gzip)} B gzipped`);
  }
  lines.push('');

  const s = r.rss;
  lines.push('### Server memory (`bench/server-rss.ts`)', '');
  lines.push(
    `${fmt(s.events)} events (${fmt(s.cases)} cases) written into the SQLite store in bulk in ${fmt(s.seedSeconds)} s; the server started on it; ` +
      `RSS ${fmt(s.idleRssMb)} MB idle, ${fmt(s.rssMb)} MB after ${s.pulls} pulls of up to 1,000 events and ${s.pushes} pushes (peak ${fmt(s.peakMb)} MB). ` +
      'The server is the one `npm start` runs: built by `npm run build` into `dist-server/` and started by plain node with the flags of the start script. ' +
      "The stored events carry their proofs, as a store written since ADR 0015 does; the pushes' people sign in first (at the low PIN cost).",
    '',
    `The same server at the standard PIN cost, as a district runs it, on a fresh demo district: RSS ${fmt(s.standardSignIns.idleRssMb)} MB idle, ` +
      `${fmt(s.standardSignIns.rssMb)} MB after the first sign-ins of ${s.standardSignIns.signIns} people one after another (peak ${fmt(s.standardSignIns.peakMb)} MB; ` +
      `${fmt(s.standardSignIns.msPerSignIn)} ms a sign-in), ${fmt(s.standardSignIns.laterRssMb)} MB ten seconds later: each PIN check is an Argon2id of 128 MiB in the server (at most two at once), ` +
      `${s.standardSignIns.laterRssMb > s.standardSignIns.idleRssMb + 20 ? 'and the memory it took is not all given back' : 'and the memory it took is given back'}. ` +
      '`server_rss_1m_mb` is measured at the low PIN cost and does not include it.',
    '',
  );

  const missed = list.filter((x) => !passes(x));
  if (missed.length > 0) {
    lines.push('## Missed targets: why, and what it would take', '');
    for (const x of missed) {
      lines.push(
        `### \`${x.key}\`: ${fmt(x.value)} ${x.unit} (target ${x.atLeast ? '≥' : '≤'} ${fmt(x.target)})`,
        '',
      );
      lines.push(MISSES[x.key]?.(r) ?? '', '');
    }
  }
  const md = `${lines.join('\n').trimEnd()}\n`;
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), md);
  return { json: jsonPath, md: join(ROOT, 'docs', 'benchmarks.md') };
}
