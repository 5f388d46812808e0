// Values the pure core hands to the services: what to show in a toast and in the tray.
import type { LocalSettings, Navigation } from '../../src-shared/ipc';

/** The local settings as stored, minus the token (kept apart, encrypted where the OS offers it). */
export type StoredSettings = Omit<LocalSettings, 'server'> & { server: { url: string | null } };

/** One native notification. A toast with the id of one on screen replaces it. */
export interface ToastContent {
  id: string;
  title: string;
  body: string;
  /** No sound: a folded repeat, or sound turned off in the settings. */
  silent: boolean;
  /** Where a click on it takes the window. */
  target: Navigation;
}

export type PauseChoice = '30-minutes' | '1-hour' | 'until-tomorrow';

export type TrayIcon = 'online' | 'activity' | 'paused' | 'offline';

export interface RecentItem {
  label: string;
  messageId: string;
}

/** Everything the tray shows; the adapter only draws it. */
export interface TrayState {
  icon: TrayIcon;
  tooltip: string;
  unread: number;
  /** Newest first, at most five. */
  recent: RecentItem[];
  paused: boolean;
  launchAtLogin: boolean;
}

/** What a person can pick in the tray's menu. */
export type TrayAction =
  | { kind: 'open' }
  | { kind: 'open-message'; messageId: string }
  | { kind: 'pause'; choice: PauseChoice }
  | { kind: 'resume' }
  | { kind: 'settings' }
  | { kind: 'launch-at-login'; enabled: boolean }
  | { kind: 'quit' };
