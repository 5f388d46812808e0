// What a user or an installation has before anyone changes a setting.
import type { AccountSettings, Preferences } from '../../src-shared/protocol';

export function defaultPreferences(): Preferences {
  return { defaults: { trackOpens: true, trackClicks: true, log: false }, neverLog: [], mutes: [] };
}

export function defaultAccountSettings(): AccountSettings {
  return { tracking: { opens: true, clicks: true }, privacy: { requireLegalBasis: false } };
}
