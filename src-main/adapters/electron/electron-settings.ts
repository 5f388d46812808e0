// Settings through electron-store (conf with Electron's paths) and the token through safeStorage,
// which encrypts with the OS keychain (Keychain, DPAPI, libsecret/kwallet).
import { safeStorage } from 'electron';
import Store from 'electron-store';
import { ConfSettingsStore, type ConfFactory } from '../node/conf-settings-store';
import type { TokenStore } from '../../ports';

const openElectronStore: ConfFactory = ({ cwd, configName }) => new Store<Record<string, unknown>>({ cwd, name: configName });

export function electronSettingsStore(userData: string, onRecovered: (backup: string, error: Error) => void): ConfSettingsStore {
  return new ConfSettingsStore({ cwd: userData, configName: 'settings' }, openElectronStore, onRecovered);
}

/**
 * The token, encrypted where the OS offers a real key store. On Linux without a keyring Electron
 * would fall back to a hard-coded key ('basic_text'), which protects nothing: then the token is
 * kept in plain form and the file's location is the only protection, and we say so in the log.
 */
export class SafeStorageTokenStore implements TokenStore {
  private readonly store: Store<Record<string, unknown>>;

  constructor(userData: string, private readonly log: (line: string) => void) {
    this.store = new Store<Record<string, unknown>>({ cwd: userData, name: 'credentials', configFileMode: 0o600 });
  }

  get(): string | null {
    const encrypted = this.store.get('encrypted');
    const plain = this.store.get('plain');
    try {
      if (typeof encrypted === 'string' && safeStorage.isEncryptionAvailable()) {
        return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
      }
    } catch (error) {
      this.log(`cannot decrypt the saved token (${(error as Error).message}); connect again in Settings`);
      return null;
    }
    return typeof plain === 'string' ? plain : null;
  }

  set(token: string | null): void {
    this.store.clear();
    if (token === null) return;
    if (this.encryptionIsReal()) {
      this.store.set('encrypted', safeStorage.encryptString(token).toString('base64'));
    } else {
      this.log('no OS key store: the server token is saved unencrypted in the credentials file');
      this.store.set('plain', token);
    }
  }

  private encryptionIsReal(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }
}
