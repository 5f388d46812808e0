// The connection to the tracking server as main sees it, pushed on every change.
import type { ConnectionStatus } from '../../src-shared/ipc';
import { bridge } from '../lib/bridge';

export class ConnectionState {
  status = $state.raw<ConnectionStatus | null>(null);
  online = $derived(this.status?.state === 'online');
  configured = $derived(this.status !== null && this.status.state !== 'unconfigured');

  start(): () => void {
    const api = bridge();
    const stop = api.onConnectionStatus((status) => (this.status = status));
    api.getConnectionStatus().then((status) => (this.status ??= status), () => undefined);
    return stop;
  }
}
