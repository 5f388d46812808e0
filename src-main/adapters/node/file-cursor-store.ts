// The cursor of each server and account in one small JSON file, replaced atomically (write a
// temporary file, then rename) so a crash mid-write never leaves half a file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { CursorStore } from '../../ports';

const Cursors = z.record(z.string(), z.number().int().nonnegative());

export class FileCursorStore implements CursorStore {
  private cursors: Record<string, number>;

  constructor(private readonly path: string) {
    this.cursors = load(path);
  }

  get(key: string): number {
    return this.cursors[key] ?? 0;
  }

  set(key: string, seq: number): void {
    this.cursors = { ...this.cursors, [key]: seq };
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.cursors), { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}

/** A missing or unreadable file means "start from the beginning": the policy never replays history. */
function load(path: string): Record<string, number> {
  try {
    const parsed = Cursors.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
