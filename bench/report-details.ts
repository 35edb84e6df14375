/**
 * Paragraphs of the benchmark report's details that take more than a line to write: the 004-01
 * case with the commission (wire), and the proofs.
 */
import { fmt } from './lib/format';
import type { RunResults } from './report';
import type { CommissionCaseResult } from './wire-commission';

/** The proofs' section: what one costs on the device and on the server (`bench/proof.ts`). */
export function proofSection(r: RunResults): string[] {
  const p = r.proof;
  return [
    '### Proofs (`bench/proof.ts`)',
    '',
    `Every event carries HMAC-SHA256 of its canonical content by its person's proof key (ADR 0015): the device makes it inside the append's transaction, the server checks it for every event of a push. ` +
      `Timed over ${fmt(p.events)} events of closed applications of the 17 akimats (every step from intake to hand-out, ${fmt(p.contentBytes)} B of JSON each on average, a key per person and device), ${p.passes} passes after one not counted; the median pass. ` +
      `Making a proof: ${fmt(p.deviceUs)} µs per event in Chromium (passes ${p.deviceTrials.map(fmt).join(', ')}), ${fmt(p.deviceNodeUs)} µs in Node. ` +
      `Checking one on the server: ${fmt(p.serverUs)} µs (passes ${p.serverTrials.map(fmt).join(', ')}), against the server's ${fmt(Math.round((r.sqlite.best.serverCpu / 100 / r.sqlite.best.eps) * 1e6))} µs of CPU per event taken at the best SQLite ingest level above, which includes it. ` +
      "The target is this work's own: a proof's check should cost the server no more than about a tenth of taking an event.",
    '',
  ];
}

/** The wire section's line on one 004-01 case with the commission (`bench/wire-commission.ts`). */
export function commissionCaseLine(c: CommissionCaseResult): string {
  return (
    `- One ${c.service} case through the rural akim with the precinct commission, registration to hand-out ` +
    `(${c.events.length} events: ${c.events.join(', ')}), made by the app's commands and pushed by its sync code ` +
    "(`bench/wire-commission.ts`: the app's code in Node over fake-indexeddb, so the request headers are Node fetch's, not Chromium's). " +
    `Each step pushed as it is recorded: ${fmt(c.online.upBytes)} B up in ${c.online.pushes} pushes ` +
    `(bodies ${fmt(c.online.bodyBytes)} B as the app sends them, ${c.online.gzipped} gzipped; the rest is request lines and headers), ` +
    `answers ${fmt(c.online.downBytes)} B. Each side's steps pushed together (village, district, village): ` +
    `${fmt(c.offline.upBytes)} B up in ${c.offline.pushes} pushes (bodies ${fmt(c.offline.bodyBytes)} B, ${c.offline.gzipped} gzipped), ` +
    `answers ${fmt(c.offline.downBytes)} B. The pulls that bring the case to the other side are not counted.`
  );
}
