// Keeps the tray in step with the connection, the pause and recent activity, and carries out what
// a person picks from its menu.
import type { ConnectionStatus, LocalSettingsPatch, Navigation } from '../../src-shared/ipc';
import type { TrackingEvent } from '../../src-shared/protocol';
import { pauseEnd } from '../core/quiet-hours';
import { pushRecent, trayState } from '../core/tray-state';
import type { AppControl, Clock, MainWindow, Scheduler, TrayAction, TrayView } from '../ports';
import type { SettingsService } from './settings-service';

export interface TrayDeps {
  clock: Clock;
  scheduler: Scheduler;
  tray: TrayView;
  window: MainWindow;
  app: AppControl;
  settings: SettingsService;
  status: () => ConnectionStatus;
  patchSettings: (patch: LocalSettingsPatch) => void;
  navigate: (navigation: Navigation) => void;
}

export class TrayService {
  private unread = 0;
  private recent: TrackingEvent[] = [];
  private cancelPauseEnd: (() => void) | null = null;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly deps: TrayDeps) {
    this.unsubscribe.push(
      deps.tray.onAction((action) => this.act(action)),
      deps.window.onFocus(() => this.markRead()),
    );
  }

  addNotable(events: readonly TrackingEvent[]): void {
    this.recent = pushRecent(this.recent, events);
    this.unread += events.length;
    this.render();
  }

  /** Newest first: what the tray lists as recent activity. */
  recentEvents(): readonly TrackingEvent[] {
    return this.recent;
  }

  markRead(): void {
    if (this.unread === 0) return;
    this.unread = 0;
    this.render();
  }

  render(): void {
    const { clock, settings } = this.deps;
    const now = clock.now();
    const current = settings.current();
    this.deps.tray.render(
      trayState({
        status: this.deps.status(),
        pausedUntil: current.pausedUntil,
        launchAtLogin: current.launchAtLogin,
        unread: this.unread,
        recent: this.recent,
        now,
        offsetMinutes: clock.utcOffsetMinutes(now),
      }),
    );
    // Redraw when a pause runs out, so the icon does not stay "paused".
    this.cancelPauseEnd?.();
    const until = current.pausedUntil === null ? NaN : Date.parse(current.pausedUntil);
    this.cancelPauseEnd = until > now ? this.deps.scheduler.after(until - now, () => this.render()) : null;
  }

  stop(): void {
    this.cancelPauseEnd?.();
    for (const u of this.unsubscribe) u();
  }

  private act(action: TrayAction): void {
    const { window, clock } = this.deps;
    switch (action.kind) {
      case 'open':
        window.show();
        this.markRead();
        return;
      case 'open-message':
        this.deps.navigate({ view: 'email', messageId: action.messageId });
        return;
      case 'settings':
        this.deps.navigate({ view: 'settings' });
        return;
      case 'pause': {
        const now = clock.now();
        const until = pauseEnd(action.choice, now, clock.utcOffsetMinutes(now));
        this.deps.patchSettings({ pausedUntil: new Date(until).toISOString() });
        return;
      }
      case 'resume':
        this.deps.patchSettings({ pausedUntil: null });
        return;
      case 'launch-at-login':
        this.deps.patchSettings({ launchAtLogin: action.enabled });
        return;
      case 'quit':
        this.deps.app.quit();
        return;
      default: {
        const never: never = action;
        throw new Error(`unknown tray action ${JSON.stringify(never)}`);
      }
    }
  }
}
