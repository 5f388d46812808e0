import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings, SETTINGS_VERSION } from '../../../src-main/core/settings-schema';

describe('settings schema', () => {
  it('gives defaults for nothing or garbage', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('nope')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values and fills missing ones', () => {
    const s = migrateSettings({ version: SETTINGS_VERSION, notify: { sound: false }, launchAtLogin: true });
    expect(s.notify).toEqual({ ...DEFAULT_SETTINGS.notify, sound: false });
    expect(s.launchAtLogin).toBe(true);
  });

  it('resets only the fields that are invalid', () => {
    const s = migrateSettings({
      version: SETTINGS_VERSION,
      server: { url: 'ftp://nope' },
      notify: { opens: false, repeatWindowMinutes: -4 },
      quietHours: { enabled: true, start: '25:00', end: '06:30' },
      pausedUntil: 'tomorrow-ish',
    });
    expect(s.server.url).toBeNull();
    expect(s.notify.opens).toBe(false);
    expect(s.notify.repeatWindowMinutes).toBe(10);
    expect(s.quietHours).toEqual({ enabled: true, start: '22:00', end: '06:30' });
    expect(s.pausedUntil).toBeNull();
  });

  it('migrates version 1 files', () => {
    const s = migrateSettings({ serverUrl: 'https://inkling.example', notifyRepeats: false, notify: { clicks: false } });
    expect(s.server.url).toBe('https://inkling.example');
    expect(s.notify.repeats).toBe(false);
    expect(s.notify.clicks).toBe(false);
  });
});
