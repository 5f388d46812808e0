// The feed against the real server: live delivery, missed events after a reconnect, duplicates,
// a server restart and a bad token.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addTestUser,
  hitAsPerson,
  registerMessage,
  startTestServer,
  waitFor,
  type TestServer,
  type TestUser,
} from '../../../support/server';
import { recordingFeed } from './feed-harness';

let server: TestServer;
let user: TestUser;
const feeds: Array<{ stop(): Promise<void> }> = [];

beforeEach(async () => {
  server = await startTestServer();
  user = addTestUser(server);
});

afterEach(async () => {
  for (const f of feeds.splice(0)) await f.stop();
  await server.close();
});

function track(f: ReturnType<typeof recordingFeed>) {
  feeds.push(f.feed);
  return f;
}

async function sentMessage(subject = 'Q3 proposal') {
  return registerMessage(server, user.token, { subject });
}

describe('SocketIoFeed', () => {
  it('delivers a live pixel hit as a human open, and says it is online', async () => {
    const f = track(recordingFeed(server.url, user.token));
    f.feed.start(0);
    await waitFor(() => f.last() === 'online', 5000, 'online');
    expect(f.statuses[0]).toEqual({ state: 'connecting', server: server.url });
    expect(f.statuses.at(-1)).toMatchObject({ state: 'online', user: { id: user.id, email: user.email }, latestSeq: 0 });
    const message = await sentMessage();
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => f.received.length === 1, 5000, 'the open');
    expect(f.received[0]).toMatchObject({ type: 'open', source: 'human', messageId: message.id, subject: 'Q3 proposal' });
    expect(f.feed.position()).toBe(f.received[0]!.seq);
  });

  it('receives exactly the events missed while it was away when it comes back', async () => {
    const message = await sentMessage();
    const first = track(recordingFeed(server.url, user.token));
    first.feed.start(0);
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => first.received.length === 1, 5000, 'first open');
    const cursor = first.feed.position();
    await first.feed.stop();
    for (let i = 0; i < 3; i++) await hitAsPerson(message.pixelUrl!, { ip: `203.0.113.${200 + i}` });
    const second = track(recordingFeed(server.url, user.token));
    second.feed.start(cursor);
    await waitFor(() => second.received.length >= 3, 5000, 'missed events');
    await waitFor(() => second.last() === 'online');
    expect(second.received.map((e) => e.seq)).toEqual([cursor + 1, cursor + 2, cursor + 3]);
    expect(second.received.some((e) => e.id === first.received[0]!.id)).toBe(false);
  });

  it('drops a batch delivered again after a reconnect, and acknowledges only after the handler', async () => {
    const message = await sentMessage();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const f = track(
      recordingFeed(server.url, user.token, async () => {
        calls += 1;
        if (calls === 1) await gate;
      }),
    );
    f.feed.start(0);
    await waitFor(() => f.last() === 'online');
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => calls === 1, 5000, 'handler called');
    // The connection drops while the batch is being processed: it was never acknowledged, so the
    // restarted server sends it again to the reconnected feed.
    server = await server.restart();
    await waitFor(() => f.statuses.filter((s) => s.state === 'online').length === 2, 5000, 'reconnected');
    release();
    await waitFor(() => f.received.length === 1, 5000, 'processed');
    await new Promise((r) => setTimeout(r, 200));
    expect(f.received).toHaveLength(1);
    expect(calls).toBe(1);
    // New events still flow after the duplicate was dropped.
    await hitAsPerson(message.pixelUrl!, { ip: '203.0.113.77' });
    await waitFor(() => f.received.length === 2, 5000, 'next event');
  });

  it('survives a server restart: offline with a retry time, then online, nothing lost or repeated', async () => {
    const message = await sentMessage();
    const f = track(recordingFeed(server.url, user.token));
    f.feed.start(0);
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => f.received.length === 1);
    await server.close();
    await waitFor(() => f.last() === 'offline', 5000, 'offline');
    const offline = f.statuses.find((s) => s.state === 'offline');
    expect(offline).toMatchObject({ server: server.url, error: expect.any(String) });
    expect(Date.parse((offline as { retryAt: string }).retryAt)).toBeGreaterThan(Date.now() - 1000);
    server = await server.restart();
    await waitFor(() => f.last() === 'online', 5000, 'online again');
    await hitAsPerson(message.pixelUrl!, { ip: '203.0.113.90' });
    await waitFor(() => f.received.length === 2, 5000, 'event after restart');
    expect(new Set(f.received.map((e) => e.id)).size).toBe(2);
  });

  it('reports a bad token as unauthorized and stops trying', async () => {
    const f = track(recordingFeed(server.url, 'not-a-token'));
    f.feed.start(0);
    await waitFor(() => f.last() === 'unauthorized', 5000, 'unauthorized');
    await new Promise((r) => setTimeout(r, 150));
    expect(f.statuses.map((s) => s.state)).toEqual(['connecting', 'unauthorized']);
  });

  it('reports a server that does not answer as unreachable, with the next retry', async () => {
    const url = server.url;
    await server.close();
    const f = track(recordingFeed(url, user.token));
    f.feed.start(0);
    await waitFor(() => f.last() === 'unreachable', 5000, 'unreachable');
    expect(f.statuses.at(-1)).toMatchObject({ state: 'unreachable', server: url, retryAt: expect.any(String) });
    server = await server.restart();
  });
});
