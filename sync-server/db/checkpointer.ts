/**
 * WAL checkpoints on a thread of their own. A checkpoint copies the pages the WAL holds back
 * into the database file and syncs it; run by SQLite's automatic checkpoint, that happens inside
 * some push's COMMIT, on the server's one main thread, which under load spent about 5 % of its
 * time there, part of it waiting for the disk.
 *
 * A second connection in a worker thread runs PASSIVE checkpoints every `intervalMs`: they never
 * block the writer and copy what the WAL gained since the last one. The writing connection keeps
 * its automatic checkpoint, which then finds little left to copy; it is still what restarts the
 * WAL from its beginning (only a checkpoint that reaches the WAL's end lets the next write start
 * over, and only the writer's own can, with no commit in between), so the WAL stays bounded even
 * if this thread falls behind or fails.
 *
 * The worker's code is a short script given as text: the built server is one file, and the
 * script needs nothing but the same better-sqlite3 the server loads.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
// A checkpoint that finds the writer's own checkpoint running gives up at once; the next one
// comes soon.
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy, or an I/O error: the writer's automatic checkpoint stays.
  }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  /** Stops the thread after its current checkpoint and closes its connection. */
  close(): Promise<void>;
}

export function startCheckpointer(file: string, intervalMs = 250): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SCRIPT, { eval: true, workerData: { file, driver, intervalMs } });
  // The thread never keeps a process alive (a CLI command that opened the store ends).
  worker.unref();
  let failed = false;
  worker.on('error', () => {
    // The writer's automatic checkpoints go on without it.
    failed = true;
  });
  return {
    async close() {
      // The script answers once its connection is closed; a thread that failed has nothing to.
      if (!failed) {
        await new Promise<void>((resolve) => {
          worker.once('message', () => resolve());
          worker.once('exit', () => resolve());
          worker.postMessage('close');
        });
      }
      await worker.terminate();
    },
  };
}
