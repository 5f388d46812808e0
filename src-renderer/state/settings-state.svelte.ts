// Local settings (main's store) and server preferences (defaults, never-log list, mutes), both
// pushed by main on every change. Every change made here is undoable: the undo stack keeps the
// value before the change and writes it back.
import type { LocalSettings, LocalSettingsPatch } from '../../src-shared/ipc';
import type { Mute, Preferences } from '../../src-shared/protocol';
import { bridge, errorText } from '../lib/bridge';
import { inverse } from '../lib/settings-patch';

export interface UndoEntry {
  id: number;
  label: string;
  revert: () => Promise<unknown>;
}

export class SettingsState {
  local = $state.raw<LocalSettings | null>(null);
  preferences = $state.raw<Preferences | null>(null);
  undo = $state.raw<UndoEntry[]>([]);
  error = $state<string | null>(null);
  #nextId = 1;

  start(): () => void {
    const api = bridge();
    const stops = [
      api.onSettings((settings) => (this.local = settings)),
      api.onPreferences((preferences) => (this.preferences = preferences)),
    ];
    api.getSettings().then((settings) => (this.local ??= settings), (error) => (this.error = errorText(error)));
    return () => stops.forEach((stop) => stop());
  }

  /** Loaded when the connection comes online; until then Settings says they live on the server. */
  async loadPreferences(): Promise<void> {
    try {
      this.preferences = await bridge().getPreferences();
    } catch {
      // Offline again already: the next online moment loads them.
    }
  }

  /** Applies a local patch; the undo entry writes back the previous values of the same fields. */
  async setLocal(patch: LocalSettingsPatch, label: string): Promise<void> {
    const before = this.local;
    if (!before) return;
    await this.#run(async () => (this.local = await bridge().setSettings(patch)));
    if (this.error === null) this.#remember(label, () => bridge().setSettings(inverse(patch, before)));
  }

  async setPreferences(next: Preferences, label: string): Promise<void> {
    const before = this.preferences;
    if (!before) return;
    await this.#run(async () => (this.preferences = await bridge().setPreferences(next)));
    if (this.error === null) this.#remember(label, () => bridge().setPreferences(before));
  }

  async mute(mute: Mute, label: string): Promise<void> {
    await this.#run(async () => (this.preferences = await bridge().mute(mute)));
    if (this.error === null) this.#remember(label, () => bridge().unmute({ kind: mute.kind, value: mute.value }));
  }

  async unmute(mute: Mute, label: string): Promise<void> {
    await this.#run(async () => (this.preferences = await bridge().unmute({ kind: mute.kind, value: mute.value })));
    if (this.error === null) this.#remember(label, () => bridge().mute(mute));
  }

  async undoLast(): Promise<void> {
    const entry = this.undo[this.undo.length - 1];
    if (!entry) return;
    this.undo = this.undo.slice(0, -1);
    await this.#run(entry.revert);
  }

  async #run(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      this.error = null;
    } catch (error) {
      this.error = errorText(error);
    }
  }

  #remember(label: string, revert: () => Promise<unknown>): void {
    this.undo = [...this.undo.slice(-19), { id: this.#nextId++, label, revert }];
  }
}
