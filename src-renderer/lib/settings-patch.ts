// Undo for local settings: the patch that puts back what another patch changed.
import type { LocalSettings, LocalSettingsPatch } from '../../src-shared/ipc';

/** The patch that restores, for each field the patch touches, the value it had before. */
export function inverse(patch: LocalSettingsPatch, before: LocalSettings): LocalSettingsPatch {
  const back: LocalSettingsPatch = {};
  if (patch.notify) back.notify = pick(before.notify, Object.keys(patch.notify) as (keyof LocalSettings['notify'])[]);
  if (patch.quietHours) back.quietHours = pick(before.quietHours, Object.keys(patch.quietHours) as (keyof LocalSettings['quietHours'])[]);
  if ('pausedUntil' in patch) back.pausedUntil = before.pausedUntil;
  if ('launchAtLogin' in patch) back.launchAtLogin = before.launchAtLogin;
  return back;
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = source[key];
  return out;
}
