// From a pixel hit on the real server to the notifier, and from a click on the toast to the window.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IpcInvoke, IpcPush, type ConnectionStatus } from '../../../src-shared/ipc';
import {
  addTestUser,
  hitAsPerson,
  registerMessage,
  startTestServer,
  waitFor,
  type TestServer,
  type TestUser,
} from '../../support/server';
import { desktopHarness, settle, type Harness } from './desktop-harness';

let server: TestServer;
let user: TestUser;
let h: Harness;

beforeEach(async () => {
  server = await startTestServer();
  user = addTestUser(server);
});
afterEach(async () => {
  await h?.desktop.stop();
  await server.close();
});

const statusOf = (x: Harness) => x.desktop.invoke(IpcInvoke.getConnectionStatus, []) as Promise<ConnectionStatus>;

async function connected(): Promise<Harness> {
  const x = desktopHarness();
  await x.desktop.start();
  const check = await x.desktop.invoke(IpcInvoke.connect, [{ url: server.url, token: user.token }]);
  expect(check).toMatchObject({ ok: true, user: { id: user.id } });
  await waitFor(() => x.tray.last?.icon === 'online', 5000, 'online');
  return x;
}

describe('alerts end to end', () => {
  it('turns one pixel hit into exactly one toast with the right text', async () => {
    h = await connected();
    const message = await registerMessage(server, user.token, {
      subject: 'Re: Q3 proposal for the Northern region and everything that comes after it',
    });
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => h.notifier.shown.length === 1, 5000, 'a toast');
    await settle(300);
    expect(h.notifier.shown).toHaveLength(1);
    const { toast } = h.notifier.shown[0]!;
    expect(toast.title).toBe('Jane Doe opened “Q3 proposal for the Northern region and…”');
    expect(toast.body).toMatch(/^Just now · Chrome on Windows/);
    expect(toast.target).toEqual({ view: 'email', messageId: message.id });
    expect(h.tray.last).toMatchObject({ icon: 'activity', unread: 1 });
    expect(h.tray.last?.recent[0]?.messageId).toBe(message.id);
    const activity = h.pushes.filter((p) => p.channel === IpcPush.onActivity);
    expect(activity).toHaveLength(1);
  });

  it('names Someone with the number of recipients sharing the pixel', async () => {
    h = await connected();
    const message = await registerMessage(server, user.token, {
      subject: 'Team offsite',
      to: [{ email: 'a@acme.example' }, { email: 'b@acme.example' }],
      cc: [{ email: 'c@acme.example' }],
    });
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => h.notifier.shown.length === 1, 5000, 'a toast');
    expect(h.notifier.shown[0]!.toast.title).toBe('Someone opened “Team offsite”');
    expect(h.notifier.shown[0]!.toast.body).toMatch(/^One of 3 recipients · Just now/);
  });

  it('shows the window on that email when the toast is clicked', async () => {
    h = await connected();
    const message = await registerMessage(server, user.token);
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => h.notifier.shown.length === 1);
    h.notifier.shown[0]!.click();
    expect(h.window.shows).toBe(1);
    expect(h.pushes.filter((p) => p.channel === IpcPush.onNavigate).map((p) => p.payload)).toEqual([
      { view: 'email', messageId: message.id },
    ]);
    expect(h.tray.last).toMatchObject({ icon: 'online', unread: 0 });
  });

  it('stays quiet about machine hits, the sender’s own opens and muted threads', async () => {
    h = await connected();
    const message = await registerMessage(server, user.token);
    await hitAsPerson(message.pixelUrl!, { method: 'HEAD' });
    await fetch(message.pixelUrl!); // from 127.0.0.1 like the sender's own API calls: self
    await h.desktop.invoke(IpcInvoke.mute, [{ kind: 'thread', value: message.threadId, until: null }]);
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => server.store.latestSeq(user.id) >= 3, 5000, 'three events');
    await settle(300);
    expect(h.notifier.shown).toEqual([]);
  });

  it('raises no toast for the email the focused window shows', async () => {
    h = await connected();
    const message = await registerMessage(server, user.token);
    h.window.focus();
    await h.desktop.invoke(IpcInvoke.setViewedMessage, [message.id]);
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => h.pushes.some((p) => p.channel === IpcPush.onActivity), 5000, 'activity push');
    await settle();
    expect(h.notifier.shown).toEqual([]);
  });

  it('holds toasts while paused from the tray and ends with one summary on resume', async () => {
    h = await connected();
    h.tray.choose({ kind: 'pause', choice: '1-hour' });
    expect(h.tray.last?.icon).toBe('paused');
    const a = await registerMessage(server, user.token, { subject: 'Alpha' });
    const b = await registerMessage(server, user.token, { subject: 'Beta' });
    await hitAsPerson(a.pixelUrl!);
    await hitAsPerson(b.pixelUrl!);
    await waitFor(() => h.tray.last?.unread === 2, 5000, 'two unread');
    expect(h.notifier.shown).toEqual([]);
    h.tray.choose({ kind: 'resume' });
    expect(h.notifier.titles()).toEqual(['2 opens on 2 emails']);
    expect(h.notifier.shown[0]!.toast.body).toMatch(/^While notifications were held · By Jane Doe/);
  });

  it('holds toasts while the OS says do-not-disturb and summarises them after', async () => {
    h = await connected();
    h.notifier.dnd = true;
    const message = await registerMessage(server, user.token);
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => h.tray.last?.unread === 1, 5000, 'the open');
    expect(h.notifier.shown).toEqual([]);
    h.notifier.dnd = false;
    // Any change makes the policy look again (it also looks every minute on its own).
    await h.desktop.invoke(IpcInvoke.setSettings, [{ notify: { sound: false } }]);
    expect(h.notifier.titles()).toEqual(['Jane Doe opened “Q3 proposal”']);
    expect(h.notifier.shown[0]!.toast.body).toMatch(/^While notifications were held · /);
  });

  it('notifies nothing twice across a restart, and summarises what it missed in one toast', async () => {
    h = await connected();
    const message = await registerMessage(server, user.token);
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => h.notifier.shown.length === 1);
    await settle();
    await h.desktop.stop();
    const others = await Promise.all(['A', 'B', 'C', 'D'].map((s) => registerMessage(server, user.token, { subject: s })));
    for (const m of others) await hitAsPerson(m.pixelUrl!);
    const again = desktopHarness(h.dir);
    h = again;
    await again.desktop.start();
    await waitFor(() => again.notifier.shown.length === 1, 5000, 'one summary');
    await settle(300);
    expect(again.notifier.titles()).toEqual(['4 opens on 4 emails']);
    expect(again.notifier.shown[0]!.toast.body).toMatch(/^While you were away · /);
  });
});

describe('waking up', () => {
  it('reconnects at once and summarises what happened while asleep', async () => {
    h = await connected();
    const message = await registerMessage(server, user.token);
    await hitAsPerson(message.pixelUrl!);
    await waitFor(() => h.notifier.shown.length === 1);
    await h.desktop.reconnect();
    await waitFor(() => h.pushes.filter((p) => p.channel === IpcPush.onConnectionStatus && (p.payload as ConnectionStatus).state === 'online').length === 2, 5000, 'online again');
    await hitAsPerson(message.pixelUrl!, { ip: '203.0.113.44' });
    await waitFor(() => h.tray.last?.unread === 2, 5000, 'the next open');
    // The second open folds into the first toast: nothing was replayed or repeated.
    expect(h.notifier.shown.map((s) => s.toast.id)).toEqual([h.notifier.shown[0]!.toast.id, h.notifier.shown[0]!.toast.id]);
    expect(h.notifier.shown.at(-1)!.toast.silent).toBe(true);
  });
});

describe('first run', () => {
  it('starts unconfigured and saves nothing until the credentials work', async () => {
    h = desktopHarness();
    await h.desktop.start();
    expect(await statusOf(h)).toEqual({ state: 'unconfigured' });
    expect(h.tray.last?.icon).toBe('offline');
    const bad = await h.desktop.invoke(IpcInvoke.connect, [{ url: server.url, token: 'wrong' }]);
    expect(bad).toEqual({ ok: false, error: 'The server refused this token.' });
    expect(await h.desktop.invoke(IpcInvoke.getSettings, [])).toMatchObject({ server: { url: null, hasToken: false } });
    const good = await h.desktop.invoke(IpcInvoke.connect, [{ url: server.url, token: user.token }]);
    expect(good).toMatchObject({ ok: true });
    expect(await h.desktop.invoke(IpcInvoke.getSettings, [])).toMatchObject({ server: { url: server.url, hasToken: true } });
    await waitFor(() => h.pushes.some((p) => p.channel === IpcPush.onConnectionStatus && (p.payload as ConnectionStatus).state === 'online'));
  });

  it('never notifies the history an account already had', async () => {
    const message = await registerMessage(server, user.token);
    await hitAsPerson(message.pixelUrl!);
    await hitAsPerson(message.pixelUrl!, { ip: '203.0.113.99' });
    await waitFor(() => server.store.latestSeq(user.id) >= 2);
    h = await connected();
    await settle(300);
    expect(h.notifier.shown).toEqual([]);
    await hitAsPerson(message.pixelUrl!, { ip: '203.0.113.98' });
    await waitFor(() => h.notifier.shown.length === 1, 5000, 'live toast');
  });
});
