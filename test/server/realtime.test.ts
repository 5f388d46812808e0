// Realtime delivery (PROTOCOL.md, Realtime): token auth, hello, cursor replay in acknowledged
// batches then live, per-user isolation, and exactly-once-after-dedupe across a server restart.
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { Hello, Preferences, TrackingEvent } from '../../src-shared/protocol';
import { UNAUTHORIZED } from '../../src-shared/socket-events';
import {
  addTestUser, api, connectSocket, hitAsPerson, registerMessage, startTestServer, waitFor, type TestServer, type TestSocket,
} from '../support/server';

let server: TestServer;
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.close();
});

const open = (s: TestSocket) => {
  sockets.push(s);
  return s;
};

describe('socket auth', () => {
  it('fails a bad or missing token with "unauthorized"', async () => {
    server = await startTestServer();
    for (const auth of [{ token: 'nope', cursor: 0 }, {}, { token: '' }]) {
      const s = open(io(server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true }) as TestSocket);
      const message = await new Promise<string>((resolve) => s.on('connect_error', (e) => resolve(e.message)));
      expect(message).toBe(UNAUTHORIZED);
    }
  });

  it('greets with hello naming the user and the latest seq', async () => {
    server = await startTestServer();
    const user = addTestUser(server, { name: 'Ann' });
    const m = await registerMessage(server, user.token);
    await hitAsPerson(m.pixelUrl!);
    const { socket } = connectSocket(server, user.token, 0);
    open(socket);
    const hello = await new Promise<Hello>((resolve) => socket.on('hello', resolve));
    expect(hello.user).toEqual({ id: user.id, email: user.email, name: 'Ann' });
    expect(hello.latestSeq).toBe(1);
  });
});

describe('delivery', () => {
  it('replays missed events after the cursor, then pushes live ones, one batch per ack', async () => {
    server = await startTestServer();
    const user = addTestUser(server);
    const m = await registerMessage(server, user.token);
    for (let i = 0; i < 5; i++) await hitAsPerson(m.pixelUrl!);
    const batches: TrackingEvent[][] = [];
    let pending: (() => void) | null = null;
    const s = open(io(server.url, { auth: { token: user.token, cursor: 2 }, transports: ['websocket'], reconnection: false, forceNew: true }) as TestSocket);
    s.on('events', (batch, ack) => {
      batches.push(batch);
      pending = ack;
    });
    await waitFor(() => batches.length === 1, 5000, 'first batch');
    expect(batches[0]!.map((e) => e.seq)).toEqual([3, 4, 5]);
    await hitAsPerson(m.pixelUrl!);
    // Without an ack nothing more arrives, even though a new event exists.
    await new Promise((r) => setTimeout(r, 150));
    expect(batches).toHaveLength(1);
    (pending as unknown as () => void)();
    await waitFor(() => batches.length === 2, 5000, 'second batch');
    expect(batches[1]!.map((e) => e.seq)).toEqual([6]);
  });

  it('never shows one user another user\'s events or preferences', async () => {
    server = await startTestServer();
    const alice = addTestUser(server);
    const bob = addTestUser(server);
    const a = connectSocket(server, alice.token, 0);
    const b = connectSocket(server, bob.token, 0);
    open(a.socket);
    open(b.socket);
    const bobPrefs: Preferences[] = [];
    b.socket.on('preferences', (p) => bobPrefs.push(p));
    const alicePrefs: Preferences[] = [];
    a.socket.on('preferences', (p) => alicePrefs.push(p));
    await waitFor(() => a.socket.connected && b.socket.connected, 5000, 'connections');
    const m = await registerMessage(server, alice.token);
    await hitAsPerson(m.pixelUrl!);
    const prefs: Preferences = { defaults: { trackOpens: true, trackClicks: false, log: false }, neverLog: ['acme.example'], mutes: [] };
    expect((await api(server, alice.token, 'PUT', '/api/v1/me/preferences', prefs)).status).toBe(200);
    await waitFor(() => a.received.length === 1 && alicePrefs.length === 1, 5000, 'alice pushes');
    const bm = await registerMessage(server, bob.token);
    await hitAsPerson(bm.pixelUrl!);
    await waitFor(() => b.received.length === 1, 5000, 'bob event');
    expect(b.received.map((e) => e.messageId)).toEqual([bm.id]);
    expect(a.received.map((e) => e.messageId)).toEqual([m.id]);
    expect(alicePrefs[0]).toEqual(prefs);
    expect(bobPrefs).toEqual([]);
  });

  it('delivers every event exactly once after dedupe, in order, across disconnects and a restart', async () => {
    server = await startTestServer();
    const user = addTestUser(server);
    const m = await registerMessage(server, user.token);
    const seen = new Map<string, TrackingEvent>();
    const order: number[] = [];
    let cursor = 0;
    const session = () => {
      const s = open(io(server.url, { auth: { token: user.token, cursor }, transports: ['websocket'], reconnection: false, forceNew: true }) as TestSocket);
      s.on('events', (batch, ack) => {
        for (const e of batch) {
          if (seen.has(e.id)) continue;
          seen.set(e.id, e);
          order.push(e.seq);
        }
        cursor = Math.max(cursor, batch.at(-1)!.seq);
        ack();
      });
      return s;
    };
    let s = session();
    for (let i = 0; i < 3; i++) await hitAsPerson(m.pixelUrl!);
    await waitFor(() => seen.size === 3, 5000, 'live events');
    s.disconnect();
    for (let i = 0; i < 4; i++) await hitAsPerson(m.links[0]!.trackedUrl);
    server = await server.restart();
    for (let i = 0; i < 2; i++) await hitAsPerson(m.pixelUrl!);
    s = session();
    const total = (await api<{ events: TrackingEvent[] }>(server, user.token, 'GET', '/api/v1/events?limit=1000')).body.events.length;
    await waitFor(() => seen.size === total, 5000, 'replayed events');
    expect(order).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    // And a reconnect from an old cursor re-sends, which dedupe by id absorbs.
    s.disconnect();
    cursor = 2;
    session();
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.size).toBe(total);
  });
});
