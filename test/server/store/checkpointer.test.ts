// The server's store checkpoints on a worker thread (autocheckpoint is off on its own connection):
// committed pages reach the database file while the server keeps running, and closing still
// leaves a complete database behind.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SqliteStore } from '../../../src-server/store/sqlite-store';
import { WriteQueue } from '../../../src-server/store/write-queue';
import { tempDataDir } from '../../support/server';

it('copies committed pages into the database file off the event loop, and closes cleanly', async () => {
  const dir = tempDataDir();
  const file = path.join(dir, 'inkling.sqlite');
  const store = new SqliteStore(dir, { groupSync: true });
  const queue = new WriteQueue(store);
  const before = fs.statSync(file).size;
  const users = Array.from({ length: 2000 }, (_, n) => ({ id: `u${n}`, email: `u${n}@x.example`, name: `U${n}`.repeat(20), admin: false }));
  for (let i = 0; i < users.length; i += 100) {
    await Promise.all(users.slice(i, i + 100).map((u) => queue.enqueue(() => store.createUser(u, `h-${u.id}`))));
  }
  // Only a checkpoint writes the database file; the worker is asked after commits.
  const deadline = Date.now() + 10_000;
  while (fs.statSync(file).size <= before && Date.now() < deadline) {
    await queue.enqueue(() => store.setPreferences('u1', { ...store.getPreferences('u1') }));
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(fs.statSync(file).size).toBeGreaterThan(before);
  await queue.close();
  await store.close();
  const reopened = new SqliteStore(dir);
  expect(reopened.userById('u1999')?.email).toBe('u1999@x.example');
  await reopened.close();
});
