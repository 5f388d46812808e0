// The one table of renderer → main calls: for each IpcInvoke channel, the schema of its arguments
// and what it does. Every argument list is parsed here before any service sees it.
import { z } from 'zod';
import {
  ExternalUrl,
  IpcInvoke,
  ListMessagesQuery,
  LocalSettingsPatch,
  MessageId,
  MuteRequest,
  PreferencesRequest,
  RecentActivityQuery,
  ServerCredentials,
  UnmuteRequest,
  type InklingApi,
} from '../../src-shared/ipc';

type Invokable = keyof typeof IpcInvoke;

/** One route: a tuple schema for the arguments and the handler they are passed to. */
interface Route<A extends unknown[]> {
  args: z.ZodType<A>;
  run: (...args: A) => Promise<unknown>;
}

export type Routes = { [K in Invokable]: Route<Parameters<InklingApi[K]>> };

/** The services each route calls, in the shape of the API the renderer sees. */
export type Handlers = Pick<InklingApi, Invokable>;

export function buildRoutes(h: Handlers): Routes {
  const none = z.tuple([]);
  return {
    listMessages: { args: z.tuple([ListMessagesQuery]), run: (q) => h.listMessages(q) },
    getMessage: { args: z.tuple([MessageId]), run: (id) => h.getMessage(id) },
    recentActivity: { args: z.tuple([RecentActivityQuery]), run: (q) => h.recentActivity(q) },
    mute: { args: z.tuple([MuteRequest]), run: (m) => h.mute(m) },
    unmute: { args: z.tuple([UnmuteRequest]), run: (t) => h.unmute(t) },
    getSettings: { args: none, run: () => h.getSettings() },
    setSettings: { args: z.tuple([LocalSettingsPatch]), run: (p) => h.setSettings(p) },
    getPreferences: { args: none, run: () => h.getPreferences() },
    setPreferences: { args: z.tuple([PreferencesRequest]), run: (p) => h.setPreferences(p) },
    getConnectionStatus: { args: none, run: () => h.getConnectionStatus() },
    connect: { args: z.tuple([ServerCredentials]), run: (c) => h.connect(c) },
    testConnection: { args: z.tuple([ServerCredentials]), run: (c) => h.testConnection(c) },
    setViewedMessage: { args: z.tuple([MessageId.nullable()]), run: (id) => h.setViewedMessage(id) },
    openExternal: { args: z.tuple([ExternalUrl]), run: (url) => h.openExternal(url) },
  };
}

const byChannel = new Map<string, Invokable>(
  (Object.entries(IpcInvoke) as Array<[Invokable, string]>).map(([name, channel]) => [channel, name]),
);

/** Validates and dispatches one call; rejects with a clear message on an unknown channel or bad input. */
export async function dispatch(routes: Routes, channel: string, args: unknown[]): Promise<unknown> {
  const name = byChannel.get(channel);
  if (name === undefined) throw new Error(`Unknown IPC channel "${channel}".`);
  const route = routes[name] as Route<unknown[]>;
  const parsed = route.args.safeParse(args);
  if (!parsed.success) throw new Error(`Invalid arguments for ${channel}: ${z.prettifyError(parsed.error)}`);
  return route.run(...parsed.data);
}
