// Puts the desktop's invoke on ipcMain.handle, one handler per IpcInvoke channel, and answers
// only the app's own top frame: a subframe or any other page is refused before validation.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IpcInvoke } from '../../src-shared/ipc';
import type { Desktop } from '../services/desktop';

export interface SenderPolicy {
  /** The web contents id of the app window, or null when there is none. */
  contentsId: () => number | null;
  /** The renderer's origin (http://localhost:5173) or, for file://, the folder of index.html. */
  rendererUrl: string;
}

export function isTrustedSender(event: IpcMainInvokeEvent, policy: SenderPolicy): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || event.sender.id !== policy.contentsId()) return false;
  const expected = new URL(policy.rendererUrl);
  const actual = new URL(frame.url);
  if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
  return actual.origin === expected.origin;
}

export function registerIpc(desktop: Desktop, policy: SenderPolicy): void {
  for (const channel of Object.values(IpcInvoke)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, policy)) throw new Error(`Refused ${channel} from an untrusted frame.`);
      return desktop.invoke(channel, args);
    });
  }
}
