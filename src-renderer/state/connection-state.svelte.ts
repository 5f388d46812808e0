// The connection to the tracking server as main sees it, pushed on every change.
import type { ConnectionStatus } from '../../src-shared/ipc';
import { bridge } from '../lib/bridge';

export class ConnectionState {
  status = $state.raw<ConnectionStatus | null>(null);
  online = $derived(this.status?.state === 'online');
  configured = $derived(this.status !== null && this.status.state !== 'unconfigured');

  #onlineListeners: (() => void)[] = [];

  start(): () => void {
    const api = bridge();
    const stop = api.onConnectionStatus((status) => this.#set(status));
    // A push that arrived first is newer than this answer; a failed call leaves it to the pushes.
    api.getConnectionStatus().then((status) => this.status === null && this.#set(status), () => undefined);
    return stop;
  }

  /** Called each time the connection becomes online: the moment to (re)load server data. */
  onOnline(listener: () => void): () => void {
    this.#onlineListeners = [...this.#onlineListeners, listener];
    return () => {
      this.#onlineListeners = this.#onlineListeners.filter((other) => other !== listener);
    };
  }

  #set(status: ConnectionStatus): void {
    const wasOnline = this.status?.state === 'online';
    this.status = status;
    if (status.state === 'online' && !wasOnline) for (const listener of this.#onlineListeners) listener();
  }
}
