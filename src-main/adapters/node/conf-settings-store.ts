// Settings in a JSON file through conf (electron-store is conf with Electron's paths, so the
// Electron adapter passes its own factory). Validation, defaults and migrations are the core's
// zod schema; a file that cannot be read is moved aside as a backup and defaults take over.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { migrateSettings, SETTINGS_VERSION, StoredSettingsSchema } from '../../core/settings-schema';
import type { SettingsStore, StoredSettings } from '../../ports';

type Raw = Record<string, unknown>;
/** The part of conf (and electron-store, which extends it) this store uses. */
export interface ConfLike {
  store: Raw;
}
export type ConfFactory = (options: { cwd: string; configName: string }) => ConfLike;

export const openConf: ConfFactory = (options) => new Conf<Raw>(options);

export class ConfSettingsStore implements SettingsStore {
  private conf: ConfLike;
  private readonly path: string;

  constructor(
    private readonly options: { cwd: string; configName?: string },
    private readonly open: ConfFactory = openConf,
    private readonly onRecovered: (backup: string, error: Error) => void = () => {},
  ) {
    const configName = options.configName ?? 'settings';
    this.path = join(options.cwd, `${configName}.json`);
    this.conf = this.openOrRecover(configName);
  }

  read(): StoredSettings {
    let raw: Raw;
    try {
      raw = this.conf.store;
    } catch (error) {
      this.backup(error as Error);
      return migrateSettings({});
    }
    const settings = migrateSettings(raw);
    const current = raw.version === SETTINGS_VERSION;
    // A current-version file that needed repair keeps its original beside it, for the person to see.
    if (current && !StoredSettingsSchema.safeParse(raw).success) {
      this.backup(new Error('settings failed validation; invalid fields were reset to defaults'));
      this.write(settings);
    }
    return settings;
  }

  write(settings: StoredSettings): void {
    this.conf.store = { version: SETTINGS_VERSION, ...settings };
  }

  private openOrRecover(configName: string): ConfLike {
    try {
      return this.open({ cwd: this.options.cwd, configName });
    } catch (error) {
      this.backup(error as Error);
      return this.open({ cwd: this.options.cwd, configName });
    }
  }

  private backup(error: Error): void {
    if (!existsSync(this.path)) return;
    const backup = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(this.path, backup);
    this.onRecovered(backup, error);
  }
}
