// Registering messages and reading them back (PROTOCOL.md, Registering and Reading).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPage, MessageDetail, MessagePage, RegisterMessageResponse, TrackingEvent } from '../../src-shared/protocol';
import { addTestUser, api, hitAsPerson, httpRequest, registerMessage, startTestServer, type TestServer, type TestUser } from '../support/server';

let server: TestServer;
let user: TestUser;
beforeAll(async () => {
  server = await startTestServer();
  user = addTestUser(server);
});
afterAll(() => server.close());

const post = (body: unknown, token = user.token) => api<RegisterMessageResponse & { error: { details: { field: string }[] } }>(server, token, 'POST', '/api/v1/messages', body);

describe('registration', () => {
  it('answers 201 with the instrumented body, pixel and tracked links', async () => {
    const res = await post({ subject: 'Hi', to: [{ email: 'Jane@Acme.Example' }], html: '<p>See <a href="https://acme.example/x">the plan</a></p>' });
    expect(res.status).toBe(201);
    const m = res.body;
    expect(m.threadId).toBe(m.id);
    expect(new Date(m.sentAt).toISOString()).toBe(m.sentAt);
    expect(m.tracking).toEqual({ opens: true, clicks: true, notes: [] });
    expect(m.pixelUrl).toMatch(new RegExp(`^${server.url}/p/[A-Za-z0-9_-]{22,}`));
    expect(m.html).toContain(m.pixelUrl);
    expect(m.html).toContain(m.links[0]!.trackedUrl);
    expect(m.html).not.toContain('href="https://acme.example/x"');
    expect(m.text).toBeNull();
    expect(m.bodies).toEqual([]);
    expect(m.logged).toBe(false);
  });

  it('rejects invalid input with 400 naming the fields', async () => {
    const cases: [unknown, string][] = [
      [{ subject: 'x', html: '<p>x</p>' }, 'to'],
      [{ to: [{ email: 'a@b.example' }] }, 'html'],
      [{ to: [{ email: 'not-an-address' }], html: 'x' }, 'to.0.email'],
      [{ to: [{ email: 'a@b.example' }], html: 'x', track: { opens: 'yes' } }, 'track.opens'],
      [{ to: [{ email: 'a@b.example' }], html: 'x', attachments: [{ filename: 'a', contentType: 'x/y', content: '%%%' }] }, 'attachments.0.content'],
      [[1, 2], '(body)'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d) => d.field)).toContain(field);
    }
  });

  it('cannot track a message without HTML and says why', async () => {
    const res = await post({ to: [{ email: 'a@b.example' }], text: 'plain words' });
    expect(res.status).toBe(201);
    expect(res.body.tracking.opens).toBe(false);
    expect(res.body.tracking.clicks).toBe(false);
    expect(res.body.tracking.notes.join(' ')).toMatch(/plain text/);
    expect(res.body).toMatchObject({ html: null, text: 'plain words', pixelUrl: null, links: [] });
  });

  it('takes track and log from the preferences unless the request says', async () => {
    const u = addTestUser(server);
    const prefs = { defaults: { trackOpens: false, trackClicks: true, log: true }, neverLog: [], mutes: [] };
    expect((await api(server, u.token, 'PUT', '/api/v1/me/preferences', prefs)).status).toBe(200);
    const a = await registerMessage(server, u.token);
    expect(a.tracking).toMatchObject({ opens: false, clicks: true });
    expect(a.pixelUrl).toBeNull();
    expect(a.logged).toBe(true);
    const b = await registerMessage(server, u.token, { track: { opens: true }, log: false });
    expect(b.tracking).toMatchObject({ opens: true, clicks: true });
    expect(b.logged).toBe(false);
  });

  it('gives one body per recipient with its own pixel, attributed exactly', async () => {
    const m = await registerMessage(server, user.token, {
      to: [{ email: 'a@acme.example', name: 'A' }], cc: [{ email: 'b@acme.example' }], bcc: [{ email: 'c@acme.example' }], perRecipient: true,
    });
    expect(m.bodies.map((b) => b.recipient)).toEqual(['a@acme.example', 'b@acme.example', 'c@acme.example']);
    const pixels = new Set([m.pixelUrl, ...m.bodies.map((b) => b.pixelUrl)]);
    expect(pixels.size).toBe(4);
    for (const b of m.bodies) expect(b.html).toContain(b.pixelUrl);
    await hitAsPerson(m.bodies[1]!.pixelUrl!);
    const trackedInB = /href="([^"]+\/c\/[^"]+)"/.exec(m.bodies[2]!.html)![1]!;
    expect((await hitAsPerson(trackedInB)).headers.location).toBe('https://acme.example/pricing');
    const detail = (await api<MessageDetail>(server, user.token, 'GET', `/api/v1/messages/${m.id}`)).body;
    expect(detail.events.map((e) => [e.type, e.recipient?.email])).toEqual([
      ['open', 'b@acme.example'], ['open', 'c@acme.example'], ['click', 'c@acme.example'],
    ]);
  });
});

describe('logging', () => {
  const attachment = { filename: 'a.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 hello').toString('base64') };

  it('stores bodies and attachments under the data folder and lists them in the detail', async () => {
    const m = await registerMessage(server, user.token, { log: true, text: 'plain', attachments: [attachment] });
    expect(m.logged).toBe(true);
    const detail = (await api<MessageDetail>(server, user.token, 'GET', `/api/v1/messages/${m.id}`)).body;
    expect(detail.logged).toBe(true);
    expect(detail.logCopy?.text).toBe('plain');
    expect(detail.logCopy?.html).toContain('our pricing');
    expect(detail.logCopy?.attachments).toEqual([{ id: expect.any(String), filename: 'a.pdf', contentType: 'application/pdf', size: 14 }]);
    const attachmentId = detail.logCopy!.attachments[0]!.id;
    const file = path.join(server.dataDir, 'logged', m.id, 'attachments', attachmentId);
    expect(fs.readFileSync(file, 'utf8')).toBe('%PDF-1.4 hello');
    const route = `/api/v1/messages/${m.id}/attachments/${attachmentId}`;
    const download = await httpRequest(server.url + route, { headers: { authorization: `Bearer ${user.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''a.pdf");
    expect(download.body.toString()).toBe('%PDF-1.4 hello');
    const stranger = addTestUser(server);
    expect((await api(server, stranger.token, 'GET', route)).status).toBe(404);
    expect((await api(server, user.token, 'GET', `/api/v1/messages/${m.id}/attachments/nope`)).status).toBe(404);
  });

  it('accepts attachments of several megabytes under the default body limit', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    const m = await registerMessage(server, user.token, {
      log: true, attachments: [{ filename: 'big.bin', contentType: 'application/octet-stream', content: big.toString('base64') }],
    });
    const detail = (await api<MessageDetail>(server, user.token, 'GET', `/api/v1/messages/${m.id}`)).body;
    expect(detail.logCopy?.attachments[0]?.size).toBe(big.length);
  });

  it('does not log when a recipient matches the never-log list by domain or address', async () => {
    const u = addTestUser(server);
    await api(server, u.token, 'PUT', '/api/v1/me/preferences', {
      defaults: { trackOpens: true, trackClicks: true, log: true }, neverLog: ['acme.example', 'bob@x.example'], mutes: [],
    });
    const byDomain = await registerMessage(server, u.token, { to: [{ email: 'jane@sales.acme.example' }], attachments: [attachment] });
    const byAddress = await registerMessage(server, u.token, { to: [{ email: 'ok@y.example' }], cc: [{ email: 'bob@x.example' }] });
    const allowed = await registerMessage(server, u.token, { to: [{ email: 'ok@y.example' }] });
    expect([byDomain.logged, byAddress.logged, allowed.logged]).toEqual([false, false, true]);
    expect(fs.existsSync(path.join(server.dataDir, 'logged', byDomain.id))).toBe(false);
    const detail = (await api<MessageDetail>(server, u.token, 'GET', `/api/v1/messages/${byDomain.id}`)).body;
    expect(detail.logCopy).toBeUndefined();
  });
});

describe('account settings', () => {
  it('lets only admins change them, and forbids tracking for everyone when off', async () => {
    const admin = addTestUser(server, { admin: true });
    const settings = { tracking: { opens: false, clicks: true }, privacy: { requireLegalBasis: false } };
    expect((await api(server, user.token, 'PUT', '/api/v1/account/settings', settings)).status).toBe(403);
    expect((await api(server, admin.token, 'PUT', '/api/v1/account/settings', settings)).status).toBe(200);
    expect((await api(server, user.token, 'GET', '/api/v1/account/settings')).body).toEqual(settings);
    const m = await registerMessage(server, user.token, { track: { opens: true, clicks: true } });
    expect(m.tracking.opens).toBe(false);
    expect(m.tracking.clicks).toBe(true);
    expect(m.tracking.notes.join(' ')).toMatch(/turned off/);
    expect(m.pixelUrl).toBeNull();
    const restore = { tracking: { opens: true, clicks: true }, privacy: { requireLegalBasis: false } };
    expect((await api(server, admin.token, 'PUT', '/api/v1/account/settings', restore)).status).toBe(200);
  });
});

describe('privacy', () => {
  it('gives hits on recipients without a legal basis to "Someone" when the account requires one', async () => {
    const admin = addTestUser(server, { admin: true });
    const strict = { tracking: { opens: true, clicks: true }, privacy: { requireLegalBasis: true } };
    expect((await api(server, admin.token, 'PUT', '/api/v1/account/settings', strict)).status).toBe(200);
    try {
      const without = await registerMessage(server, user.token, { to: [{ email: 'nolb@acme.example' }] });
      const withBasis = await registerMessage(server, user.token, { to: [{ email: 'lb@acme.example', legalBasis: true }] });
      await hitAsPerson(without.pixelUrl!);
      await hitAsPerson(withBasis.pixelUrl!);
      const a = (await api<MessageDetail>(server, user.token, 'GET', `/api/v1/messages/${without.id}`)).body.events;
      const b = (await api<MessageDetail>(server, user.token, 'GET', `/api/v1/messages/${withBasis.id}`)).body.events;
      expect(a.map((e) => [e.recipient, e.someone])).toEqual([[null, 'no-legal-basis']]);
      expect(b.map((e) => [e.recipient?.email, e.someone])).toEqual([['lb@acme.example', undefined]]);
    } finally {
      const open = { tracking: { opens: true, clicks: true }, privacy: { requireLegalBasis: false } };
      await api(server, admin.token, 'PUT', '/api/v1/account/settings', open);
    }
  });
});

describe('reading', () => {
  it('lists newest first, pages with an opaque cursor and searches subject and recipients', async () => {
    const u = addTestUser(server);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await registerMessage(server, u.token, { subject: `Offer ${i}`, to: [{ email: `r${i}@zeta.example`, name: `Person ${i}` }] })).id);
    const first = (await api<MessagePage>(server, u.token, 'GET', '/api/v1/messages?limit=2')).body;
    expect(first.items.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    expect(first.next).toEqual(expect.any(String));
    const second = (await api<MessagePage>(server, u.token, 'GET', `/api/v1/messages?limit=2&before=${first.next}`)).body;
    expect(second.items.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    const last = (await api<MessagePage>(server, u.token, 'GET', `/api/v1/messages?limit=2&before=${second.next}`)).body;
    expect(last).toEqual({ items: [expect.objectContaining({ id: ids[0] })], next: null });
    const bySubject = (await api<MessagePage>(server, u.token, 'GET', '/api/v1/messages?q=offer%203')).body;
    expect(bySubject.items.map((m) => m.id)).toEqual([ids[3]]);
    const byRecipient = (await api<MessagePage>(server, u.token, 'GET', '/api/v1/messages?q=R1%40ZETA')).body;
    expect(byRecipient.items.map((m) => m.id)).toEqual([ids[1]]);
    expect(byRecipient.items[0]!.recipients).toEqual([{ email: 'r1@zeta.example', name: 'Person 1', kind: 'to' }]);
    expect((await api(server, u.token, 'GET', '/api/v1/messages?before=garbage')).status).toBe(400);
  });

  it('counts human events only in the stats and shows the detail oldest first', async () => {
    const m = await registerMessage(server, user.token);
    await hitAsPerson(m.pixelUrl!, { method: 'HEAD' }); // machine
    await hitAsPerson(m.pixelUrl!, { ip: '127.0.0.1' }); // self
    await hitAsPerson(m.links[0]!.trackedUrl); // inferred open + click
    const reply = await api<{ events: TrackingEvent[] }>(server, user.token, 'POST', `/api/v1/messages/${m.id}/replies`, { from: 'jane@acme.example' });
    expect(reply.status).toBe(201);
    expect(reply.body.events.map((e) => e.type)).toEqual(['reply']);
    const d = (await api<MessageDetail>(server, user.token, 'GET', `/api/v1/messages/${m.id}`)).body;
    expect(d.stats).toMatchObject({ opens: 1, clicks: 1, replies: 1 });
    expect(d.stats.lastActivityAt).toBe(d.events.at(-1)!.at);
    expect(d.events.map((e) => [e.type, e.source])).toEqual([
      ['open', 'machine'], ['open', 'self'], ['open', 'human'], ['click', 'human'], ['reply', 'human'],
    ]);
    expect(d.links).toEqual([{ id: m.links[0]!.id, url: m.links[0]!.url, text: m.links[0]!.text }]);
  });

  it('records a reply with an inferred open when the recipient never opened', async () => {
    const m = await registerMessage(server, user.token);
    const at = '2026-12-04T10:00:00.000+02:00';
    const res = await api<{ events: TrackingEvent[] }>(server, user.token, 'POST', `/api/v1/messages/${m.id}/replies`, { from: 'Jane@Acme.example', at });
    expect(res.body.events.map((e) => [e.type, e.inferred, e.recipient?.email, e.at])).toEqual([
      ['open', true, 'jane@acme.example', '2026-12-04T08:00:00.000Z'], ['reply', false, 'jane@acme.example', '2026-12-04T08:00:00.000Z'],
    ]);
    expect((await api(server, user.token, 'POST', `/api/v1/messages/${m.id}/replies`, { from: 'nope' })).status).toBe(400);
  });

  it('pages the event log in ascending seq with a cursor', async () => {
    const u = addTestUser(server);
    const m = await registerMessage(server, u.token);
    for (let i = 0; i < 5; i++) await hitAsPerson(m.pixelUrl!);
    const a = (await api<EventPage>(server, u.token, 'GET', '/api/v1/events?after=0&limit=3')).body;
    expect(a.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(a.cursor).toBe(3);
    const b = (await api<EventPage>(server, u.token, 'GET', `/api/v1/events?after=${a.cursor}&limit=3`)).body;
    expect(b.events.map((e) => e.seq)).toEqual([4, 5]);
    const c = (await api<EventPage>(server, u.token, 'GET', '/api/v1/events?after=5')).body;
    expect(c).toEqual({ events: [], cursor: 5 });
    expect((await api(server, u.token, 'GET', '/api/v1/events?limit=1001')).status).toBe(400);
    expect((await api(server, u.token, 'GET', '/api/v1/events?limit=1000')).status).toBe(200);
  });
});
