import { describe, expect, it } from 'vitest';
import { trayMenu, type MenuEntry } from '../../../src-main/core/tray-menu';
import type { TrayState } from '../../../src-main/core/types';

const state = (over: Partial<TrayState> = {}): TrayState => ({
  icon: 'online',
  tooltip: 'Inkling',
  unread: 0,
  recent: [],
  paused: false,
  launchAtLogin: false,
  ...over,
});
const labels = (entries: MenuEntry[]) => entries.map((e) => (e.kind === 'separator' ? '---' : e.label));

describe('tray menu', () => {
  it('lists recent activity, open, pause, settings, launch at login and quit', () => {
    expect(labels(trayMenu(state()))).toEqual([
      'Recent activity',
      'No recent activity',
      '---',
      'Open Inkling',
      'Pause notifications',
      'Settings…',
      'Launch at login',
      '---',
      'Quit Inkling',
    ]);
  });

  it('makes each recent item open its email', () => {
    const recent = Array.from({ length: 5 }, (_, i) => ({ label: `Jane opened “S${i}”`, messageId: `m${i}` }));
    const menu = trayMenu(state({ recent }));
    const items = menu.slice(1, 6);
    expect(items.map((e) => e.kind === 'item' && e.action)).toEqual(recent.map((r) => ({ kind: 'open-message', messageId: r.messageId })));
  });

  it('offers the three pauses, and resume only while paused', () => {
    const pause = (paused: boolean) => trayMenu(state({ paused })).find((e) => e.kind === 'submenu')!;
    const entries = (pause(false) as Extract<MenuEntry, { kind: 'submenu' }>).entries;
    expect(entries.flatMap((e) => (e.kind === 'item' && e.action?.kind === 'pause' ? [e.action.choice] : []))).toEqual([
      '30-minutes',
      '1-hour',
      'until-tomorrow',
    ]);
    expect(entries.at(-1)).toMatchObject({ label: 'Resume', enabled: false });
    const paused = pause(true) as Extract<MenuEntry, { kind: 'submenu' }>;
    expect(paused.label).toBe('Notifications paused');
    expect(paused.entries.at(-1)).toMatchObject({ label: 'Resume', enabled: true, action: { kind: 'resume' } });
  });

  it('toggles launch at login to the checked state', () => {
    const entry = trayMenu(state({ launchAtLogin: true })).find((e) => e.kind === 'checkbox');
    expect(entry).toMatchObject({ checked: true });
    expect(entry?.kind === 'checkbox' && entry.action(false)).toEqual({ kind: 'launch-at-login', enabled: false });
  });
});
