// The connection status in words, and whether it is a problem the user should act on.
import type { ConnectionStatus } from '../../src-shared/ipc';

export function statusText(status: ConnectionStatus | null): { text: string; tone: 'good' | 'busy' | 'bad' } {
  if (!status) return { text: 'Starting…', tone: 'busy' };
  switch (status.state) {
    case 'unconfigured':
      return { text: 'No server yet', tone: 'bad' };
    case 'connecting':
      return { text: `Connecting to ${host(status.server)}…`, tone: 'busy' };
    case 'online':
      return { text: `Live · ${host(status.server)}`, tone: 'good' };
    case 'offline':
      return { text: `Offline · retrying ${retryIn(status.retryAt)}`, tone: 'bad' };
    case 'unauthorized':
      return { text: 'Token refused by the server', tone: 'bad' };
    case 'unreachable':
      return { text: `Server unreachable · retrying ${retryIn(status.retryAt)}`, tone: 'bad' };
    default: {
      const unknown: never = status;
      return { text: String(unknown), tone: 'bad' };
    }
  }
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function retryIn(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? 'soon' : `at ${at.toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
}
