// The group-commit write queue over the real SQLite store, with fsync at commit (as the CLI opens it)
// and with the server's off-loop WAL sync: a job's promise resolves only once its batch is
// committed (another connection sees it), and a failing job rolls back alone.
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src-server/store/sqlite-store';
import { WriteQueue } from '../../../src-server/store/write-queue';
import { tempDataDir } from '../../support/server';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
const user = (n: number) => ({ id: `u${n}`, email: `u${n}@x.example`, name: `U${n}`, admin: false });

describe.each([{ groupSync: false }, { groupSync: true }])('WriteQueue (%o)', (opts) => {
  const open = (dir: string) => {
    const s = new SqliteStore(dir, opts);
    stores.push(s);
    return s;
  };

  it('resolves each job after its batch is visible to another connection', async () => {
    const dir = tempDataDir();
    const store = open(dir);
    const reader = open(dir);
    const queue = new WriteQueue(store);
    const done = [1, 2, 3].map((n) => queue.enqueue(() => store.createUser(user(n), `hash${n}`)));
    // Nothing is committed before the batch runs.
    expect(reader.userById('u1')).toBeNull();
    await Promise.all(done);
    expect([1, 2, 3].map((n) => reader.userById(`u${n}`)?.email)).toEqual(['u1@x.example', 'u2@x.example', 'u3@x.example']);
  });

  it('rolls back a failing job alone and rejects only its promise', async () => {
    const dir = tempDataDir();
    const store = open(dir);
    const queue = new WriteQueue(store);
    const ok1 = queue.enqueue(() => store.createUser(user(1), 'h1'));
    const bad = queue.enqueue(() => {
      store.createUser(user(2), 'h2');
      throw new Error('classifier exploded');
    });
    const ok3 = queue.enqueue(() => store.createUser(user(3), 'h3'));
    await expect(bad).rejects.toThrow('classifier exploded');
    await Promise.all([ok1, ok3]);
    expect(store.userById('u1')).not.toBeNull();
    expect(store.userById('u2')).toBeNull();
    expect(store.userById('u3')).not.toBeNull();
  });

  it('reruns the good jobs of a failed batch without gaps in seq or stale recent hits', async () => {
    const store = open(tempDataDir());
    store.createUser(user(1), 'h1');
    const queue = new WriteQueue(store);
    const hit = (ip: string) => ({
      messageId: 'm', type: 'open' as const, method: 'GET' as const, at: new Date().toISOString(), ip,
      userAgent: undefined, linkId: null, honeypot: false, source: 'human' as const, reasons: [], boundTo: null,
    });
    const event = (id: string) => ({
      id, type: 'open' as const, at: new Date().toISOString(), messageId: 'm', threadId: 'm', subject: '',
      recipient: null, source: 'machine' as const, reasons: [], inferred: false, first: false,
    });
    const job = (id: string, fail = false) => () => {
      store.insertHit(hit(id));
      const { seq } = store.appendEvent('u1', event(id));
      if (fail) throw new Error(`job ${id} failed`);
      return seq;
    };
    const results = await Promise.allSettled([queue.enqueue(job('a')), queue.enqueue(job('b', true)), queue.enqueue(job('c'))]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual([1, 'rejected', 2]);
    expect(store.eventsAfter('u1', 0, 10).map((e) => e.id)).toEqual(['a', 'c']);
    // The in-memory copy of recent hits matches the disk: the rolled-back hit is not in it.
    expect(store.priorHits('m').map((h) => h.ip)).toEqual(['a', 'c']);
  });

  it('commits what is queued on close and refuses work afterwards', async () => {
    const dir = tempDataDir();
    const store = open(dir);
    const queue = new WriteQueue(store);
    const pending = queue.enqueue(() => store.createUser(user(9), 'h9'));
    await queue.close();
    await pending;
    expect(open(dir).userById('u9')).not.toBeNull();
    await expect(queue.enqueue(() => 1)).rejects.toThrow(/closed/);
  });

  it('gives each user a strictly increasing seq', async () => {
    const store = open(tempDataDir());
    store.createUser(user(1), 'h1');
    store.createUser(user(2), 'h2');
    const queue = new WriteQueue(store);
    const event = (id: string) => ({
      id, type: 'open' as const, at: new Date().toISOString(), messageId: 'm', threadId: 'm', subject: '',
      recipient: null, source: 'machine' as const, reasons: [], inferred: false, first: false,
    });
    const seqs = await Promise.all(
      ['a', 'b', 'c', 'd'].map((id, i) => queue.enqueue(() => store.appendEvent(i % 2 ? 'u2' : 'u1', event(id)).seq)),
    );
    expect(seqs).toEqual([1, 1, 2, 2]);
    expect(store.eventsAfter('u1', 0, 10).map((e) => e.id)).toEqual(['a', 'c']);
    expect(store.latestSeq('u2')).toBe(2);
  });
});

// The fsync is the one part held by hand here: the real store, with durable() waiting for a gate.
class GatedStore extends SqliteStore {
  transactions = 0;
  readonly gates: (() => void)[] = [];
  override transaction<T>(fn: () => T): T {
    this.transactions++;
    return super.transaction(fn);
  }
  override durable(): Promise<void> {
    return new Promise<void>((resolve) => this.gates.push(resolve)).then(() => super.durable());
  }
}

it('gathers the work that arrives during an fsync into one batch committed when it ends', async () => {
  const store = new GatedStore(tempDataDir(), { groupSync: true });
  stores.push(store);
  store.createUser(user(1), 'h1');
  const queue = new WriteQueue(store);
  const tick = () => new Promise((r) => setImmediate(r));
  const prefs = () => store.setPreferences('u1', store.getPreferences('u1'));
  const settled: string[] = [];
  const first = queue.enqueue(prefs).then(() => settled.push('a'));
  await tick();
  const before = store.transactions;
  const later = [queue.enqueue(prefs), (await tick(), queue.enqueue(prefs))].map((p) => p.then(() => settled.push('later')));
  await tick();
  // The first batch waits for its fsync; nothing else has committed meanwhile.
  expect([store.transactions - before, store.gates.length, settled]).toEqual([0, 1, []]);
  store.gates[0]?.();
  await first;
  while (store.gates.length < 2) await tick();
  // Both later jobs went into one transaction, started once the first fsync ended.
  expect(store.transactions - before).toBe(1);
  store.gates[1]?.();
  await Promise.all(later);
  expect(settled).toEqual(['a', 'later', 'later']);
});

