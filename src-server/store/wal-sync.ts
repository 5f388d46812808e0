// Makes committed WAL frames durable without blocking the event loop. SQLite runs with
// synchronous=NORMAL (a commit writes the WAL but does not fsync it), and this fsyncs the WAL file on
// libuv's thread pool instead. A process crash loses nothing answered: a commit is in the OS before
// it returns. Power loss: an answered hit's frames were fsynced; checkpoints (checkpointer.ts, also
// NORMAL) fsync the WAL before copying and the database before the WAL is reused, and a restarted
// WAL's header is synced before new frames, so a cut mid-checkpoint loses or corrupts nothing. Callers that need
// durability await sync(): it resolves after an fsync that started after their commit. At most one
// fsync runs at a time and every caller that arrives meanwhile shares the next one (group commit).
// fsync works on the file, not the descriptor, so our own read-only descriptor covers SQLite's
// writes; the WAL file is never replaced while our connection holds the database open.
import fs from 'node:fs';
import path from 'node:path';

export class WalSync {
  private readonly fd: number;
  private running: Promise<void> = Promise.resolve();
  private next: Promise<void> | null = null;

  constructor(walPath: string) {
    this.fd = fs.openSync(walPath, 'r');
    // The WAL may have just been created: make its directory entry durable once.
    const dir = fs.openSync(path.dirname(walPath), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  }

  /** Resolves once everything committed before this call is on disk. */
  sync(): Promise<void> {
    if (!this.next) {
      const next = this.running
        .catch(() => undefined)
        .then(() => {
          // From here on, new callers need a later fsync than this one.
          this.next = null;
          return new Promise<void>((resolve, reject) => fs.fsync(this.fd, (err) => (err ? reject(err) : resolve())));
        });
      this.next = next;
      this.running = next;
    }
    return this.next;
  }

  /** Waits for the last fsync, then releases the descriptor. */
  async close(): Promise<void> {
    await this.running.catch(() => undefined);
    fs.closeSync(this.fd);
  }
}
