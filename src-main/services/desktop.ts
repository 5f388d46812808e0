// The desktop app without its shell: wires the services over the ports and exposes the renderer
// bridge as invoke/subscribe. The Electron app puts invoke on ipcMain.handle and subscribe on
// webContents.send; the Node dev host does the same over a WebSocket.
import type { Navigation } from '../../src-shared/ipc';
import type { Mute, Preferences } from '../../src-shared/protocol';
import type { DesktopPorts } from '../ports';
import { AlertService } from './alert-service';
import { ConnectionService } from './connection-service';
import { buildRoutes, dispatch, type Handlers } from './ipc-routes';
import { PushHub, type PushListener } from './push-hub';
import { SettingsService } from './settings-service';
import { TrayService } from './tray-service';

export interface Desktop {
  invoke(channel: string, args: unknown[]): Promise<unknown>;
  subscribe(listener: (channel: string, payload: unknown) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Reconnects at once, e.g. when the computer wakes: a socket that slept is dead, and waiting
   * for its heartbeat to time out would delay the catch-up by most of a minute.
   */
  reconnect(): Promise<void>;
}

const sameTarget = (a: Pick<Mute, 'kind' | 'value'>, b: Pick<Mute, 'kind' | 'value'>) =>
  a.kind === b.kind && a.value.toLowerCase() === b.value.toLowerCase();

export function createDesktop(ports: DesktopPorts): Desktop {
  const hub = new PushHub();
  const settings = new SettingsService(ports.settings, ports.token, ports.loginItems);
  const navigate = (navigation: Navigation) => {
    ports.window.show();
    hub.push('onNavigate', navigation);
  };
  // The services refer to each other only through closures, called after all are built.
  const connection = new ConnectionService(ports.connector, ports.cursor, async (events, context) => {
    hub.push('onActivity', events);
    await alerts.handleBatch(events, context);
  });
  const patchSettings: Handlers['setSettings'] = async (patch) => settings.patch(patch);
  const tray = new TrayService({
    ...ports,
    settings,
    status: () => connection.status(),
    patchSettings: (patch) => void patchSettings(patch),
    navigate,
  });
  const alerts = new AlertService({
    ...ports,
    settings,
    mutes: () => connection.knownPreferences()?.mutes ?? [],
    api: () => connection.currentApi(),
    onNotable: (events) => tray.addNotable(events),
    onToastClick: (target) => {
      navigate(target);
      tray.markRead();
    },
  });

  connection.onStatus((status) => {
    hub.push('onConnectionStatus', status);
    tray.render();
  });
  connection.onPreferences((preferences) => {
    hub.push('onPreferences', preferences);
    alerts.reevaluate();
  });
  settings.onChange(() => {
    hub.push('onSettings', settings.local());
    tray.render();
    alerts.reevaluate();
  });

  const changeMutes = async (change: (mutes: Mute[]) => Mute[]): Promise<Preferences> => {
    const api = connection.api();
    const current = await api.getPreferences();
    const saved = await api.setPreferences({ ...current, mutes: change(current.mutes) });
    connection.setPreferences(saved);
    return saved;
  };

  const handlers: Handlers = {
    listMessages: (query) => connection.api().listMessages(query),
    getMessage: (id) => connection.api().getMessage(id),
    recentActivity: async ({ limit = 50 }) => {
      const status = connection.status();
      const latest = status.state === 'online' ? status.latestSeq : Number.MAX_SAFE_INTEGER;
      const page = await connection.api().events(Math.max(0, latest - limit), limit);
      return page.events.slice(-limit).reverse();
    },
    mute: (mute) => changeMutes((mutes) => [...mutes.filter((m) => !sameTarget(m, mute)), mute]),
    unmute: (target) => changeMutes((mutes) => mutes.filter((m) => !sameTarget(m, target))),
    getSettings: async () => settings.local(),
    setSettings: patchSettings,
    getPreferences: () => connection.api().getPreferences(),
    setPreferences: async (preferences) => {
      const saved = await connection.api().setPreferences(preferences);
      connection.setPreferences(saved);
      return saved;
    },
    getConnectionStatus: async () => connection.status(),
    connect: async (credentials) => {
      const check = await connection.check(credentials);
      if (!check.ok) return check;
      settings.setServer(credentials);
      await connection.open(credentials);
      return check;
    },
    testConnection: (credentials) => connection.check(credentials),
    setViewedMessage: async (messageId) => alerts.setViewedMessage(messageId),
    openExternal: (url) => ports.external.open(url),
  };
  const routes = buildRoutes(handlers);

  return {
    invoke: (channel, args) => dispatch(routes, channel, args),
    subscribe: (listener: PushListener) => hub.subscribe(listener),
    async start() {
      tray.render();
      await connection.open(settings.credentials());
    },
    reconnect: () => connection.reconnect(),
    async stop() {
      alerts.stop();
      tray.stop();
      await connection.close();
    },
  };
}
