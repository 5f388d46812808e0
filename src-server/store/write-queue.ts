// Group commit: work that must be durable before its request is answered (tracking hits, replies)
// is queued and committed in batches; a job's promise resolves once store.durable() says its batch
// is on disk, so one fsync covers many hits and the event loop keeps serving while it runs.
//
// A batch runs as one plain transaction (a savepoint per job cost about a third of the recording
// CPU). If any job throws, the whole batch is rolled back and rerun one job per transaction, so a
// bad hit rejects only its own promise and never loses the others.
//
// Scheduling: when no fsync is in flight, what arrived during one turn of the event loop commits at
// once. While an fsync runs, new work waits and commits as one batch when it ends: it could not be
// durable sooner anyway, and one commit of many hits writes far fewer WAL pages than many small ones.
import type { Store } from './store';

interface Job<T> {
  run: () => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class WriteQueue {
  private pending: Job<unknown>[] = [];
  private scheduled = false;
  private closed = false;
  /** The batch whose durability we are waiting for; the next batch commits when it settles. */
  private syncing: Promise<void> | null = null;

  constructor(private readonly store: Store) {}

  /** Resolves with fn's result after the batch holding it is committed and durable. */
  enqueue<T>(run: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('write queue closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run, resolve, reject } as Job<unknown>);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.syncing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Commits everything queued now and starts making it durable. */
  private flush(): void {
    const batch = this.pending;
    if (batch.length === 0 || this.syncing) return;
    this.pending = [];
    const outcomes = this.commit(batch);
    const settle = this.store.durable().then(
      () =>
        batch.forEach((job, i) => {
          const outcome = outcomes[i];
          if (outcome?.ok) job.resolve(outcome.value);
          else job.reject(outcome?.error);
        }),
      (error: unknown) => batch.forEach((job) => job.reject(error)),
    );
    this.syncing = settle.finally(() => {
      this.syncing = null;
      // Work that arrived during the fsync commits now, as one batch.
      if (this.pending.length > 0) this.flush();
    });
  }

  private commit(batch: Job<unknown>[]): Outcome[] {
    try {
      return this.store.transaction(() => batch.map((job): Outcome => ({ ok: true, value: job.run() })));
    } catch {
      // A job threw (or the commit failed): nothing of the batch is stored. Caches may hold what
      // was rolled back; retry each job alone so only the bad one fails.
      this.store.forgetCaches();
    }
    return batch.map((job): Outcome => {
      try {
        return { ok: true, value: this.store.transaction(job.run) };
      } catch (error) {
        this.store.forgetCaches();
        return { ok: false, error };
      }
    });
  }

  /** Commits what is queued, waits until all of it is durable, and refuses new work (graceful shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    while (this.syncing || this.pending.length > 0) {
      if (this.syncing) await this.syncing;
      else this.flush();
    }
  }
}
