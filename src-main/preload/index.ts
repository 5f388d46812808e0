// The renderer's only door to main: one typed function per message, as the InklingApi contract
// says. ipcRenderer itself is never exposed; every subscription returns its unsubscribe.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IpcInvoke, IpcPush, type InklingApi, type Unsubscribe } from '../../src-shared/ipc';

function listen<T>(channel: string, listener: (payload: T) => void): Unsubscribe {
  const handler = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const api: InklingApi = {
  listMessages: (query) => ipcRenderer.invoke(IpcInvoke.listMessages, query),
  getMessage: (id) => ipcRenderer.invoke(IpcInvoke.getMessage, id),
  recentActivity: (query) => ipcRenderer.invoke(IpcInvoke.recentActivity, query),
  onActivity: (listener) => listen(IpcPush.onActivity, listener),
  mute: (mute) => ipcRenderer.invoke(IpcInvoke.mute, mute),
  unmute: (target) => ipcRenderer.invoke(IpcInvoke.unmute, target),
  getSettings: () => ipcRenderer.invoke(IpcInvoke.getSettings),
  setSettings: (patch) => ipcRenderer.invoke(IpcInvoke.setSettings, patch),
  onSettings: (listener) => listen(IpcPush.onSettings, listener),
  getPreferences: () => ipcRenderer.invoke(IpcInvoke.getPreferences),
  setPreferences: (preferences) => ipcRenderer.invoke(IpcInvoke.setPreferences, preferences),
  onPreferences: (listener) => listen(IpcPush.onPreferences, listener),
  getConnectionStatus: () => ipcRenderer.invoke(IpcInvoke.getConnectionStatus),
  onConnectionStatus: (listener) => listen(IpcPush.onConnectionStatus, listener),
  connect: (credentials) => ipcRenderer.invoke(IpcInvoke.connect, credentials),
  testConnection: (credentials) => ipcRenderer.invoke(IpcInvoke.testConnection, credentials),
  setViewedMessage: (messageId) => ipcRenderer.invoke(IpcInvoke.setViewedMessage, messageId),
  onNavigate: (listener) => listen(IpcPush.onNavigate, listener),
  openExternal: (url) => ipcRenderer.invoke(IpcInvoke.openExternal, url),
};

contextBridge.exposeInMainWorld('inkling', api);
