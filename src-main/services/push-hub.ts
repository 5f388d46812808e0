// Fans main → renderer pushes out to every subscriber (the Electron window, a dev host's sockets).
import { IpcPush, type ConnectionStatus, type LocalSettings, type Navigation } from '../../src-shared/ipc';
import type { Preferences, TrackingEvent } from '../../src-shared/protocol';

export type PushListener = (channel: string, payload: unknown) => void;

/** The payload type of each push channel, so senders cannot mix them up. */
export interface PushPayloads {
  onActivity: TrackingEvent[];
  onSettings: LocalSettings;
  onPreferences: Preferences;
  onConnectionStatus: ConnectionStatus;
  onNavigate: Navigation;
}

export class PushHub {
  private readonly listeners = new Set<PushListener>();

  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  push<K extends keyof PushPayloads>(name: K, payload: PushPayloads[K]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(IpcPush[name], payload);
      } catch {
        // One broken subscriber (a closed window) must not stop the others from hearing it.
      }
    }
  }
}
