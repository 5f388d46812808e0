import { describe, expect, it } from 'vitest';
import { pauseEnd } from '../../../src-main/core/quiet-hours';
import { pushRecent, RECENT_MAX, trayState, type TrayInput } from '../../../src-main/core/tray-state';
import type { ConnectionStatus } from '../../../src-shared/ipc';
import { at, event, MIN, T0 } from './fixtures';

describe('pause choices', () => {
  it('pauses for 30 minutes and one hour', () => {
    expect(pauseEnd('30-minutes', T0, 0)).toBe(T0 + 30 * MIN);
    expect(pauseEnd('1-hour', T0, 0)).toBe(T0 + 60 * MIN);
  });
  it('pauses until 08:00 local the next morning', () => {
    expect(pauseEnd('until-tomorrow', T0, 0)).toBe(Date.parse('2026-12-05T08:00:00Z'));
    // 15:00 UTC at UTC-5 is 10:00 local; tomorrow 08:00 local is 13:00 UTC.
    expect(pauseEnd('until-tomorrow', T0, -300)).toBe(Date.parse('2026-12-05T13:00:00Z'));
  });
  it('after midnight, "tomorrow" is this morning', () => {
    const night = Date.parse('2026-12-05T01:30:00Z');
    expect(pauseEnd('until-tomorrow', night, 0)).toBe(Date.parse('2026-12-05T08:00:00Z'));
  });
});

const online: ConnectionStatus = {
  state: 'online',
  server: 'https://inkling.example',
  user: { id: 'u', email: 'me@inkling.example', name: 'Me' },
  latestSeq: 10,
};
const input = (over: Partial<TrayInput> = {}): TrayInput => ({
  status: online,
  pausedUntil: null,
  launchAtLogin: false,
  unread: 0,
  recent: [],
  now: T0,
  offsetMinutes: 0,
  ...over,
});

describe('tray state', () => {
  it('shows online with a status tooltip', () => {
    const s = trayState(input());
    expect(s.icon).toBe('online');
    expect(s.tooltip).toBe('Inkling\nConnected to inkling.example as me@inkling.example');
  });
  it('shows new activity with the unread count', () => {
    const s = trayState(input({ unread: 3 }));
    expect(s.icon).toBe('activity');
    expect(s.unread).toBe(3);
    expect(s.tooltip).toContain('3 new events');
  });
  it('shows paused over activity, until the pause ends', () => {
    expect(trayState(input({ unread: 2, pausedUntil: at(T0 + 30 * MIN) })).icon).toBe('paused');
    expect(trayState(input({ pausedUntil: at(T0 + 30 * MIN) })).tooltip).toContain('paused until 15:30');
    expect(trayState(input({ pausedUntil: at(T0) })).icon).toBe('online');
  });
  it('shows offline for every state but online', () => {
    const states: ConnectionStatus[] = [
      { state: 'unconfigured' },
      { state: 'connecting', server: 'http://h:1' },
      { state: 'offline', server: 'http://h:1', retryAt: at(T0 + 5 * MIN), error: 'x' },
      { state: 'unauthorized', server: 'http://h:1' },
      { state: 'unreachable', server: 'http://h:1', retryAt: at(T0 + 1000), error: 'x' },
    ];
    const tooltips = states.map((status) => trayState(input({ status, unread: 1 })));
    expect(tooltips.map((t) => t.icon)).toEqual(['offline', 'offline', 'offline', 'offline', 'offline']);
    expect(tooltips.map((t) => t.tooltip.split('\n')[1])).toEqual([
      'Not connected to a server',
      'Connecting to h:1…',
      'Offline, retrying at 15:05',
      'h:1 refused the token',
      'h:1 is unreachable, retrying shortly',
    ]);
  });
  it('lists the last five recent events, newest first, without duplicates', () => {
    const events = Array.from({ length: 7 }, (_, i) => event({ messageId: `m${i}`, subject: `S${i}` }));
    let recent = pushRecent([], events.slice(0, 3));
    recent = pushRecent(recent, [...events.slice(3), events[2]!]);
    expect(recent).toHaveLength(RECENT_MAX);
    expect(recent.map((e) => e.messageId)).toEqual(['m2', 'm6', 'm5', 'm4', 'm3']);
    const s = trayState(input({ recent }));
    expect(s.recent[0]).toEqual({ label: 'Jane Doe opened “S2”', messageId: 'm2' });
  });
});
