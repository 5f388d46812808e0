// The SQLite implementation of Store: one file in WAL mode, synchronous=FULL so a committed batch
// survives a crash of the process or the machine; busy_timeout lets the CLI write beside a server.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AccountSettings, LoggedAttachment, Preferences, TrackingEvent } from '../../src-shared/protocol';
import { AccountSettings as AccountSettingsSchema, Preferences as PreferencesSchema } from '../../src-shared/protocol';
import type { PriorEngagement, PriorHit } from '../classify/types';
import { defaultAccountSettings, defaultPreferences } from './defaults';
import { migrate } from './migrations';
import { RecentHits } from './recent-hits';
import { hitFromRow, messageFromRow, searchText, type HitRow, type MessageRow } from './rows';
import { SQL, type StatementName } from './statements';
import type {
  LinkRecord, MessageQuery, MessageRecord, NewEvent, NewHit, NewMessage, Store, TokenRecord, UserRecord,
} from './store';

type UserRow = { id: string; email: string; name: string; admin: number };
const toUser = (r: UserRow): UserRecord => ({ id: r.id, email: r.email, name: r.name, admin: r.admin === 1 });

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<StatementName, Database.Statement>();
  private readonly recent = new RecentHits((id, limit) => this.loadHits(id, limit));
  private account: AccountSettings | null = null;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'inkling.sqlite'));
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
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

  close(): void {
    if (this.db.open) this.db.close();
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

  messageById(id: string): MessageRecord | null {
    const row = this.s('messageById').get(id) as MessageRow | undefined;
    return row ? messageFromRow(row) : null;
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
    return (this.s('linkById').get(id) as LinkRecord | undefined) ?? null;
  }

  loggedAttachments(messageId: string): LoggedAttachment[] {
    return this.s('loggedAttachments').all(messageId) as LoggedAttachment[];
  }

  tokenLookup(token: string): TokenRecord | null {
    return (this.s('tokenLookup').get(token) as TokenRecord | undefined) ?? null;
  }

  priorHits(messageId: string): readonly PriorHit[] {
    return this.recent.get(messageId);
  }

  private loadHits(messageId: string, limit: number): { recent: PriorHit[]; honeypots: PriorHit[] } {
    const recent = (this.s('recentHits').all(messageId, limit) as HitRow[]).reverse().map(hitFromRow);
    const honeypots = (this.s('honeypotHits').all(messageId) as HitRow[]).map(hitFromRow);
    return { recent, honeypots };
  }

  priorEngagement(messageId: string, recipient: string | null): PriorEngagement {
    const row = this.s('priorEngagement').get(messageId, recipient ?? '') as
      | { opens: number; clicks: number; replies: number }
      | undefined;
    return { humanOpens: row?.opens ?? 0, humanClicks: row?.clicks ?? 0, humanReplies: row?.replies ?? 0 };
  }

  insertHit(hit: NewHit): void {
    this.s('insertHit').run({
      ...hit, userAgent: hit.userAgent ?? null, honeypot: hit.honeypot ? 1 : 0, reasons: JSON.stringify(hit.reasons),
    });
    this.recent.add(hit.messageId, {
      type: hit.type, at: new Date(hit.at), ip: hit.ip, userAgent: hit.userAgent,
      ...(hit.linkId ? { linkId: hit.linkId } : {}), honeypot: hit.honeypot,
      source: hit.source, reasons: hit.reasons, boundTo: hit.boundTo,
    });
  }

  forgetCaches(): void {
    this.recent.clear();
    this.account = null;
  }

  appendEvent(userId: string, event: NewEvent): TrackingEvent {
    const { last_seq: seq } = this.s('nextSeq').get(userId) as { last_seq: number };
    const { id, ...rest } = event;
    const full: TrackingEvent = { id, seq, ...rest };
    this.s('insertEvent').run({
      userId, seq, id: event.id, messageId: event.messageId, type: event.type, source: event.source,
      recipient: event.recipient?.email ?? null, body: JSON.stringify(full),
    });
    if (event.source === 'human') {
      const counter = { open: 'countHumanOpen', click: 'countHumanClick', reply: 'countHumanReply' } as const;
      this.s(counter[event.type]).run({ id: event.messageId, at: event.at });
      this.s('countEngagement').run({
        messageId: event.messageId, recipient: event.recipient?.email ?? '',
        opens: event.type === 'open' ? 1 : 0, clicks: event.type === 'click' ? 1 : 0, replies: event.type === 'reply' ? 1 : 0,
      });
    }
    return full;
  }

  latestSeq(userId: string): number {
    const row = this.s('latestSeq').get(userId) as { last_seq: number } | undefined;
    return row?.last_seq ?? 0;
  }

  eventsAfter(userId: string, after: number, limit: number): TrackingEvent[] {
    const rows = this.s('eventsAfter').all(userId, after, limit) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as TrackingEvent);
  }

  messageEvents(userId: string, messageId: string): TrackingEvent[] {
    const rows = this.s('messageEvents').all(userId, messageId) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as TrackingEvent);
  }
}
