import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../src-main/adapters/node/backoff';
import { socketTarget } from '../../../../src-main/adapters/node/socket-target';
import { RecentIds } from '../../../../src-main/adapters/node/recent-ids';

describe('backoffDelay', () => {
  const at = (attempt: number, r: number) => backoffDelay(attempt, { initialMs: 500, maxMs: 30_000, random: () => r });
  it('doubles from the initial delay, with half of it random', () => {
    expect([at(0, 0), at(0, 1)]).toEqual([250, 500]);
    expect([at(1, 0), at(1, 1)]).toEqual([500, 1000]);
    expect([at(3, 0.5)]).toEqual([3000]);
  });
  it('never exceeds the cap, however many attempts', () => {
    expect(at(10, 1)).toBe(30_000);
    expect(at(1000, 1)).toBe(30_000);
    expect(at(1000, 0)).toBe(15_000);
  });
});

describe('socketTarget', () => {
  it('moves a URL path into the engine path instead of a namespace', () => {
    expect(socketTarget('http://127.0.0.1:7340')).toEqual({ origin: 'http://127.0.0.1:7340', path: '/socket.io' });
    expect(socketTarget('https://x.example/inkling/')).toEqual({ origin: 'https://x.example', path: '/inkling/socket.io' });
  });
});

describe('RecentIds', () => {
  it('forgets the oldest beyond its capacity', () => {
    const ids = new RecentIds(2);
    ids.add('a');
    ids.add('b');
    ids.add('c');
    expect([ids.has('a'), ids.has('b'), ids.has('c')]).toEqual([false, true, true]);
  });
});
