// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit that
// crosses 1,000 WAL pages, on the committing thread: it copies pages into the database and fsyncs
// both files while every request waits (hundreds of ms on a busy disk, the worst of the hit p99).
// The server turns that off and a worker thread, with its own connection, checkpoints instead.
// PASSIVE never blocks the server's writers or readers. The worker's connection is synchronous=
// NORMAL: the WAL is fsynced before pages are copied and the database after, so a power loss during
// a checkpoint loses nothing committed; the WAL is only reused once the copy is on disk.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain JavaScript run with eval so it loads the same way under node, tsx and vitest; the driver is
// resolved here, so the server's working directory does not matter.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = NORMAL');
parentPort.on('message', (msg) => {
  if (msg === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage(String(err));
  }
});
`;

export class Checkpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private last = 0;

  /** `onError` hears checkpoint failures; a later commit tries again. */
  constructor(file: string, onError: (message: string) => void, private readonly intervalMs = 100) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (m: unknown) => onError(String(m)));
    this.worker.on('error', (err) => onError(String(err)));
    // Never keeps the process alive on its own.
    this.worker.unref();
  }

  /** Called after each commit: asks for a checkpoint at most every `intervalMs`, so the WAL stays small. */
  committed(): void {
    const now = Date.now();
    if (now - this.last < this.intervalMs) return;
    this.last = now;
    this.worker.postMessage('checkpoint');
  }

  /** Closes the worker's connection first, so the server's close is the last and cleans up the WAL. */
  async close(): Promise<void> {
    this.worker.postMessage('stop');
    await this.exited;
  }
}
