// The link to the configured server: starts and replaces the feed, remembers the status and the
// server's preferences, and for each batch runs the pipeline, saves the cursor, and only then
// lets the feed acknowledge it.
import type { ConnectionStatus, CredentialsCheck, ServerCredentials } from '../../src-shared/ipc';
import type { Preferences, TrackingEvent } from '../../src-shared/protocol';
import type { CursorStore, InklingServer, ServerConnector, ServerLink } from '../ports';

/** What the pipeline learns with each batch. */
export interface BatchContext {
  /** Events up to this seq were missed while away (the server's latest seq at connect). */
  missedThroughSeq: number;
  /** Events up to this seq predate this installation: history, never notified. */
  historyThroughSeq: number;
}

export type BatchHandler = (events: TrackingEvent[], context: BatchContext) => Promise<void>;

/** A short, stable, non-secret fingerprint of the token, so each account keeps its own cursor. */
export function cursorKey(credentials: ServerCredentials): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < credentials.token.length; i++) {
    h = Math.imul(h ^ credentials.token.charCodeAt(i), 0x01000193) >>> 0;
  }
  return `${credentials.url.replace(/\/+$/, '')}#${h.toString(16)}`;
}

export class ConnectionService {
  private link: ServerLink | null = null;
  private credentials: ServerCredentials | null = null;
  private currentStatus: ConnectionStatus = { state: 'unconfigured' };
  private preferences: Preferences | null = null;
  private batch: BatchContext = { missedThroughSeq: 0, historyThroughSeq: 0 };
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();
  private readonly preferencesListeners = new Set<(preferences: Preferences) => void>();

  constructor(
    private readonly connector: ServerConnector,
    private readonly cursors: CursorStore,
    private readonly handle: BatchHandler,
  ) {}

  status(): ConnectionStatus {
    return this.currentStatus;
  }

  /** The server's mutes and defaults as last seen; null before the first answer. */
  knownPreferences(): Preferences | null {
    return this.preferences;
  }

  currentApi(): InklingServer | null {
    return this.link?.api ?? null;
  }

  api(): InklingServer {
    if (!this.link) throw new Error('Not connected to a server: connect one in Settings first.');
    return this.link.api;
  }

  check(credentials: ServerCredentials): Promise<CredentialsCheck> {
    return this.connector.check(credentials);
  }

  /** Replaces the current link (if any) with one to these credentials. */
  async open(credentials: ServerCredentials | null): Promise<void> {
    await this.close();
    this.credentials = credentials;
    if (!credentials) return this.setStatus({ state: 'unconfigured' });
    const key = cursorKey(credentials);
    const link = this.connector.link(credentials);
    this.link = link;
    const startCursor = this.cursors.get(key);
    // A first connection ever (cursor 0) receives the account's whole history: never notify it.
    let historyThroughSeq: number | null = null;
    link.feed.onStatus((status) => {
      if (this.link !== link) return;
      if (status.state === 'online') {
        historyThroughSeq ??= startCursor === 0 ? status.latestSeq : 0;
        this.batch = { missedThroughSeq: status.latestSeq, historyThroughSeq };
        void this.refreshPreferences(link); // fire-and-forget: mutes arrive when they arrive
      }
      this.setStatus(status);
    });
    link.feed.onPreferences((preferences) => {
      if (this.link === link) this.setPreferences(preferences);
    });
    link.feed.onBatch(async (events) => {
      if (this.link !== link || events.length === 0) return;
      await this.handle(events, this.batch);
      this.cursors.set(key, events[events.length - 1]!.seq);
    });
    link.feed.start(startCursor);
  }

  /** Opens the same link afresh, from the saved cursor (after the computer wakes up). */
  reconnect(): Promise<void> {
    return this.credentials ? this.open(this.credentials) : Promise.resolve();
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = null;
    if (link) await link.feed.stop();
  }

  setPreferences(preferences: Preferences): void {
    this.preferences = preferences;
    for (const listener of [...this.preferencesListeners]) listener(preferences);
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  onPreferences(listener: (preferences: Preferences) => void): () => void {
    this.preferencesListeners.add(listener);
    return () => {
      this.preferencesListeners.delete(listener);
    };
  }

  private async refreshPreferences(link: ServerLink): Promise<void> {
    try {
      const preferences = await link.api.getPreferences();
      if (this.link === link) this.setPreferences(preferences);
    } catch {
      // The socket pushes preferences on every change; a failed first read is retried at reconnect.
    }
  }

  private setStatus(status: ConnectionStatus): void {
    this.currentStatus = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }
}
