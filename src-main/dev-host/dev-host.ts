// The desktop app without Electron: the real services (createDesktop) over the Node adapters, fake
// OS ports, and the built renderer served to any Chromium. Used by `main.ts`, the renderer's
// end-to-end tests and the UI benchmark.
import { IpcInvoke, type CredentialsCheck, type ServerCredentials } from '../../src-shared/ipc';
import type { Desktop } from '../services/desktop';
import { ExitingApp, PrintingOpener, RecordingLoginItems, RecordingNotifier, RecordingTray, TabWindow } from './fake-os-ports';
import { startHost } from './http-host';
import { createNodeDesktop } from './node-desktop';

export interface DevHostOptions {
  /** Where settings, token and cursor files live. */
  settingsDir: string;
  /** The built renderer (vite build --config vite.renderer.config.ts). */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Connect to this server at start (checked with a real call, then saved like the connect form does). */
  credentials?: ServerCredentials;
  log?: (line: string) => void;
  onQuit?: () => void;
}

export interface DevHost {
  url: string;
  desktop: Desktop;
  notifier: RecordingNotifier;
  tray: RecordingTray;
  window: TabWindow;
  /** The answer of the start-up connect, when credentials were given. */
  connected: CredentialsCheck | null;
  close(): Promise<void>;
}

export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const log = options.log ?? (() => {});
  const notifier = new RecordingNotifier(log);
  const tray = new RecordingTray();
  const window = new TabWindow();
  const desktop = createNodeDesktop({
    dir: options.settingsDir,
    log,
    os: {
      notifier,
      tray,
      window,
      loginItems: new RecordingLoginItems(),
      external: new PrintingOpener(log),
      app: new ExitingApp(options.onQuit ?? (() => {})),
    },
  });
  await desktop.start();
  const connected = options.credentials
    ? ((await desktop.invoke(IpcInvoke.connect, [options.credentials])) as CredentialsCheck)
    : null;
  const host = await startHost({ desktop, rendererDir: options.rendererDir, host: options.host, port: options.port });
  return {
    url: host.url,
    desktop,
    notifier,
    tray,
    window,
    connected,
    async close() {
      await host.close();
      await desktop.stop();
    },
  };
}
