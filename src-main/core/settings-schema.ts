// The stored settings' schema, defaults and migrations. A file from an older version is migrated;
// a field that fails validation falls back to its default alone, so one bad value never costs the
// rest of a person's settings.
import { z } from 'zod';
import { LocalSettings } from '../../src-shared/ipc';
import type { StoredSettings } from './types';

export const SETTINGS_VERSION = 2;

export const StoredSettingsSchema = LocalSettings.omit({ server: true }).extend({
  server: z.object({ url: z.url({ protocol: /^https?$/ }).nullable() }),
});

export const DEFAULT_SETTINGS: StoredSettings = {
  server: { url: null },
  notify: {
    opens: true,
    clicks: true,
    replies: true,
    someone: true,
    self: false,
    repeats: true,
    repeatWindowMinutes: 10,
    sound: true,
  },
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  pausedUntil: null,
  launchAtLogin: false,
};

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Version 1 kept the server URL flat as `serverUrl` and called repeats `notifyRepeats`. */
function fromV1(raw: Raw): Raw {
  const { serverUrl, notifyRepeats, ...rest } = raw;
  const notify = isObject(rest.notify) ? rest.notify : {};
  return {
    ...rest,
    server: { url: typeof serverUrl === 'string' ? serverUrl : null },
    notify: typeof notifyRepeats === 'boolean' ? { ...notify, repeats: notifyRepeats } : notify,
  };
}

/** Each section is checked on its own, field by field, against the defaults. */
function section<T extends Raw>(schema: z.ZodType<T>, defaults: T, raw: unknown): T {
  if (!isObject(raw)) return defaults;
  const whole = schema.safeParse({ ...defaults, ...raw });
  if (whole.success) return whole.data;
  const out: Raw = { ...defaults };
  for (const key of Object.keys(defaults)) {
    const candidate = { ...out, [key]: raw[key] };
    if (schema.safeParse(candidate).success) out[key] = raw[key];
  }
  return out as T;
}

/** Any parsed JSON in, valid settings out. */
export function migrateSettings(raw: unknown): StoredSettings {
  if (!isObject(raw)) return DEFAULT_SETTINGS;
  const version = typeof raw.version === 'number' ? raw.version : 1;
  const current = version < 2 ? fromV1(raw) : raw;
  const s = StoredSettingsSchema.shape;
  const paused = s.pausedUntil.safeParse(current.pausedUntil);
  const login = s.launchAtLogin.safeParse(current.launchAtLogin);
  return {
    server: section(s.server, DEFAULT_SETTINGS.server, current.server),
    notify: section(s.notify, DEFAULT_SETTINGS.notify, current.notify),
    quietHours: section(s.quietHours, DEFAULT_SETTINGS.quietHours, current.quietHours),
    pausedUntil: paused.success ? paused.data : null,
    launchAtLogin: login.success ? login.data : false,
  };
}
