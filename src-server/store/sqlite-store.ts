// The SQLite implementation of Store: one file in WAL mode; busy_timeout lets the CLI write beside a
// server. Durability: the server opens it with `groupSync` (commits are fsynced off the event loop
// by WalSync, and durable() says when; checkpoints run on a worker thread, Checkpointer); one-shot
// users such as the CLI get synchronous=FULL, where every commit is on disk when it returns.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AccountSettings, LoggedAttachment, Preferences, TrackingEvent } from '../../src-shared/protocol';
import { AccountSettings as AccountSettingsSchema, Preferences as PreferencesSchema } from '../../src-shared/protocol';
import type { PriorEngagement, PriorHit } from '../classify/types';
import { Checkpointer } from './checkpointer';
import { defaultAccountSettings, defaultPreferences } from './defaults';
import { Lru } from './lru';
import { migrate } from './migrations';
import { SqliteEventLog } from './sqlite-event-log';
import { WalSync } from './wal-sync';
import { messageFromRow, searchText, type MessageRow } from './rows';
import { SQL, type StatementName } from './statements';
import type {
  LinkRecord, MessageFacts, MessageQuery, MessageRecord, NewEvent, NewHit, NewMessage, Store, TokenRecord, UserRecord,
} from './store';

type UserRow = { id: string; email: string; name: string; admin: number };
const toUser = (r: UserRow): UserRecord => ({ id: r.id, email: r.email, name: r.name, admin: r.admin === 1 });

/** The cached copy, else the loaded one (kept frozen, as callers share it); null when missing. */
function cached<T extends object>(cache: Lru<string, T>, key: string, load: () => T | undefined): T | null {
  let value = cache.get(key);
  if (value === undefined) {
    value = load();
    if (value === undefined) return null;
    cache.set(key, Object.freeze(value));
  }
  return value;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<StatementName, Database.Statement>();
  private readonly events = new SqliteEventLog((name) => this.s(name));
  private account: AccountSettings | null = null;
  // Read on every hit and never changed once written (no statement updates or deletes them), so
  // a copy stays exact. Misses are not kept: a token may be registered a moment later.
  private readonly tokens = new Lru<string, TokenRecord>(50_000);
  private readonly messages = new Lru<string, MessageFacts>(10_000);
  private readonly links = new Lru<string, LinkRecord>(10_000);

  private readonly wal: WalSync | null;
  private readonly checkpointer: Checkpointer | null;

  constructor(dataDir: string, opts: { groupSync?: boolean } = {}) {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'inkling.sqlite');
    this.db = new Database(file);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.groupSync ? 'NORMAL' : 'FULL'}`);
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
    // The WAL file exists now (migrate opened a write transaction) and lives until we close.
    this.wal = opts.groupSync ? new WalSync(`${file}-wal`) : null;
    // The server checkpoints on a worker thread instead of inside a commit (checkpointer.ts).
    if (opts.groupSync) this.db.pragma('wal_autocheckpoint = 0');
    this.checkpointer = opts.groupSync
      ? new Checkpointer(file, (message) => process.stderr.write(`inkling: WAL checkpoint failed: ${message}\n`))
      : null;
  }

  private s(name: StatementName): Database.Statement {
    let st = this.statements.get(name);
    if (!st) {
      st = this.db.prepare(SQL[name]);
      this.statements.set(name, st);
    }
    return st;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  durable(): Promise<void> {
    this.checkpointer?.committed();
    return this.wal ? this.wal.sync() : Promise.resolve();
  }

  /** Immediate without group sync (the CLI exits right after); else after the last fsync. */
  close(): Promise<void> {
    const closeDb = () => {
      if (this.db.open) this.db.close();
    };
    if (!this.wal) {
      closeDb();
      return Promise.resolve();
    }
    const checkpointer = this.checkpointer;
    return Promise.all([this.wal.close(), checkpointer?.close()]).then(closeDb);
  }

  createUser(user: UserRecord, tokenHash: string): void {
    this.transaction(() => {
      this.s('insertUser').run({ ...user, admin: user.admin ? 1 : 0, createdAt: new Date().toISOString() });
      this.s('insertApiToken').run(tokenHash, user.id);
    });
  }

  userByTokenHash(hash: string): UserRecord | null {
    const row = this.s('userByTokenHash').get(hash) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  userById(id: string): UserRecord | null {
    const row = this.s('userById').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  getPreferences(userId: string): Preferences {
    const row = this.s('getPreferences').get(userId) as { json: string } | undefined;
    return row ? PreferencesSchema.parse(JSON.parse(row.json)) : defaultPreferences();
  }

  setPreferences(userId: string, preferences: Preferences): void {
    this.s('upsertPreferences').run(userId, JSON.stringify(preferences));
  }

  // Read on every hit, written only through this process's API: cached.
  getAccountSettings(): AccountSettings {
    if (!this.account) {
      const row = this.s('getAccountSettings').get() as { json: string } | undefined;
      this.account = row ? AccountSettingsSchema.parse(JSON.parse(row.json)) : defaultAccountSettings();
    }
    return this.account;
  }

  setAccountSettings(settings: AccountSettings): void {
    this.s('upsertAccountSettings').run(JSON.stringify(settings));
    this.account = settings;
  }

  insertMessage({ message: m, links, tokens, attachments }: NewMessage): void {
    this.transaction(() => {
      this.s('insertMessage').run({
        id: m.id, userId: m.userId, threadId: m.threadId, subject: m.subject, sentAt: m.sentAt,
        recipients: JSON.stringify(m.recipients), tracking: JSON.stringify(m.tracking),
        logged: m.logged ? 1 : 0, search: searchText(m.subject, m.recipients), linkCount: links.length,
      });
      for (const l of links) this.s('insertLink').run(l);
      for (const t of tokens) this.s('insertToken').run(t);
      for (const a of attachments) this.s('insertLoggedAttachment').run({ ...a, messageId: m.id });
    });
  }

  getMessage(userId: string, id: string): MessageRecord | null {
    const row = this.s('messageOfUser').get(id, userId) as MessageRow | undefined;
    return row ? messageFromRow(row) : null;
  }

  messageById(id: string): MessageFacts | null {
    return cached(this.messages, id, () => {
      const row = this.s('messageById').get(id) as MessageRow | undefined;
      if (!row) return undefined;
      const { stats: _figures, ...facts } = messageFromRow(row);
      return facts;
    });
  }

  listMessages(userId: string, query: MessageQuery): { items: MessageRecord[]; next: number | null } {
    const rows = this.s('listMessages').all({
      userId, before: query.before ?? Number.MAX_SAFE_INTEGER,
      q: query.q ? query.q.toLowerCase() : null, limit: query.limit + 1,
    }) as MessageRow[];
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    return { items: page.map(messageFromRow), next: more ? (page.at(-1)?.n ?? null) : null };
  }

  messageLinks(messageId: string): LinkRecord[] {
    return this.s('messageLinks').all(messageId) as LinkRecord[];
  }

  linkById(id: string): LinkRecord | null {
    return cached(this.links, id, () => this.s('linkById').get(id) as LinkRecord | undefined);
  }

  loggedAttachments(messageId: string): LoggedAttachment[] {
    return this.s('loggedAttachments').all(messageId) as LoggedAttachment[];
  }

  tokenLookup(token: string): TokenRecord | null {
    return cached(this.tokens, token, () => this.s('tokenLookup').get(token) as TokenRecord | undefined);
  }

  priorHits(messageId: string): readonly PriorHit[] {
    return this.events.priorHits(messageId);
  }

  priorEngagement(messageId: string, recipient: string | null): PriorEngagement {
    return this.events.priorEngagement(messageId, recipient);
  }

  insertHit(hit: NewHit): void {
    this.events.insertHit(hit);
  }

  forgetCaches(): void {
    this.events.forgetCaches();
    this.account = null;
  }

  appendEvent(userId: string, event: NewEvent, options?: { counted: boolean }): TrackingEvent {
    return this.events.appendEvent(userId, event, options);
  }

  latestSeq(userId: string): number {
    return this.events.latestSeq(userId);
  }

  eventsAfter(userId: string, after: number, limit: number): TrackingEvent[] {
    return this.events.eventsAfter(userId, after, limit);
  }

  messageEvents(userId: string, messageId: string): TrackingEvent[] {
    return this.events.messageEvents(userId, messageId);
  }
}
