// What the server tells the classifier beyond the request: the sender's own addresses (API calls
// and open sockets), the send grace, and the honeypot link's history.
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { EventPage, Preferences } from '../../src-shared/protocol';
import { addTestUser, api, hitAsPerson, registerMessage, startTestServer, waitFor, type TestServer, type TestSocket } from '../support/server';

let server: TestServer;
afterEach(() => server?.close());

const events = async (token: string) => (await api<EventPage>(server, token, 'GET', '/api/v1/events?limit=1000')).body.events;

describe('sender addresses', () => {
  it('calls a hit from the address of an open socket of the sender "self", and only for that sender', async () => {
    server = await startTestServer();
    const user = addTestUser(server);
    const other = addTestUser(server);
    const s = io(server.url, {
      auth: { token: user.token, cursor: 0 }, transports: ['websocket'], reconnection: false, forceNew: true,
      extraHeaders: { 'x-forwarded-for': '198.51.100.7' },
    }) as TestSocket;
    try {
      await waitFor(() => s.connected, 5000, 'socket');
      const mine = await registerMessage(server, user.token);
      const theirs = await registerMessage(server, other.token);
      await hitAsPerson(mine.pixelUrl!, { ip: '198.51.100.7' });
      await hitAsPerson(theirs.pixelUrl!, { ip: '198.51.100.7' });
      expect((await events(user.token)).map((e) => [e.source, e.reasons])).toEqual([['self', ['sender-ip']]]);
      expect((await events(other.token)).map((e) => e.source)).toEqual(['human']);
    } finally {
      s.disconnect();
    }
  });

  it('calls hits sooner than the send grace after registration machine hits', async () => {
    server = await startTestServer({ sendGraceMs: 60_000 });
    const user = addTestUser(server);
    const m = await registerMessage(server, user.token);
    await hitAsPerson(m.pixelUrl!);
    const [e] = await events(user.token);
    expect(e).toMatchObject({ source: 'machine', reasons: expect.arrayContaining(['too-soon']) });
  });
});

describe('honeypot', () => {
  it('adds an invisible link when on; following it answers 404 and marks that source a machine', async () => {
    server = await startTestServer({ honeypot: true });
    const user = addTestUser(server);
    const m = await registerMessage(server, user.token);
    const trackedUrls = new Set(m.links.map((l) => l.trackedUrl));
    const hrefs = [...m.html!.matchAll(/href="([^"]+)"/g)].map((x) => x[1]!);
    const honeypot = hrefs.find((h) => h.startsWith(`${server.url}/c/`) && !trackedUrls.has(h));
    expect(honeypot).toBeDefined();
    const scanner = '192.0.2.50';
    expect((await hitAsPerson(honeypot!, { ip: scanner })).status).toBe(404);
    expect(await events(user.token)).toEqual([]);
    await hitAsPerson(m.links[0]!.trackedUrl, { ip: scanner });
    const [click] = await events(user.token);
    expect(click).toMatchObject({ type: 'click', source: 'machine' });
  });
});

describe('mutes', () => {
  it('drops mutes whose until has passed', async () => {
    server = await startTestServer();
    const user = addTestUser(server);
    const prefs: Preferences = {
      defaults: { trackOpens: true, trackClicks: true, log: false },
      neverLog: [],
      mutes: [
        { kind: 'thread', value: 't1', until: '2000-01-01T00:00:00.000Z' },
        { kind: 'contact', value: 'a@b.example', until: null },
        { kind: 'thread', value: 't2', until: '2999-01-01T00:00:00.000Z' },
      ],
    };
    expect((await api(server, user.token, 'PUT', '/api/v1/me/preferences', prefs)).status).toBe(200);
    const got = (await api<Preferences>(server, user.token, 'GET', '/api/v1/me/preferences')).body;
    expect(got.mutes.map((x) => x.value)).toEqual(['a@b.example', 't2']);
  });
});
