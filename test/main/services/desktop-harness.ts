// The desktop services wired to fakes of the OS ports and the real Node adapters, in a temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createNodeDesktop } from '../../../src-main/dev-host/node-desktop';
import type { Desktop } from '../../../src-main/services/desktop';
import { FakeApp, FakeLoginItems, FakeNotifier, FakeOpener, FakeTray, FakeWindow } from './fakes';

export interface Harness {
  desktop: Desktop;
  notifier: FakeNotifier;
  tray: FakeTray;
  window: FakeWindow;
  loginItems: FakeLoginItems;
  opener: FakeOpener;
  app: FakeApp;
  pushes: Array<{ channel: string; payload: unknown }>;
  dir: string;
}

/** Builds a desktop on `dir` (a fresh temp folder unless given, to restart on the same files). */
export function desktopHarness(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkling-desktop-'))): Harness {
  const h = {
    notifier: new FakeNotifier(),
    tray: new FakeTray(),
    window: new FakeWindow(),
    loginItems: new FakeLoginItems(),
    opener: new FakeOpener(),
    app: new FakeApp(),
    pushes: [] as Array<{ channel: string; payload: unknown }>,
    dir,
  };
  const desktop = createNodeDesktop({
    dir,
    backoff: { initialMs: 20, maxMs: 200 },
    os: { notifier: h.notifier, tray: h.tray, window: h.window, loginItems: h.loginItems, external: h.opener, app: h.app },
  });
  desktop.subscribe((channel, payload) => h.pushes.push({ channel, payload }));
  return { ...h, desktop };
}

export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
