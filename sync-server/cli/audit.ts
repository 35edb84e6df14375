/**
 * `audit --staff <id> --from <date> --to <date>`: what a person recorded in a period (by the
 * device's date), newest first, with case numbers, whether each came proved by the person's key
 * (`verified`) or predates proofs (`predates-proof`), and the device each event came from — the
 * same query as the admin screen's audit (sync/audit.ts). `--offset`/`--limit` page through it.
 */
import { AUDIT_MAX_PAGE_SIZE } from '../../src/domain/admin/audit';
import { auditOf } from '../sync/audit';
import { requireString, type StoreCommand, UsageError } from './command';

function count(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n > max) {
    throw new UsageError(`--${name} must be a whole number up to ${max}`);
  }
  return n;
}

export const auditCommand: StoreCommand = {
  summary: "a person's recorded events in a period, with case numbers and devices",
  usage:
    'audit --staff <id> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--offset n] [--limit n] [--json]',
  options: {
    staff: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    offset: { type: 'string' },
    limit: { type: 'string' },
  },
  validate(context) {
    requireString(context, 'staff');
    requireString(context, 'from');
    requireString(context, 'to');
    count(context.options.offset, 'offset', 0, 10_000_000);
    count(context.options.limit, 'limit', 500, AUDIT_MAX_PAGE_SIZE);
  },
  async run(context) {
    const page = await auditOf(
      context.db,
      { kind: 'cli' },
      {
        personId: requireString(context, 'staff'),
        from: requireString(context, 'from'),
        to: requireString(context, 'to'),
        offset: count(context.options.offset, 'offset', 0, 10_000_000),
        limit: count(context.options.limit, 'limit', AUDIT_MAX_PAGE_SIZE, AUDIT_MAX_PAGE_SIZE),
      },
    );
    const rows = page.entries.map(
      (e) =>
        `${e.deviceTime.slice(0, 16).replace('T', ' ')}  ${e.type.padEnd(22)} ${(e.regNumber ?? e.caseId).padEnd(20)} ${e.proof.padEnd(14)} ${e.deviceName ?? `${e.deviceOfficeId ?? '?'} №${e.deviceNo ?? '?'}`}`,
    );
    const text = [
      `${page.staffId}: ${page.total} events ${page.from} – ${page.to} (showing ${page.offset + 1}–${page.offset + page.entries.length})`,
      ...rows,
    ].join('\n');
    return { json: page, text };
  },
};
