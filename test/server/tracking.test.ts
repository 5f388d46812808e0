// Pixel and click endpoints (PROTOCOL.md, Tracking endpoints) against a real server and database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPage } from '../../src-shared/protocol';
import { api, addTestUser, hitAsPerson, registerMessage, startTestServer, type TestServer, type TestUser } from '../support/server';

const NO_STORE = 'no-store, no-cache, must-revalidate, max-age=0';
let server: TestServer;
let user: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  user = addTestUser(server);
});
afterAll(() => server.close());

const events = async () => (await api<EventPage>(server, user.token, 'GET', '/api/v1/events?limit=1000')).body.events;

describe('pixel', () => {
  it('answers the same 43-byte GIF with no-store for known, unknown and odd tokens', async () => {
    const m = await registerMessage(server, user.token);
    const bodies: Buffer[] = [];
    for (const url of [m.pixelUrl!, `${server.url}/p/unknown.gif`, `${server.url}/p/${'x'.repeat(5000)}`, `${server.url}/p/%00%ff`, `${server.url}/p/a/b/c.gif`]) {
      const res = await hitAsPerson(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/gif');
      expect(res.headers['cache-control']).toBe(NO_STORE);
      bodies.push(res.body);
    }
    expect(bodies[0]!.length).toBe(43);
    expect(bodies[0]!.subarray(0, 6).toString()).toBe('GIF89a');
    for (const b of bodies) expect(b.equals(bodies[0]!)).toBe(true);
  });

  it('records a human open attributed to the single recipient, first once', async () => {
    const m = await registerMessage(server, user.token);
    await hitAsPerson(m.pixelUrl!, { ip: '203.0.113.10' });
    await hitAsPerson(m.pixelUrl!, { ip: '198.51.100.20' });
    const mine = (await events()).filter((e) => e.messageId === m.id);
    expect(mine.map((e) => [e.type, e.source, e.first, e.recipient?.email])).toEqual([
      ['open', 'human', true, 'jane@acme.example'],
      ['open', 'human', false, 'jane@acme.example'],
    ]);
    expect(mine[0]!.recipient).toEqual({ email: 'jane@acme.example', name: 'Jane Doe' });
  });

  it('answers HEAD with the same headers and records a machine hit', async () => {
    const m = await registerMessage(server, user.token);
    const res = await hitAsPerson(m.pixelUrl!, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/gif');
    expect(res.headers['content-length']).toBe('43');
    const mine = (await events()).filter((e) => e.messageId === m.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.source).toBe('machine');
    expect(mine[0]!.reasons).toContain('head-request');
  });

  it('calls a hit from the address the sender uses "self" with reason sender-ip', async () => {
    const m = await registerMessage(server, user.token);
    await hitAsPerson(m.pixelUrl!, { ip: '127.0.0.1' });
    const mine = (await events()).filter((e) => e.messageId === m.id);
    expect(mine[0]).toMatchObject({ source: 'self', reasons: ['sender-ip'] });
  });

  it('gives a shared pixel of a message with several recipients to "Someone"', async () => {
    const m = await registerMessage(server, user.token, {
      to: [{ email: 'a@acme.example' }], cc: [{ email: 'b@acme.example' }], bcc: [{ email: 'c@acme.example' }],
    });
    await hitAsPerson(m.pixelUrl!);
    const [e] = (await events()).filter((x) => x.messageId === m.id);
    expect(e).toMatchObject({ recipient: null, someone: 'shared-pixel', source: 'human' });
  });
});

describe('click', () => {
  it('redirects to the registered URL and records the click with an inferred open', async () => {
    const m = await registerMessage(server, user.token);
    const link = m.links[0]!;
    expect(link).toMatchObject({ url: 'https://acme.example/pricing', text: 'our pricing' });
    const res = await hitAsPerson(link.trackedUrl);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('https://acme.example/pricing');
    const mine = (await events()).filter((e) => e.messageId === m.id);
    expect(mine.map((e) => [e.type, e.source, e.inferred, e.first]), JSON.stringify(mine)).toEqual([['open', 'human', true, true], ['click', 'human', false, true]]);
    expect(mine[1]!.link).toEqual({ id: link.id, url: link.url, text: link.text });
  });

  it('answers HEAD with the same status and records it as a machine', async () => {
    const m = await registerMessage(server, user.token);
    const res = await hitAsPerson(m.links[0]!.trackedUrl, { method: 'HEAD' });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('https://acme.example/pricing');
    const mine = (await events()).filter((e) => e.messageId === m.id);
    expect(mine.map((e) => [e.type, e.source])).toEqual([['click', 'machine']]);
  });

  it('keeps every link of a message apart and tracks only hyperlinked text', async () => {
    const m = await registerMessage(server, user.token, {
      html: '<p><a href="https://a.example/one">One</a> <a href="https://b.example/two">Two</a> <a href="https://c.example">https://c.example</a></p>',
    });
    expect(m.links.map((l) => l.url)).toEqual(['https://a.example/one', 'https://b.example/two']);
    expect((await hitAsPerson(m.links[1]!.trackedUrl)).headers.location).toBe('https://b.example/two');
    expect((await hitAsPerson(m.links[0]!.trackedUrl)).headers.location).toBe('https://a.example/one');
  });
});
