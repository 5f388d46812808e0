// The settings, cursor and token files on a real disk: corrupt files fall back and keep a backup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfSettingsStore } from '../../../../src-main/adapters/node/conf-settings-store';
import { FileCursorStore } from '../../../../src-main/adapters/node/file-cursor-store';
import { FileTokenStore } from '../../../../src-main/adapters/node/file-token-store';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../../src-main/core/settings-schema';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkling-main-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const settingsFile = () => path.join(dir, 'settings.json');
const backups = () => fs.readdirSync(dir).filter((f) => f.startsWith('settings.json.corrupt-'));

describe('ConfSettingsStore', () => {
  it('starts from defaults and keeps what is written across instances', () => {
    const store = new ConfSettingsStore({ cwd: dir });
    expect(store.read()).toEqual(DEFAULT_SETTINGS);
    store.write({ ...DEFAULT_SETTINGS, launchAtLogin: true, notify: { ...DEFAULT_SETTINGS.notify, sound: false } });
    const again = new ConfSettingsStore({ cwd: dir }).read();
    expect(again.launchAtLogin).toBe(true);
    expect(again.notify.sound).toBe(false);
    expect(JSON.parse(fs.readFileSync(settingsFile(), 'utf8')).version).toBe(SETTINGS_VERSION);
  });

  it('falls back to defaults on a corrupt file, keeps it as a backup, and saves again', () => {
    fs.writeFileSync(settingsFile(), '{"notify": {"sound": fal');
    const recovered: string[] = [];
    const store = new ConfSettingsStore({ cwd: dir }, undefined, (backup) => recovered.push(backup));
    expect(store.read()).toEqual(DEFAULT_SETTINGS);
    expect(backups()).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, backups()[0]!), 'utf8')).toBe('{"notify": {"sound": fal');
    expect(recovered).toEqual([path.join(dir, backups()[0]!)]);
    store.write({ ...DEFAULT_SETTINGS, launchAtLogin: true });
    expect(new ConfSettingsStore({ cwd: dir }).read().launchAtLogin).toBe(true);
  });

  it('survives a file broken while running', () => {
    const store = new ConfSettingsStore({ cwd: dir });
    store.write(DEFAULT_SETTINGS);
    fs.writeFileSync(settingsFile(), '\u0000\u0001garbage');
    expect(store.read()).toEqual(DEFAULT_SETTINGS);
    expect(backups()).toHaveLength(1);
  });

  it('repairs invalid fields, keeps the valid ones, and backs up the original', () => {
    fs.writeFileSync(
      settingsFile(),
      JSON.stringify({ version: SETTINGS_VERSION, notify: { opens: false, repeatWindowMinutes: 'ten' }, launchAtLogin: true }),
    );
    const s = new ConfSettingsStore({ cwd: dir }).read();
    expect(s.notify.opens).toBe(false);
    expect(s.notify.repeatWindowMinutes).toBe(10);
    expect(s.launchAtLogin).toBe(true);
    expect(backups()).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(settingsFile(), 'utf8')).notify.repeatWindowMinutes).toBe(10);
  });

  it('migrates a version 1 file', () => {
    fs.writeFileSync(settingsFile(), JSON.stringify({ serverUrl: 'https://inkling.example', notifyRepeats: false }));
    const s = new ConfSettingsStore({ cwd: dir }).read();
    expect(s.server.url).toBe('https://inkling.example');
    expect(s.notify.repeats).toBe(false);
    expect(backups()).toHaveLength(0);
  });
});

describe('FileCursorStore', () => {
  it('remembers each key across instances and starts at 0', () => {
    const file = path.join(dir, 'state', 'cursors.json');
    const a = new FileCursorStore(file);
    expect(a.get('x')).toBe(0);
    a.set('x', 42);
    a.set('y', 7);
    const b = new FileCursorStore(file);
    expect([b.get('x'), b.get('y')]).toEqual([42, 7]);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['cursors.json']);
  });

  it('treats a corrupt file as no cursor at all', () => {
    const file = path.join(dir, 'cursors.json');
    fs.writeFileSync(file, '{"x": -1, ');
    expect(new FileCursorStore(file).get('x')).toBe(0);
  });
});

describe('FileTokenStore', () => {
  it('keeps the token readable by its owner only, and forgets it', () => {
    const file = path.join(dir, 'token');
    const store = new FileTokenStore(file);
    expect(store.get()).toBeNull();
    store.set('secret-token');
    expect(store.get()).toBe('secret-token');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    store.set(null);
    expect(store.get()).toBeNull();
  });
});
