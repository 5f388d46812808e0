// The local settings: read once, patched through here only, every change announced.
import type { LocalSettings, LocalSettingsPatch, ServerCredentials } from '../../src-shared/ipc';
import type { LoginItems, SettingsStore, StoredSettings, TokenStore } from '../ports';

export class SettingsService {
  private settings: StoredSettings;
  private readonly listeners = new Set<(settings: StoredSettings) => void>();

  constructor(
    private readonly store: SettingsStore,
    private readonly token: TokenStore,
    private readonly loginItems: LoginItems,
  ) {
    this.settings = store.read();
  }

  current(): StoredSettings {
    return this.settings;
  }

  /** What the renderer sees: everything but the token, which is write-only. */
  local(): LocalSettings {
    return { ...this.settings, server: { url: this.settings.server.url, hasToken: this.token.get() !== null } };
  }

  credentials(): ServerCredentials | null {
    const token = this.token.get();
    const url = this.settings.server.url;
    return url !== null && token !== null ? { url, token } : null;
  }

  patch(patch: LocalSettingsPatch): LocalSettings {
    const next: StoredSettings = {
      ...this.settings,
      notify: { ...this.settings.notify, ...patch.notify },
      quietHours: { ...this.settings.quietHours, ...patch.quietHours },
      pausedUntil: patch.pausedUntil !== undefined ? patch.pausedUntil : this.settings.pausedUntil,
      launchAtLogin: patch.launchAtLogin ?? this.settings.launchAtLogin,
    };
    if (next.launchAtLogin !== this.settings.launchAtLogin) this.loginItems.set(next.launchAtLogin);
    this.save(next);
    return this.local();
  }

  setServer(credentials: ServerCredentials): void {
    this.token.set(credentials.token);
    this.save({ ...this.settings, server: { url: credentials.url } });
  }

  onChange(listener: (settings: StoredSettings) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private save(next: StoredSettings): void {
    this.store.write(next);
    this.settings = next;
    for (const listener of [...this.listeners]) listener(next);
  }
}
