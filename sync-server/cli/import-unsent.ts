/**
 * `import-unsent <file>`: a file of unsent work (written by a revoked or broken device, carried
 * to the district) into the store, through the same module as the admin screen's upload
 * (sync/unsent-import.ts): every event exactly once however often the file is imported, and a
 * report of each — accepted, already there, rejected with its reason. A file that is not such a
 * file fails with exit code 1 and changes nothing.
 */
import { readFile } from 'node:fs/promises';
import type { UnsentImportReport } from '../../src/domain/admin/unsent-file';
import { importUnsent } from '../sync/unsent-import';
import { CommandFailure, requireSinglePositional, type StoreCommand } from './command';

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CommandFailure('file-unreadable', `cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CommandFailure(
      'unsent-file-invalid',
      `${path} is not a file of unsent work (not JSON)`,
    );
  }
}

export function importText(report: UnsentImportReport): string {
  const device = report.deviceName ?? `${report.officeId} №${report.deviceNo}`;
  const head = [
    `device ${device} (${report.deviceId}), exported ${report.exportedAt}`,
    `${report.total} events: ${report.accepted} accepted, ${report.alreadyThere} already there, ${report.rejected} rejected`,
  ];
  const rows = report.events.map((e) => {
    const why =
      e.status === 'rejected'
        ? ` ${e.code}${e.details ? ` ${JSON.stringify(e.details)}` : ''}`
        : '';
    return `  ${String(e.deviceSeq).padStart(5)}  ${e.status.padEnd(13)} ${e.type.padEnd(22)} ${e.regNumber ?? e.caseId}${why}`;
  });
  return [...head, ...rows].join('\n');
}

export const importUnsentCommand: StoreCommand = {
  summary: 'import a file of unsent work from a revoked or broken device (exactly once)',
  usage: 'import-unsent <file> [--json]',
  options: {},
  allowPositionals: true,
  async run(context) {
    const path = requireSinglePositional(context, 'file');
    const raw = await readJson(path);
    const report = await importUnsent(context.db, raw, { kind: 'cli' }, context.now);
    return { json: report, text: importText(report) };
  },
};
