// The renderer bridge: every channel validated, clear errors, settings and tray actions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IpcInvoke, IpcPush, type LocalSettings } from '../../../src-shared/ipc';
import type { MessagePage, Preferences, TrackingEvent } from '../../../src-shared/protocol';
import { addTestUser, hitAsPerson, registerMessage, startTestServer, waitFor, type TestServer, type TestUser } from '../../support/server';
import { desktopHarness, type Harness } from './desktop-harness';

let server: TestServer;
let user: TestUser;
let h: Harness;

beforeAll(async () => {
  server = await startTestServer();
  user = addTestUser(server);
  h = desktopHarness();
  await h.desktop.start();
  await h.desktop.invoke(IpcInvoke.connect, [{ url: server.url, token: user.token }]);
  await waitFor(() => h.tray.last?.icon === 'online');
});
afterAll(async () => {
  await h.desktop.stop();
  await server.close();
});

describe('invoke', () => {
  it('rejects an unknown channel clearly', async () => {
    await expect(h.desktop.invoke('history:messages:drop', [])).rejects.toThrow('Unknown IPC channel "history:messages:drop".');
  });

  it('rejects bad arguments, naming the channel and the field', async () => {
    await expect(h.desktop.invoke(IpcInvoke.listMessages, [{ limit: 5000 }])).rejects.toThrow(
      /^Invalid arguments for history:messages:list: .*limit/s,
    );
    await expect(h.desktop.invoke(IpcInvoke.getMessage, [])).rejects.toThrow(/Invalid arguments for history:message:get/);
    await expect(h.desktop.invoke(IpcInvoke.setSettings, [{ server: { url: 'x' } }])).rejects.toThrow(/Invalid arguments/);
    await expect(h.desktop.invoke(IpcInvoke.openExternal, ['file:///etc/passwd'])).rejects.toThrow(/Invalid arguments/);
    expect(h.opener.opened).toEqual([]);
  });

  it('lists messages from the server', async () => {
    const m = await registerMessage(server, user.token, { subject: 'Listed' });
    const page = (await h.desktop.invoke(IpcInvoke.listMessages, [{ q: 'listed' }])) as MessagePage;
    expect(page.items.map((i) => i.id)).toEqual([m.id]);
  });

  it('reads recent activity from the server, newest first', async () => {
    const m = await registerMessage(server, user.token, { subject: 'Recent' });
    await hitAsPerson(m.pixelUrl!);
    await hitAsPerson(m.pixelUrl!, { ip: '203.0.113.61' });
    await waitFor(() => h.tray.last?.unread === 2, 5000, 'two events');
    const recent = (await h.desktop.invoke(IpcInvoke.recentActivity, [{ limit: 2 }])) as TrackingEvent[];
    expect(recent).toHaveLength(2);
    expect(recent[0]!.seq).toBeGreaterThan(recent[1]!.seq);
    expect(recent.every((e) => e.messageId === m.id)).toBe(true);
  });

  it('mutes and unmutes through the server, pushing the new preferences', async () => {
    const muted = (await h.desktop.invoke(IpcInvoke.mute, [{ kind: 'contact', value: 'acme.example', until: null }])) as Preferences;
    expect(muted.mutes).toEqual([{ kind: 'contact', value: 'acme.example', until: null }]);
    const again = (await h.desktop.invoke(IpcInvoke.mute, [{ kind: 'contact', value: 'acme.example', until: '2030-01-01T00:00:00.000Z' }])) as Preferences;
    expect(again.mutes).toHaveLength(1);
    const unmuted = (await h.desktop.invoke(IpcInvoke.unmute, [{ kind: 'contact', value: 'acme.example' }])) as Preferences;
    expect(unmuted.mutes).toEqual([]);
    expect(h.pushes.filter((p) => p.channel === IpcPush.onPreferences).length).toBeGreaterThanOrEqual(3);
  });

  it('patches settings, saves them, pushes them and applies launch at login', async () => {
    const next = (await h.desktop.invoke(IpcInvoke.setSettings, [{ notify: { sound: false }, launchAtLogin: true }])) as LocalSettings;
    expect(next.notify.sound).toBe(false);
    expect(next.notify.opens).toBe(true);
    expect(h.loginItems.enabled).toBe(true);
    expect(h.pushes.at(-1)).toMatchObject({ channel: IpcPush.onSettings, payload: { launchAtLogin: true } });
    expect(h.tray.last?.launchAtLogin).toBe(true);
  });

  it('opens http(s) links externally', async () => {
    await h.desktop.invoke(IpcInvoke.openExternal, ['https://acme.example/pricing']);
    expect(h.opener.opened).toEqual(['https://acme.example/pricing']);
  });
});

describe('tray actions', () => {
  it('opens a recent email and settings in the window', () => {
    h.tray.choose({ kind: 'open-message', messageId: 'm-1' });
    h.tray.choose({ kind: 'settings' });
    const navigations = h.pushes.filter((p) => p.channel === IpcPush.onNavigate).map((p) => p.payload);
    expect(navigations.slice(-2)).toEqual([{ view: 'email', messageId: 'm-1' }, { view: 'settings' }]);
  });

  it('pauses until tomorrow morning and quits', async () => {
    h.tray.choose({ kind: 'pause', choice: 'until-tomorrow' });
    const settings = (await h.desktop.invoke(IpcInvoke.getSettings, [])) as LocalSettings;
    expect(Date.parse(settings.pausedUntil!)).toBeGreaterThan(Date.now());
    expect(h.tray.last?.paused).toBe(true);
    h.tray.choose({ kind: 'quit' });
    expect(h.app.quits).toBe(1);
  });
});
