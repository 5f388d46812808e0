// Composition root of the Electron app: builds the adapters, hands them to createDesktop, puts the
// bridge on ipcMain, and keeps the app alive in the tray. No decisions are made here.
import { app, powerMonitor } from 'electron';
import { join } from 'node:path';
import { FileCursorStore } from '../adapters/node/file-cursor-store';
import { NodeServerConnector } from '../adapters/node/node-server-connector';
import { SystemClock, TimerScheduler } from '../adapters/node/system-clock';
import { ElectronMainWindow } from '../adapters/electron/electron-main-window';
import { ElectronNotifier } from '../adapters/electron/electron-notifier';
import { electronSettingsStore, SafeStorageTokenStore } from '../adapters/electron/electron-settings';
import { ElectronAppControl, ElectronLoginItems, ShellOpener } from '../adapters/electron/electron-system';
import { ElectronTray } from '../adapters/electron/electron-tray';
import { appIcon } from '../adapters/electron/tray-icons';
import { IpcInvoke, type LocalSettings } from '../../src-shared/ipc';
import { createDesktop } from '../services/desktop';
import { registerIpc } from './ipc';
import { preloadPath, rendererUrl, resourcesPath } from './paths';

const APP_ID = 'app.inkling.desktop';
const log = (line: string) => console.log(`[inkling] ${line}`);

// A second launch only brings the running app's window forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.env.INKLING_USER_DATA) app.setPath('userData', process.env.INKLING_USER_DATA);
  // Windows shows toasts only for an app with a user model id matching its shortcut.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.whenReady().then(start, (error: unknown) => {
    log(`failed to start: ${String(error)}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  let quitting = false;
  const userData = app.getPath('userData');
  const resources = resourcesPath();
  const clock = new SystemClock();
  const scheduler = new TimerScheduler();
  const shell = new ShellOpener();
  const url = rendererUrl();
  const window = new ElectronMainWindow({
    rendererUrl: url,
    preload: preloadPath(),
    icon: appIcon(resources),
    openExternal: (link) => void shell.open(link).catch((e: Error) => log(e.message)),
    quitting: () => quitting,
  });
  const tray = new ElectronTray(resources);
  const desktop = createDesktop({
    clock,
    scheduler,
    notifier: new ElectronNotifier(appIcon(resources)),
    tray,
    window,
    settings: electronSettingsStore(userData, (backup, error) => log(`settings reset (${error.message}); old file kept at ${backup}`)),
    token: new SafeStorageTokenStore(userData, log),
    cursor: new FileCursorStore(join(userData, 'cursors.json')),
    connector: new NodeServerConnector({ clock, scheduler, onError: (e) => log(`feed: ${e.message}`) }),
    loginItems: new ElectronLoginItems(),
    external: shell,
    app: new ElectronAppControl(),
  });
  registerIpc(desktop, { contentsId: () => window.contentsId(), rendererUrl: url });
  desktop.subscribe((channel, payload) => window.send(channel, payload));

  app.on('second-instance', () => window.show());
  powerMonitor.on('resume', () => void desktop.reconnect()); // fire-and-forget: status shows progress
  app.on('activate', () => window.show());
  // The window hides on close; with no window the app stays in the tray until Quit.
  app.on('window-all-closed', () => {});
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => {
    void desktop.stop(); // fire-and-forget: sockets close with the process either way
    tray.destroy();
  });

  await desktop.start();
  await connectFromEnvironment(desktop);
  if (!ElectronLoginItems.launchedAtLogin(process.argv)) window.show();
}

/** `npm start` passes a local server and token, so the first run needs no typing. */
async function connectFromEnvironment(desktop: ReturnType<typeof createDesktop>): Promise<void> {
  const url = process.env.INKLING_SERVER_URL;
  const token = process.env.INKLING_TOKEN;
  if (!url || !token) return;
  const settings = (await desktop.invoke(IpcInvoke.getSettings, [])) as LocalSettings;
  if (settings.server.url === url && settings.server.hasToken) return;
  const check = await desktop.invoke(IpcInvoke.connect, [{ url, token }]);
  log(`connecting to ${url}: ${JSON.stringify(check)}`);
}
