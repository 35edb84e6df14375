/**
 * `restore <file> [--force]`: loads a backup into the store the server uses (DATA_DIR /
 * DATABASE_URL), SQLite or PostgreSQL, whichever store the backup came from — also how a district
 * moves from its SQLite file to a regional PostgreSQL. Stop the server first: devices that synced
 * after the backup was taken are ahead of what it holds.
 *
 * The file is checked whole before the store is opened; then the store is migrated and the rows
 * go in in one transaction (backup/restore.ts). An empty store only, unless `--force`, which
 * replaces everything the store holds.
 */

import { BackupError } from '../backup/format';
import { checkBackup, restoreBackup } from '../backup/restore';
import { summaryText, withStore } from './backup';
import { CommandFailure, type PureCommand, requireSinglePositional } from './command';

export const restoreCommand: PureCommand = {
  needsStore: false,
  summary: 'load a backup into an empty store (--force: replace what it holds)',
  usage: 'restore <file> [--force] [--json]',
  options: { force: { type: 'boolean' } },
  allowPositionals: true,
  async run(context) {
    const file = requireSinglePositional(context, 'file');
    try {
      await checkBackup(file);
    } catch (error) {
      if (error instanceof BackupError) throw new CommandFailure(error.code, error.message);
      throw error;
    }
    const force = context.options.force === true;
    const summary = await withStore((db) => restoreBackup(db, file, { force }), {
      mustExist: false,
    });
    return { json: summary, text: summaryText('restored', summary) };
  },
};
