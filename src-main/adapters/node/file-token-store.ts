// The token in a file only its owner can read (0600), for the Node dev host and scripts. The
// Electron app keeps it encrypted with safeStorage instead.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TokenStore } from '../../ports';

export class FileTokenStore implements TokenStore {
  constructor(private readonly path: string) {}

  get(): string | null {
    try {
      const token = readFileSync(this.path, 'utf8').trim();
      return token === '' ? null : token;
    } catch {
      return null;
    }
  }

  set(token: string | null): void {
    if (token === null) return rmSync(this.path, { force: true });
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, token, { mode: 0o600 });
  }
}
