// Timing, burst, repeat and inference scenarios through the real server: port 0, a real SQLite file
// in a temp folder, INKLING_TRUST_PROXY on so X-Forwarded-For gives each "person" their own address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageSummary, RegisterMessageResponse, TrackingEvent } from '../../../src-shared/protocol';
import { addTestUser, api, hitAsPerson, registerMessage, startTestServer, type TestServer, type TestUser } from '../../support/server';

const FOUR_LINKS =
  '<p>Hi Jane, <a href="https://acme.example/a">pricing</a>, <a href="https://acme.example/b">terms</a>, ' +
  '<a href="https://acme.example/c">the deck</a> and <a href="https://acme.example/d">our team</a>.</p>';

let server: TestServer;
let graceServer: TestServer;
let sender: TestUser;

beforeAll(async () => {
  [server, graceServer] = await Promise.all([startTestServer({ honeypot: true }), startTestServer({ sendGraceMs: 60_000 })]);
  sender = addTestUser(server);
});

afterAll(async () => {
  await Promise.all([server?.close(), graceServer?.close()]);
});

async function eventsOf(s: TestServer, user: TestUser, messageId: string): Promise<TrackingEvent[]> {
  const res = await api<{ events: TrackingEvent[] }>(s, user.token, 'GET', '/api/v1/events?after=0&limit=1000');
  expect(res.status).toBe(200);
  return res.body.events.filter((e) => e.messageId === messageId);
}

const brief = (e: TrackingEvent) => ({ type: e.type, source: e.source, first: e.first, inferred: e.inferred, reasons: e.reasons });

describe('classification through the real server', () => {
  it('calls hits within the send grace machine, with the reason', async () => {
    const user = addTestUser(graceServer);
    const msg = await registerMessage(graceServer, user.token, { html: FOUR_LINKS });
    await hitAsPerson(msg.pixelUrl!, { ip: '203.0.113.10' });
    await hitAsPerson(msg.links[0]!.trackedUrl, { ip: '203.0.113.10' });
    const events = await eventsOf(graceServer, user, msg.id);
    expect(events.map(brief)).toEqual([
      { type: 'open', source: 'machine', first: false, inferred: false, reasons: ['too-soon'] },
      { type: 'click', source: 'machine', first: false, inferred: false, reasons: ['too-soon'] },
    ]);
  });

  it('calls the third link clicked within seconds from one address a burst', async () => {
    const msg = await registerMessage(server, sender.token, { html: FOUR_LINKS });
    for (const link of msg.links.slice(0, 3)) await hitAsPerson(link.trackedUrl, { ip: '198.51.100.66' });
    const clicks = (await eventsOf(server, sender, msg.id)).filter((e) => e.type === 'click');
    expect(clicks).toHaveLength(3);
    expect(clicks[2]).toMatchObject({ source: 'machine', reasons: ['click-burst'], first: false });
  });

  it('still gives a person their first open after a machine opened the message', async () => {
    const msg = await registerMessage(server, sender.token);
    await hitAsPerson(msg.pixelUrl!, { ip: '203.0.113.20', userAgent: 'Mozilla/5.0' });
    await hitAsPerson(msg.pixelUrl!, { ip: '203.0.113.21', userAgent: 'python-requests/2.32.3' });
    await hitAsPerson(msg.pixelUrl!, { ip: '198.51.100.23', userAgent: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)' });
    const events = await eventsOf(server, sender, msg.id);
    expect(events.map(brief)).toEqual([
      { type: 'open', source: 'machine', first: false, inferred: false, reasons: ['apple-mpp'] },
      { type: 'open', source: 'machine', first: false, inferred: false, reasons: ['bot-user-agent'] },
      { type: 'open', source: 'human', first: true, inferred: false, reasons: [] },
    ]);
    expect(events[2]).toMatchObject({ recipient: { email: 'jane@acme.example' }, client: { app: 'Outlook', os: 'Windows 10' } });
    expect(events[0]!.client).toMatchObject({ proxy: 'Apple Mail Privacy Protection' });
  });

  it('infers an open from a person\'s click when no open was seen', async () => {
    const msg = await registerMessage(server, sender.token);
    const answer = await hitAsPerson(msg.links[0]!.trackedUrl, { ip: '203.0.113.30' });
    expect(answer.status).toBe(302);
    const events = await eventsOf(server, sender, msg.id);
    expect(events.map(brief)).toEqual([
      { type: 'open', source: 'human', first: true, inferred: true, reasons: [] },
      { type: 'click', source: 'human', first: true, inferred: false, reasons: [] },
    ]);
    expect(events[1]!.link).toMatchObject({ url: 'https://acme.example/pricing' });
  });

  it('infers an open from a reply when no open was seen, and not once one was', async () => {
    const msg = await registerMessage(server, sender.token);
    const res = await api(server, sender.token, 'POST', `/api/v1/messages/${msg.id}/replies`, { from: 'jane@acme.example' });
    expect(res.status).toBe(201);
    await api(server, sender.token, 'POST', `/api/v1/messages/${msg.id}/replies`, { from: 'jane@acme.example' });
    const events = await eventsOf(server, sender, msg.id);
    expect(events.map(brief)).toEqual([
      { type: 'open', source: 'human', first: true, inferred: true, reasons: [] },
      { type: 'reply', source: 'human', first: true, inferred: false, reasons: [] },
      { type: 'reply', source: 'human', first: false, inferred: false, reasons: [] },
    ]);
  });

  it('makes a reload from the same source within a minute one open, while another person\'s open counts', async () => {
    const msg: RegisterMessageResponse = await registerMessage(server, sender.token, {
      to: [{ email: 'jane@acme.example' }, { email: 'bob@acme.example' }],
    });
    await hitAsPerson(msg.pixelUrl!, { ip: '203.0.113.40' });
    await hitAsPerson(msg.pixelUrl!, { ip: '203.0.113.40' });
    await hitAsPerson(msg.pixelUrl!, { ip: '203.0.113.41' });
    const events = await eventsOf(server, sender, msg.id);
    expect(events.map((e) => [e.source, e.first, e.someone])).toEqual([
      ['human', true, 'shared-pixel'],
      ['human', false, 'shared-pixel'],
      ['human', false, 'shared-pixel'],
    ]);
    const summary = await api<MessageSummary>(server, sender.token, 'GET', `/api/v1/messages/${msg.id}`);
    expect(summary.body.stats.opens).toBe(2);
  });

  it('makes whatever follows the honeypot machine, and that source\'s later open too', async () => {
    const msg = await registerMessage(server, sender.token);
    const honeypot = /<a href="([^"]+)" tabindex="-1" aria-hidden="true"/.exec(msg.html ?? '')?.[1];
    expect(honeypot).toBeDefined();
    await hitAsPerson(honeypot!.replaceAll('&amp;', '&'), { ip: '198.51.100.99' });
    await hitAsPerson(msg.pixelUrl!, { ip: '198.51.100.99' });
    await hitAsPerson(msg.pixelUrl!, { ip: '203.0.113.50' });
    const events = await eventsOf(server, sender, msg.id);
    expect(events.map(brief)).toEqual([
      { type: 'open', source: 'machine', first: false, inferred: false, reasons: ['honeypot'] },
      { type: 'open', source: 'human', first: true, inferred: false, reasons: [] },
    ]);
  });
});
