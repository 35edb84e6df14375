/**
 * `status-lookups`: the latest tries of the citizen's status page and its API, newest first —
 * when, from which network, which number, by the page or the API, and how each ended — so an
 * administrator sees a network guessing numbers (docs/adr/0010-public-status.md).
 */
import { latestLookups } from '../queries/status';
import { type Command, UsageError } from './command';

const MAX = 10_000;

function limitOf(value: unknown): number {
  if (value === undefined) return 100;
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--limit must be a whole number from 1 to ${MAX}`);
  }
  return Math.min(Number(value), MAX);
}

export const statusLookupsCommand: Command = {
  summary: 'latest tries of the public status page (at, address, number, via, outcome)',
  usage: 'status-lookups [--limit <n>] [--json]',
  options: { limit: { type: 'string' } },
  validate({ options }) {
    limitOf(options.limit);
  },
  async run({ db, options }) {
    const rows = (await latestLookups(db, limitOf(options.limit))).map((r) => ({
      at: r.at,
      address: r.address,
      number: r.number,
      via: r.via,
      outcome: r.outcome,
    }));
    const text = rows
      .map(
        (r) =>
          `${r.at}  ${r.address.padEnd(20)} ${r.number.padEnd(16)} ${r.via.padEnd(4)} ${r.outcome}`,
      )
      .join('\n');
    return { json: rows, text };
  },
};
