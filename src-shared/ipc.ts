// The bridge contract between the desktop main process and the renderer: one typed function per
// message. The preload exposes `InklingApi` as `window.inkling`; main validates every input with the
// schemas below. Channels are named area:noun:verb.
import { z } from 'zod';
import type {
  MessageDetail,
  MessagePage,
  Mute,
  Preferences,
  TrackingEvent,
  UserInfo,
} from './protocol';
import { Mute as MuteSchema, Preferences as PreferencesSchema } from './protocol';

export type ConnectionStatus =
  | { state: 'unconfigured' }
  | { state: 'connecting'; server: string }
  | { state: 'online'; server: string; user: UserInfo; latestSeq: number }
  | { state: 'offline'; server: string; retryAt: string; error: string }
  | { state: 'unauthorized'; server: string }
  | { state: 'unreachable'; server: string; retryAt: string; error: string };

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');

export const LocalSettings = z.object({
  server: z.object({ url: z.string().nullable(), hasToken: z.boolean() }),
  notify: z.object({
    opens: z.boolean(),
    clicks: z.boolean(),
    replies: z.boolean(),
    someone: z.boolean(),
    /** Opt in to one's own opens, for testing a setup. */
    self: z.boolean(),
    /** true: later opens of a thread within the window fold into the earlier notification; false: skipped. */
    repeats: z.boolean(),
    repeatWindowMinutes: z.number().int().min(1).max(24 * 60),
    sound: z.boolean(),
  }),
  quietHours: z.object({ enabled: z.boolean(), start: clock, end: clock }),
  /** ISO time until which notifications are held, or null. */
  pausedUntil: z.iso.datetime({ offset: true }).nullable(),
  launchAtLogin: z.boolean(),
});
export type LocalSettings = z.infer<typeof LocalSettings>;

/** What the renderer may change; the token is write-only and never read back. */
export const LocalSettingsPatch = z
  .object({
    notify: LocalSettings.shape.notify.partial(),
    quietHours: LocalSettings.shape.quietHours.partial(),
    pausedUntil: LocalSettings.shape.pausedUntil,
    launchAtLogin: z.boolean(),
  })
  .partial()
  .strict();
export type LocalSettingsPatch = z.infer<typeof LocalSettingsPatch>;

export const ServerCredentials = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  token: z.string().trim().min(1).max(500),
});
export type ServerCredentials = z.infer<typeof ServerCredentials>;

export type CredentialsCheck = { ok: true; user: UserInfo } | { ok: false; error: string };

export const ListMessagesQuery = z
  .object({
    q: z.string().max(200).optional(),
    before: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict();
export type ListMessagesQuery = z.infer<typeof ListMessagesQuery>;

export const MessageId = z.string().min(1).max(200);
export const RecentActivityQuery = z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict();
export type RecentActivityQuery = z.infer<typeof RecentActivityQuery>;

export const MuteRequest = MuteSchema;
export const UnmuteRequest = MuteSchema.pick({ kind: true, value: true });
export type UnmuteRequest = z.infer<typeof UnmuteRequest>;
export const PreferencesRequest = PreferencesSchema;

export const ExternalUrl = z.url({ protocol: /^https?$/ }).max(4000);

export type Navigation =
  | { view: 'activity' }
  | { view: 'emails' }
  | { view: 'email'; messageId: string }
  | { view: 'settings' };

export type Unsubscribe = () => void;

export interface InklingApi {
  listMessages(query: ListMessagesQuery): Promise<MessagePage>;
  getMessage(id: string): Promise<MessageDetail>;
  /** The latest events, newest first. */
  recentActivity(query: RecentActivityQuery): Promise<TrackingEvent[]>;
  onActivity(listener: (events: TrackingEvent[]) => void): Unsubscribe;
  mute(mute: Mute): Promise<Preferences>;
  unmute(target: UnmuteRequest): Promise<Preferences>;
  getSettings(): Promise<LocalSettings>;
  setSettings(patch: LocalSettingsPatch): Promise<LocalSettings>;
  onSettings(listener: (settings: LocalSettings) => void): Unsubscribe;
  getPreferences(): Promise<Preferences>;
  setPreferences(preferences: Preferences): Promise<Preferences>;
  onPreferences(listener: (preferences: Preferences) => void): Unsubscribe;
  getConnectionStatus(): Promise<ConnectionStatus>;
  onConnectionStatus(listener: (status: ConnectionStatus) => void): Unsubscribe;
  /** Checks the credentials with a real call; saves them and reconnects only when they work. */
  connect(credentials: ServerCredentials): Promise<CredentialsCheck>;
  testConnection(credentials: ServerCredentials): Promise<CredentialsCheck>;
  /** Tells main which email the window shows, so no toast is raised for it (null: none). */
  setViewedMessage(messageId: string | null): Promise<void>;
  onNavigate(listener: (navigation: Navigation) => void): Unsubscribe;
  openExternal(url: string): Promise<void>;
}

/** Request/response channels (renderer → main). */
export const IpcInvoke = {
  listMessages: 'history:messages:list',
  getMessage: 'history:message:get',
  recentActivity: 'activity:events:recent',
  mute: 'preferences:mute:add',
  unmute: 'preferences:mute:remove',
  getSettings: 'settings:local:get',
  setSettings: 'settings:local:set',
  getPreferences: 'preferences:server:get',
  setPreferences: 'preferences:server:set',
  getConnectionStatus: 'connection:status:get',
  connect: 'connection:server:connect',
  testConnection: 'connection:server:test',
  setViewedMessage: 'window:message:viewed',
  openExternal: 'shell:external:open',
} as const satisfies Partial<Record<keyof InklingApi, string>>;

/** Pushed channels (main → renderer). */
export const IpcPush = {
  onActivity: 'activity:events:push',
  onSettings: 'settings:local:push',
  onPreferences: 'preferences:server:push',
  onConnectionStatus: 'connection:status:push',
  onNavigate: 'window:navigation:push',
} as const satisfies Partial<Record<keyof InklingApi, string>>;
