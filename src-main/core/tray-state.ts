// What the tray shows, from the connection, the settings and recent activity. Pure.
import type { ConnectionStatus } from '../../src-shared/ipc';
import type { TrackingEvent } from '../../src-shared/protocol';
import { formatClock } from './local-time';
import { pausedUntil } from './quiet-hours';
import { eventTitle } from './toast-text';
import type { RecentItem, TrayState } from './types';

export const RECENT_MAX = 5;

export interface TrayInput {
  status: ConnectionStatus;
  pausedUntil: string | null;
  launchAtLogin: boolean;
  unread: number;
  /** Notable events, newest first. */
  recent: readonly TrackingEvent[];
  now: number;
  offsetMinutes: number;
}

export function statusLine(status: ConnectionStatus, now: number, offsetMinutes: number): string {
  switch (status.state) {
    case 'unconfigured':
      return 'Not connected to a server';
    case 'connecting':
      return `Connecting to ${host(status.server)}…`;
    case 'online':
      return `Connected to ${host(status.server)} as ${status.user.email}`;
    case 'offline':
      return `Offline, retrying ${retry(status.retryAt, now, offsetMinutes)}`;
    case 'unauthorized':
      return `${host(status.server)} refused the token`;
    case 'unreachable':
      return `${host(status.server)} is unreachable, retrying ${retry(status.retryAt, now, offsetMinutes)}`;
    default: {
      const never: never = status;
      return String(never);
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

function retry(iso: string, now: number, offsetMinutes: number): string {
  const at = Date.parse(iso);
  if (!Number.isFinite(at) || at - now < 60_000) return 'shortly';
  return `at ${formatClock(at, offsetMinutes)}`;
}

/** Adds new notable events to the recent list, newest first, without duplicates. */
export function pushRecent(recent: readonly TrackingEvent[], events: readonly TrackingEvent[]): TrackingEvent[] {
  const merged = [...events].reverse().concat(recent);
  const seen = new Set<string>();
  return merged.filter((e) => !seen.has(e.id) && seen.add(e.id)).slice(0, RECENT_MAX);
}

export function trayState(input: TrayInput): TrayState {
  const paused = pausedUntil(input.pausedUntil, input.now);
  const online = input.status.state === 'online';
  const icon = !online ? 'offline' : paused !== null ? 'paused' : input.unread > 0 ? 'activity' : 'online';
  const lines = ['Inkling', statusLine(input.status, input.now, input.offsetMinutes)];
  if (paused !== null) lines.push(`Notifications paused until ${formatClock(paused, input.offsetMinutes)}`);
  if (input.unread > 0) lines.push(input.unread === 1 ? '1 new event' : `${input.unread} new events`);
  const recent: RecentItem[] = input.recent
    .slice(0, RECENT_MAX)
    .map((e) => ({ label: eventTitle(e), messageId: e.messageId }));
  return {
    icon,
    tooltip: lines.join('\n'),
    unread: input.unread,
    recent,
    paused: paused !== null,
    launchAtLogin: input.launchAtLogin,
  };
}
