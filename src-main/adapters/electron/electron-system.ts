// The small OS services: login items, opening links in the browser, quitting.
import { app, shell } from 'electron';
import type { AppControl, ExternalOpener, LoginItems } from '../../ports';

/** Launched at login, the app starts hidden in the tray: macOS says so, elsewhere this flag does. */
export const HIDDEN_FLAG = '--hidden';

export class ElectronLoginItems implements LoginItems {
  set(enabled: boolean): void {
    app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] });
  }

  static launchedAtLogin(argv: readonly string[]): boolean {
    if (argv.includes(HIDDEN_FLAG)) return true;
    return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
  }
}

export class ShellOpener implements ExternalOpener {
  async open(url: string): Promise<void> {
    // Only web links leave the app; file:, javascript: and custom schemes never reach the OS.
    const { protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`refusing to open ${protocol} links`);
    await shell.openExternal(url);
  }
}

export class ElectronAppControl implements AppControl {
  quit(): void {
    app.quit();
  }
}
