// The tray icon, tooltip and menu, drawn from a TrayState; menu picks become TrayActions.
import { app, Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import { trayMenu, type MenuEntry } from '../../core/tray-menu';
import type { TrayAction, TrayState, TrayView } from '../../ports';
import { trayImage } from './tray-icons';

export class ElectronTray implements TrayView {
  private readonly tray: Tray;
  private readonly listeners = new Set<(action: TrayAction) => void>();

  constructor(
    private readonly resources: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.tray = new Tray(trayImage(resources, 'offline', platform));
    // Windows and Linux open the window on a plain click; macOS shows the menu, as people expect there.
    if (platform !== 'darwin') this.tray.on('click', () => this.emit({ kind: 'open' }));
  }

  render(state: TrayState): void {
    this.tray.setImage(trayImage(this.resources, state.icon, this.platform));
    this.tray.setToolTip(state.tooltip);
    if (this.platform === 'darwin') this.tray.setTitle(state.unread > 0 ? String(state.unread) : '');
    // The dock (macOS) or launcher (Unity) badge shows the unread count too; elsewhere a no-op.
    app.setBadgeCount(state.unread);
    this.tray.setContextMenu(Menu.buildFromTemplate(this.native(trayMenu(state))));
  }

  onAction(listener: (action: TrayAction) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  destroy(): void {
    this.tray.destroy();
  }

  private emit(action: TrayAction): void {
    for (const listener of [...this.listeners]) listener(action);
  }

  /** The core's menu, as native menu items. */
  private native(entries: MenuEntry[]): MenuItemConstructorOptions[] {
    return entries.map((entry): MenuItemConstructorOptions => {
      switch (entry.kind) {
        case 'separator':
          return { type: 'separator' };
        case 'item': {
          const { action } = entry;
          return { label: entry.label, enabled: entry.enabled, click: action ? () => this.emit(action) : undefined };
        }
        case 'checkbox':
          return { label: entry.label, type: 'checkbox', checked: entry.checked, click: (item) => this.emit(entry.action(item.checked)) };
        case 'submenu':
          return { label: entry.label, submenu: this.native(entry.entries) };
        default: {
          const never: never = entry;
          throw new Error(`unknown menu entry ${JSON.stringify(never)}`);
        }
      }
    });
  }
}
