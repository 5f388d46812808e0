// Attacks and abuse: open redirects, cross-user reads, bad tokens, malformed and oversized bodies,
// rate limits. Errors must be JSON without stack traces, and the server must keep serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessagePage } from '../../src-shared/protocol';
import { addTestUser, api, hitAsPerson, httpRequest, registerMessage, startTestServer, type TestServer, type TestUser } from '../support/server';

let server: TestServer;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  server = await startTestServer({ bodyLimitBytes: 64 * 1024 });
  alice = addTestUser(server);
  bob = addTestUser(server);
});
afterAll(() => server.close());

const expectJsonError = (res: { status: number; body: unknown }, status: number) => {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.ts:\d+/);
};

describe('open redirect', () => {
  it('never redirects anywhere but the registered URL', async () => {
    const m = await registerMessage(server, alice.token);
    const other = await registerMessage(server, bob.token, { html: '<a href="https://other.example/">Other</a>' });
    const tracked = new URL(m.links[0]!.trackedUrl);
    const token = tracked.pathname.split('/').pop()!;
    const flip = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const attempts = [
      `${server.url}/c/${flip}`,
      `${server.url}/c/${token}x`,
      `${server.url}/c/${token.toLowerCase()}`,
      `${server.url}/c/${token}/https://evil.example`,
      `${server.url}/c/${encodeURIComponent('https://evil.example/')}`,
      `${server.url}/c/https://evil.example/`,
      `${server.url}/c/`,
      `${server.url}/c/${new URL(m.pixelUrl!).pathname.split('/').pop()!.replace('.gif', '')}`,
    ];
    for (const url of attempts) {
      const res = await hitAsPerson(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.location).toBeUndefined();
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
    // Query strings and another message's token never change the destination.
    const withQuery = await hitAsPerson(`${m.links[0]!.trackedUrl}?url=https://evil.example&redirect=https%3A%2F%2Fevil.example`);
    expect(withQuery.headers.location).toBe('https://acme.example/pricing');
    expect((await hitAsPerson(other.links[0]!.trackedUrl)).headers.location).toBe('https://other.example/');
  });

  it('percent-encodes what a Location header cannot carry without changing the destination', async () => {
    const m = await registerMessage(server, alice.token, { html: '<a href="https://acme.example/caf&eacute;?q=a b">Café</a>' });
    const res = await hitAsPerson(m.links[0]!.trackedUrl);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('https://acme.example/caf%C3%A9?q=a%20b');
  });
});

describe('isolation between users', () => {
  it('answers a foreign id exactly like a missing one', async () => {
    const m = await registerMessage(server, alice.token);
    const foreign = await api(server, bob.token, 'GET', `/api/v1/messages/${m.id}`);
    const missing = await api(server, bob.token, 'GET', '/api/v1/messages/does-not-exist');
    expectJsonError(foreign, 404);
    expect(foreign.body).toEqual(missing.body);
    const reply = await api(server, bob.token, 'POST', `/api/v1/messages/${m.id}/replies`, { from: 'jane@acme.example' });
    expect(reply.status).toBe(404);
    const list = (await api<MessagePage>(server, bob.token, 'GET', '/api/v1/messages?limit=200')).body;
    expect(list.items.map((x) => x.id)).not.toContain(m.id);
    await hitAsPerson(m.pixelUrl!);
    const events = (await api<{ events: { messageId: string }[] }>(server, bob.token, 'GET', '/api/v1/events')).body.events;
    expect(events.map((e) => e.messageId)).not.toContain(m.id);
  });
});

describe('authentication', () => {
  it('answers 401 JSON to missing, malformed and wrong tokens', async () => {
    for (const header of [undefined, 'Bearer', 'Basic abc', `Bearer ${alice.token}x`, `bearer ${'A'.repeat(43)}`]) {
      const res = await httpRequest(`${server.url}/api/v1/messages`, { headers: header ? { authorization: header } : {} });
      expectJsonError({ status: res.status, body: JSON.parse(res.body.toString()) }, 401);
    }
    expect((await api(server, alice.token, 'GET', '/api/v1/messages')).status).toBe(200);
  });
});

describe('malformed and oversized input', () => {
  it('answers malformed JSON with 400 and keeps serving', async () => {
    const res = await httpRequest(`${server.url}/api/v1/messages`, {
      method: 'POST', headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' }, body: '{"to": [',
    });
    expectJsonError({ status: res.status, body: JSON.parse(res.body.toString()) }, 400);
    expect((await api(server, alice.token, 'GET', '/api/v1/messages')).status).toBe(200);
  });

  it('reads a body sent without a JSON content type as JSON', async () => {
    const headers = { authorization: `Bearer ${alice.token}`, 'content-type': 'application/x-www-form-urlencoded' };
    const body = JSON.stringify({ to: [{ email: 'a@b.example' }], text: 'hi' });
    const ok = await httpRequest(`${server.url}/api/v1/messages`, { method: 'POST', headers, body });
    expect(ok.status).toBe(201);
    const bad = await httpRequest(`${server.url}/api/v1/messages`, { method: 'POST', headers, body: 'to=a@b.example' });
    expectJsonError({ status: bad.status, body: JSON.parse(bad.body.toString()) }, 400);
  });

  it('answers a body over the limit with 413 JSON', async () => {
    const html = `<p>${'x'.repeat(70 * 1024)}</p>`;
    const res = await api(server, alice.token, 'POST', '/api/v1/messages', { to: [{ email: 'a@b.example' }], html });
    expectJsonError(res, 413);
  });

  it('answers unknown routes with 404 JSON', async () => {
    expectJsonError(await api(server, alice.token, 'GET', '/api/v1/nothing'), 404);
  });

  it('rejects invalid preferences and account settings with 400', async () => {
    const res = await api<{ error: { details: { field: string }[] } }>(server, alice.token, 'PUT', '/api/v1/me/preferences', {
      defaults: { trackOpens: true, trackClicks: true, log: false }, neverLog: [], mutes: [{ kind: 'planet', value: 'x', until: null }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d) => d.field)).toContain('mutes.0.kind');
  });
});

describe('rate limit', () => {
  it('answers 429 JSON past the per-token limit, counting each token apart', async () => {
    const limited = await startTestServer({ rateLimitPerMinute: 3 });
    try {
      const a = addTestUser(limited);
      const b = addTestUser(limited);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await api(limited, a.token, 'GET', '/api/v1/events')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expectJsonError(await api(limited, a.token, 'GET', '/api/v1/events'), 429);
      expect((await api(limited, b.token, 'GET', '/api/v1/events')).status).toBe(200);
      // Tracking endpoints are never rate limited.
      for (let i = 0; i < 5; i++) expect((await hitAsPerson(`${limited.url}/p/x.gif`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
