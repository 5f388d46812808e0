// The HTTP API client and the credentials check against the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpInklingServer, ServerError } from '../../../../src-main/adapters/node/http-inkling-server';
import { NodeServerConnector } from '../../../../src-main/adapters/node/node-server-connector';
import { SystemClock, TimerScheduler } from '../../../../src-main/adapters/node/system-clock';
import { addTestUser, hitAsPerson, registerMessage, startTestServer, waitFor, type TestServer, type TestUser } from '../../../support/server';

let server: TestServer;
let user: TestUser;
beforeAll(async () => {
  server = await startTestServer();
  user = addTestUser(server, { name: 'Sam Sender' });
});
afterAll(async () => server.close());

const connector = () => new NodeServerConnector({ clock: new SystemClock(), scheduler: new TimerScheduler() });

describe('HttpInklingServer', () => {
  it('lists, searches and reads messages, parsed', async () => {
    const api = new HttpInklingServer({ url: server.url, token: user.token });
    const a = await registerMessage(server, user.token, { subject: 'Alpha plan' });
    await registerMessage(server, user.token, { subject: 'Beta plan' });
    const page = await api.listMessages({ limit: 10 });
    expect(page.items.map((m) => m.subject)).toEqual(['Beta plan', 'Alpha plan']);
    expect((await api.listMessages({ q: 'alpha' })).items.map((m) => m.id)).toEqual([a.id]);
    const detail = await api.getMessage(a.id);
    expect(detail).toMatchObject({ id: a.id, subject: 'Alpha plan', events: [] });
  });

  it('reads events after a cursor', async () => {
    const api = new HttpInklingServer({ url: server.url, token: user.token });
    const m = await registerMessage(server, user.token);
    await hitAsPerson(m.pixelUrl!);
    await waitFor(() => server.store.latestSeq(user.id) >= 1);
    const page = await api.events(0, 10);
    expect(page.events.at(-1)).toMatchObject({ type: 'open', messageId: m.id });
  });

  it('writes and reads preferences', async () => {
    const api = new HttpInklingServer({ url: server.url, token: user.token });
    const current = await api.getPreferences();
    const saved = await api.setPreferences({ ...current, mutes: [{ kind: 'thread', value: 't-1', until: null }] });
    expect(saved.mutes).toEqual([{ kind: 'thread', value: 't-1', until: null }]);
    expect((await api.getPreferences()).mutes).toEqual(saved.mutes);
  });

  it('turns a refusal into a ServerError with status and code', async () => {
    const api = new HttpInklingServer({ url: server.url, token: 'wrong' });
    const error = await api.getPreferences().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 401 });
    const missing = await new HttpInklingServer({ url: server.url, token: user.token }).getMessage('nope').catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404 });
  });
});

describe('NodeServerConnector.check', () => {
  it('accepts working credentials and names the account', async () => {
    const check = await connector().check({ url: server.url, token: user.token });
    expect(check).toEqual({ ok: true, user: { id: user.id, email: user.email, name: 'Sam Sender' } });
  });

  it('rejects a wrong token', async () => {
    expect(await connector().check({ url: server.url, token: 'wrong' })).toEqual({ ok: false, error: 'The server refused this token.' });
  });

  it('says when nothing answers', async () => {
    const check = await connector().check({ url: 'http://127.0.0.1:9', token: user.token });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error).toMatch(/^Cannot reach http:\/\/127\.0\.0\.1:9/);
  });
});
