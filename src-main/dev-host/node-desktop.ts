// The desktop services over the real Node adapters, with files in one folder: the composition that
// the dev host, the alert benchmark and the services tests share. Only the OS-facing ports (the
// notifier, tray, window, login items, link opener, app) are handed in, since each caller fakes
// them its own way.
import { join } from 'node:path';
import { ConfSettingsStore } from '../adapters/node/conf-settings-store';
import { FileCursorStore } from '../adapters/node/file-cursor-store';
import { FileTokenStore } from '../adapters/node/file-token-store';
import { NodeServerConnector, type ConnectorOptions } from '../adapters/node/node-server-connector';
import { SystemClock, TimerScheduler } from '../adapters/node/system-clock';
import type { DesktopPorts } from '../ports';
import { createDesktop, type Desktop } from '../services/desktop';

export type OsPorts = Pick<DesktopPorts, 'notifier' | 'tray' | 'window' | 'loginItems' | 'external' | 'app'>;

export interface NodeDesktopOptions {
  /** Where the settings, token and cursor files live. */
  dir: string;
  os: OsPorts;
  backoff?: ConnectorOptions['backoff'];
  log?: (line: string) => void;
}

export function createNodeDesktop({ dir, os, backoff, log = () => {} }: NodeDesktopOptions): Desktop {
  const clock = new SystemClock();
  const scheduler = new TimerScheduler();
  return createDesktop({
    ...os,
    clock,
    scheduler,
    settings: new ConfSettingsStore({ cwd: dir }, undefined, (backup, error) =>
      log(`settings recovered (${error.message}); old file kept at ${backup}`),
    ),
    token: new FileTokenStore(join(dir, 'token')),
    cursor: new FileCursorStore(join(dir, 'cursors.json')),
    connector: new NodeServerConnector({
      clock,
      scheduler,
      ...(backoff ? { backoff } : {}),
      onError: (error) => log(`feed: ${error.message}`),
    }),
  });
}
