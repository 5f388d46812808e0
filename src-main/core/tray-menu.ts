// The tray's menu as data: what it lists and which action each entry stands for. The Electron
// adapter only turns this into a native Menu, so the menu itself is tested in Node.
import type { TrayAction, TrayState } from './types';

export type MenuEntry =
  | { kind: 'item'; label: string; enabled: boolean; action: TrayAction | null }
  | { kind: 'checkbox'; label: string; checked: boolean; action: (checked: boolean) => TrayAction }
  | { kind: 'submenu'; label: string; entries: MenuEntry[] }
  | { kind: 'separator' };

const item = (label: string, action: TrayAction | null, enabled = action !== null): MenuEntry => ({
  kind: 'item',
  label,
  enabled,
  action,
});
const separator: MenuEntry = { kind: 'separator' };

export function trayMenu(state: TrayState): MenuEntry[] {
  const recent = state.recent.length
    ? state.recent.map((r) => item(r.label, { kind: 'open-message', messageId: r.messageId }))
    : [item('No recent activity', null)];
  return [
    item('Recent activity', null),
    ...recent,
    separator,
    item('Open Inkling', { kind: 'open' }),
    {
      kind: 'submenu',
      label: state.paused ? 'Notifications paused' : 'Pause notifications',
      entries: [
        item('For 30 minutes', { kind: 'pause', choice: '30-minutes' }),
        item('For 1 hour', { kind: 'pause', choice: '1-hour' }),
        item('Until tomorrow', { kind: 'pause', choice: 'until-tomorrow' }),
        separator,
        item('Resume', { kind: 'resume' }, state.paused),
      ],
    },
    item('Settings…', { kind: 'settings' }),
    { kind: 'checkbox', label: 'Launch at login', checked: state.launchAtLogin, action: (enabled) => ({ kind: 'launch-at-login', enabled }) },
    separator,
    item('Quit Inkling', { kind: 'quit' }),
  ];
}
