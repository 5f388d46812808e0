// Group commit: work that must be durable before its request is answered (tracking hits, replies)
// is queued, and everything queued during one turn of the event loop is committed in a single
// transaction; its promises resolve once store.durable() says the batch is on disk, so one fsync
// covers many hits and the event loop keeps serving while it runs. Each job runs in its own
// savepoint: a job that throws rolls back alone and rejects only its own promise.
import type { Store } from './store';

interface Job<T> {
  run: () => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export class WriteQueue {
  private pending: Job<unknown>[] = [];
  private scheduled = false;
  private closed = false;
  /** Batches committed but not yet known durable; close() waits for them. */
  private readonly syncing = new Set<Promise<void>>();

  constructor(private readonly store: Store) {}

  /** Resolves with fn's result after the batch holding it has committed. */
  enqueue<T>(run: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('write queue closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run, resolve, reject } as Job<unknown>);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits everything queued now; called by the timer and by shutdown. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.store.transaction(() => {
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: this.store.transaction(job.run) });
          } catch (error) {
            this.store.forgetCaches();
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of this batch is durable.
      this.store.forgetCaches();
      for (const job of batch) job.reject(error);
      return;
    }
    const settle = this.store.durable().then(
      () =>
        batch.forEach((job, i) => {
          const outcome = outcomes[i];
          if (outcome?.ok) job.resolve(outcome.value);
          else job.reject(outcome?.error);
        }),
      (error: unknown) => batch.forEach((job) => job.reject(error)),
    );
    this.syncing.add(settle);
    void settle.finally(() => this.syncing.delete(settle));
  }

  /** Commits what is queued, waits until it is durable, and refuses new work (graceful shutdown). */
  async close(): Promise<void> {
    this.flush();
    this.closed = true;
    await Promise.all(this.syncing);
  }
}
