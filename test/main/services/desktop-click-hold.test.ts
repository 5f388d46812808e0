// A link scanner with a browser's full headers is known to the server only at its third click;
// through the real server and the real scheduler, its first two (human) clicks never notify, while
// a person's one click notifies once its hold ends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IpcInvoke, IpcPush } from '../../../src-shared/ipc';
import type { TrackingEvent } from '../../../src-shared/protocol';
import { CLICK_HOLD_MS } from '../../../src-main/core/notification-policy';
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
let h: Harness | undefined;

beforeEach(async () => {
  server = await startTestServer();
  user = addTestUser(server);
});
afterEach(async () => {
  await h?.desktop.stop();
  h = undefined;
  await server.close();
});

async function connected(): Promise<Harness> {
  const x = desktopHarness();
  await x.desktop.start();
  await x.desktop.invoke(IpcInvoke.connect, [{ url: server.url, token: user.token }]);
  await waitFor(() => x.tray.last?.icon === 'online', 5000, 'online');
  return x;
}

const pushedEvents = (x: Harness) =>
  x.pushes.filter((p) => p.channel === IpcPush.onActivity).flatMap((p) => p.payload as TrackingEvent[]);

const THREE_LINKS =
  '<p>See <a href="https://acme.example/pricing">pricing</a>, <a href="https://acme.example/team">the team</a> ' +
  'and <a href="https://acme.example/faq">the FAQ</a>.</p>';

describe('the click hold through the real server', () => {
  it('never notifies a scanner clicking three links of one email within the burst window', async () => {
    h = await connected();
    const message = await registerMessage(server, user.token, { html: THREE_LINKS });
    expect(message.links).toHaveLength(3);
    // Full browser headers from one unlisted address: only the third click gives it away.
    for (const link of message.links) await hitAsPerson(link.trackedUrl, { ip: '203.0.113.200' });
    await waitFor(() => pushedEvents(h!).filter((e) => e.type === 'click').length === 3, 5000, 'three clicks');
    const clicks = pushedEvents(h).filter((e) => e.type === 'click');
    expect(clicks.map((e) => e.source)).toEqual(['human', 'human', 'machine']);
    expect(clicks[2]!.reasons).toContain('click-burst');
    await settle(CLICK_HOLD_MS + 500);
    expect(h.notifier.shown).toEqual([]);
    expect(h.tray.last).toMatchObject({ unread: 0 });
  });

  it('notifies a person’s one click exactly once, after the hold', async () => {
    h = await connected();
    const message = await registerMessage(server, user.token);
    await hitAsPerson(message.links[0]!.trackedUrl);
    await waitFor(() => pushedEvents(h!).some((e) => e.type === 'click'), 5000, 'the click');
    expect(pushedEvents(h).map((e) => [e.type, e.source, e.inferred])).toEqual([
      ['open', 'human', true],
      ['click', 'human', false],
    ]);
    expect(h.notifier.shown).toEqual([]);
    await waitFor(() => h!.notifier.shown.length > 0, CLICK_HOLD_MS + 5000, 'the click toast');
    await settle(300);
    expect(h.notifier.titles()).toEqual(['Jane Doe clicked “our pricing” in “Q3 proposal”']);
    expect(h.tray.last).toMatchObject({ unread: 2 });
  });
});
