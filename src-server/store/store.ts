// The store interface the server is written against. SQLite implements it today (sqlite-store.ts);
// a PostgreSQL implementation can follow for deployments that outgrow one machine.
import type {
  AccountSettings,
  LoggedAttachment,
  Preferences,
  RecipientKind,
  TrackingEvent,
  TrackingState,
} from '../../src-shared/protocol';
import type { HitType, PriorEngagement, PriorHit } from '../classify/types';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  admin: boolean;
}

export interface StoredRecipient {
  email: string;
  name?: string;
  legalBasis: boolean;
  kind: RecipientKind;
}

export interface MessageStats {
  opens: number;
  clicks: number;
  replies: number;
  lastActivityAt: string | null;
}

export interface MessageRecord {
  id: string;
  userId: string;
  threadId: string;
  subject: string;
  sentAt: string;
  recipients: StoredRecipient[];
  tracking: TrackingState;
  logged: boolean;
  linkCount: number;
  stats: MessageStats;
}

/** A message without its figures: fixed once registered. */
export type MessageFacts = Omit<MessageRecord, 'stats'>;

export interface LinkRecord {
  id: string;
  messageId: string;
  index: number;
  url: string;
  text: string;
}

export type TokenKind = 'pixel' | 'link' | 'honeypot';

/** What an opaque pixel or link token stands for; recipient null means a shared token. */
export interface TokenRecord {
  token: string;
  kind: TokenKind;
  messageId: string;
  linkId: string | null;
  recipient: string | null;
}

export interface NewMessage {
  message: Omit<MessageRecord, 'stats' | 'linkCount'>;
  links: LinkRecord[];
  tokens: TokenRecord[];
  attachments: LoggedAttachment[];
}

export interface NewHit {
  messageId: string;
  type: HitType;
  method: 'GET' | 'HEAD';
  at: string;
  ip: string;
  userAgent: string | undefined;
  linkId: string | null;
  honeypot: boolean;
  source: TrackingEvent['source'];
  reasons: readonly string[];
  boundTo: string | null;
}

export type NewEvent = Omit<TrackingEvent, 'seq'>;

export interface MessageQuery {
  limit: number;
  /** Internal position of the last item of the previous page. */
  before: number | null;
  q: string | null;
}

export interface Store {
  /** Runs fn in one transaction; nested calls become savepoints. */
  transaction<T>(fn: () => T): T;
  /** Resolves once every transaction committed before the call is on disk. */
  durable(): Promise<void>;
  close(): Promise<void>;
  /** Drops in-memory copies after a transaction failed, so they are reloaded from disk. */
  forgetCaches(): void;

  createUser(user: UserRecord, tokenHash: string): void;
  userByTokenHash(hash: string): UserRecord | null;
  userById(id: string): UserRecord | null;

  getPreferences(userId: string): Preferences;
  setPreferences(userId: string, preferences: Preferences): void;
  getAccountSettings(): AccountSettings;
  setAccountSettings(settings: AccountSettings): void;

  insertMessage(m: NewMessage): void;
  /** The user's own message, or null for a missing or foreign id alike. */
  getMessage(userId: string, id: string): MessageRecord | null;
  listMessages(userId: string, query: MessageQuery): { items: MessageRecord[]; next: number | null };
  messageLinks(messageId: string): LinkRecord[];
  loggedAttachments(messageId: string): LoggedAttachment[];

  tokenLookup(token: string): TokenRecord | null;
  /**
   * Messages and links reached through a token; the message's owner is on the record. Only what
   * never changes after registration (not the figures), so the store may answer from memory.
   */
  messageById(id: string): MessageFacts | null;
  linkById(id: string): LinkRecord | null;

  /** The message's recent hits (and honeypot hits), oldest first, as the classifier sees them. */
  priorHits(messageId: string): readonly PriorHit[];
  priorEngagement(messageId: string, recipient: string | null): PriorEngagement;
  insertHit(hit: NewHit): void;
  /**
   * Gives the event the user's next seq and logs it. `counted: false` keeps a human event out of the
   * message's figures: a reload by the same source within a minute is one open, not two.
   */
  appendEvent(userId: string, event: NewEvent, options?: { counted: boolean }): TrackingEvent;

  latestSeq(userId: string): number;
  eventsAfter(userId: string, after: number, limit: number): TrackingEvent[];
  messageEvents(userId: string, messageId: string): TrackingEvent[];
}
