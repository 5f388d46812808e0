// The tray icon, tooltip and menu, drawn from a TrayState; menu picks become TrayActions.
import { app, Menu, Tray, type MenuItemConstructorOptions } from 'electron';
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
    this.tray.setContextMenu(Menu.buildFromTemplate(this.menu(state)));
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

  private menu(state: TrayState): MenuItemConstructorOptions[] {
    const recent: MenuItemConstructorOptions[] = state.recent.length
      ? state.recent.map((item) => ({
          label: item.label,
          click: () => this.emit({ kind: 'open-message', messageId: item.messageId }),
        }))
      : [{ label: 'No recent activity', enabled: false }];
    return [
      { label: 'Recent activity', enabled: false },
      ...recent,
      { type: 'separator' },
      { label: 'Open Inkling', click: () => this.emit({ kind: 'open' }) },
      {
        label: 'Pause notifications',
        submenu: [
          { label: 'For 30 minutes', click: () => this.emit({ kind: 'pause', choice: '30-minutes' }) },
          { label: 'For 1 hour', click: () => this.emit({ kind: 'pause', choice: '1-hour' }) },
          { label: 'Until tomorrow', click: () => this.emit({ kind: 'pause', choice: 'until-tomorrow' }) },
          { type: 'separator' },
          { label: 'Resume', enabled: state.paused, click: () => this.emit({ kind: 'resume' }) },
        ],
      },
      { label: 'Settings…', click: () => this.emit({ kind: 'settings' }) },
      {
        label: 'Launch at login',
        type: 'checkbox',
        checked: state.launchAtLogin,
        click: (item) => this.emit({ kind: 'launch-at-login', enabled: item.checked }),
      },
      { type: 'separator' },
      { label: 'Quit Inkling', click: () => this.emit({ kind: 'quit' }) },
    ];
  }
}
