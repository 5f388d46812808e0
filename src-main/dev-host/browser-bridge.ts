// Runs in the page, not in Node: defines window.inkling over the dev host's socket exactly as the
// Electron preload does over IPC (one function per message, each subscription returns its
// unsubscribe). The dev host transpiles this file and serves it as a separate script, so the
// renderer's CSP stays strict (script-src 'self'). It may only `import type`: nothing is bundled.
import type { InklingApi } from '../../src-shared/ipc';
import type { IpcInvoke, IpcPush } from '../../src-shared/ipc';
import type { io as ioFunction } from 'socket.io-client';

declare const io: typeof ioFunction;

export interface BridgeChannels {
  invoke: typeof IpcInvoke;
  push: typeof IpcPush;
}

export type InvokeReply = { ok: true; value: unknown } | { ok: false; error: string };

export function installInklingBridge(channels: BridgeChannels): void {
  const socket = io({ transports: ['websocket'] });
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  socket.on('push', (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  });

  // socket.io buffers emits while (re)connecting, so calls made before the socket is up still land.
  const invoke = (channel: string, ...args: unknown[]): Promise<never> =>
    new Promise((resolve, reject) => {
      socket.emit('invoke', channel, args, (reply: InvokeReply) => {
        if (reply.ok) resolve(reply.value as never);
        else reject(new Error(reply.error));
      });
    });

  const on =
    (channel: string) =>
    (listener: (payload: never) => void): (() => void) => {
      const set = listeners.get(channel) ?? new Set();
      const wrapped = (payload: unknown) => listener(payload as never);
      set.add(wrapped);
      listeners.set(channel, set);
      return () => set.delete(wrapped);
    };

  const { invoke: c, push: p } = channels;
  const api: InklingApi = {
    listMessages: (query) => invoke(c.listMessages, query),
    getMessage: (id) => invoke(c.getMessage, id),
    recentActivity: (query) => invoke(c.recentActivity, query),
    onActivity: on(p.onActivity),
    mute: (mute) => invoke(c.mute, mute),
    unmute: (target) => invoke(c.unmute, target),
    getSettings: () => invoke(c.getSettings),
    setSettings: (patch) => invoke(c.setSettings, patch),
    onSettings: on(p.onSettings),
    getPreferences: () => invoke(c.getPreferences),
    setPreferences: (preferences) => invoke(c.setPreferences, preferences),
    onPreferences: on(p.onPreferences),
    getConnectionStatus: () => invoke(c.getConnectionStatus),
    onConnectionStatus: on(p.onConnectionStatus),
    connect: (credentials) => invoke(c.connect, credentials),
    testConnection: (credentials) => invoke(c.testConnection, credentials),
    setViewedMessage: (messageId) => invoke(c.setViewedMessage, messageId),
    onNavigate: on(p.onNavigate),
    openExternal: (url) => invoke(c.openExternal, url),
  };
  Object.defineProperty(window, 'inkling', { value: Object.freeze(api), enumerable: true });
}
