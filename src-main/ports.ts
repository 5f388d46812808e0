// The interfaces the desktop services need from the world. Services and core depend on these only;
// adapters/node and adapters/electron implement them, tests hand in fakes of the OS-touching ones.
import type {
  MessageDetail,
  MessagePage,
  Preferences,
  TrackingEvent,
  UserInfo,
} from '../src-shared/protocol';
import type {
  ConnectionStatus,
  CredentialsCheck,
  ListMessagesQuery,
  Navigation,
  ServerCredentials,
  Unsubscribe,
} from '../src-shared/ipc';
import type { PauseChoice, StoredSettings, ToastContent, TrayAction, TrayIcon, TrayState } from './core/types';

export type { PauseChoice, StoredSettings, ToastContent, TrayAction, TrayIcon, TrayState };

/** Wall-clock time; the only way services learn the time. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Minutes to add to UTC to get local time at `at` (UTC+2 → 120). */
  utcOffsetMinutes(at: number): number;
}

/** One-shot timers; every timer can be cancelled. */
export interface Scheduler {
  after(ms: number, run: () => void): Unsubscribe;
}

/** Native notifications ("toasts"). Shows only what it is given. */
export interface Notifier {
  /**
   * Shows a toast. A toast with the id of one still on screen replaces it (folding repeats).
   * `onClick` runs at most once, when the person clicks it.
   */
  show(toast: ToastContent, onClick: () => void): void;
  /** True while the OS holds notifications back (do not disturb, focus modes), where it tells. */
  doNotDisturb(): boolean;
}

/** The tray icon, its tooltip and its menu. */
export interface TrayView {
  render(state: TrayState): void;
  onAction(listener: (action: TrayAction) => void): Unsubscribe;
}

/** The app's one window. Navigation inside it travels as an IpcPush, not through this port. */
export interface MainWindow {
  /** Creates the window if needed, shows it and gives it focus. */
  show(): void;
  /** True when the window is visible and has the keyboard focus. */
  isFocused(): boolean;
  /** The person looked at the window: unread activity counts as read. */
  onFocus(listener: () => void): Unsubscribe;
}


/** The local settings file. Reads never throw: a broken file falls back to defaults. */
export interface SettingsStore {
  read(): StoredSettings;
  write(settings: StoredSettings): void;
}

/** The server token, encrypted at rest where the OS offers it. */
export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

/** The highest event seq fully processed, per server and user, so a restart resumes there. */
export interface CursorStore {
  get(key: string): number;
  set(key: string, seq: number): void;
}

/**
 * The live event stream of one server and user. The feed acknowledges a batch only after the
 * handler's promise resolves, so a batch is never lost between receipt and the saved cursor.
 */
export interface TrackingFeed {
  /** Called with each batch, duplicates already dropped, in ascending seq. */
  onBatch(handler: (events: TrackingEvent[]) => Promise<void>): void;
  onStatus(listener: (status: ConnectionStatus) => void): void;
  onPreferences(listener: (preferences: Preferences) => void): void;
  /** Connects from `cursor` (the highest seq fully processed) and keeps reconnecting until stop. */
  start(cursor: number): void;
  stop(): Promise<void>;
}

/** The HTTP API of one server, answers parsed with the protocol's schemas. */
export interface InklingServer {
  listMessages(query: ListMessagesQuery): Promise<MessagePage>;
  getMessage(id: string): Promise<MessageDetail>;
  /** Events with seq > after, ascending, at most `limit`. */
  events(after: number, limit: number): Promise<{ events: TrackingEvent[]; cursor: number }>;
  getPreferences(): Promise<Preferences>;
  setPreferences(preferences: Preferences): Promise<Preferences>;
}

/** Everything that talks to one server with one token. */
export interface ServerLink {
  api: InklingServer;
  feed: TrackingFeed;
}

/** Opens links to servers; checks credentials with a real call before they are saved. */
export interface ServerConnector {
  link(credentials: ServerCredentials): ServerLink;
  check(credentials: ServerCredentials): Promise<CredentialsCheck>;
}

/** Starting the app when the person logs in. */
export interface LoginItems {
  set(enabled: boolean): void;
}

/** Opens http(s) links in the person's browser. */
export interface ExternalOpener {
  open(url: string): Promise<void>;
}

/** The process itself. */
export interface AppControl {
  quit(): void;
}

/** Everything createDesktop needs, built by a composition root (app/main.ts or a dev host). */
export interface DesktopPorts {
  clock: Clock;
  scheduler: Scheduler;
  notifier: Notifier;
  tray: TrayView;
  window: MainWindow;
  settings: SettingsStore;
  token: TokenStore;
  cursor: CursorStore;
  connector: ServerConnector;
  loginItems: LoginItems;
  external: ExternalOpener;
  app: AppControl;
}

export type { Navigation, UserInfo };
