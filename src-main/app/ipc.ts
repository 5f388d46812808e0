// Puts the desktop's invoke on ipcMain.handle, one handler per IpcInvoke channel, and answers
// only the app's own top frame: a subframe or any other page is refused before validation.
import { ipcMain } from 'electron';
import { IpcInvoke } from '../../src-shared/ipc';
import type { Desktop } from '../services/desktop';
import { isTrustedSender, type SenderPolicy } from '../services/sender-policy';

export function registerIpc(desktop: Desktop, policy: SenderPolicy): void {
  for (const channel of Object.values(IpcInvoke)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, policy)) throw new Error(`Refused ${channel} from an untrusted frame.`);
      return desktop.invoke(channel, args);
    });
  }
}
