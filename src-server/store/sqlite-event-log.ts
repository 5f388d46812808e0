// The hit and event half of the SQLite store: raw hits (with the in-memory recent copy the
// classifier reads), per-user seq allocation, the immutable event log and its counters.
import type Database from 'better-sqlite3';
import type { TrackingEvent } from '../../src-shared/protocol';
import type { PriorEngagement, PriorHit } from '../classify/types';
import { RecentHits } from './recent-hits';
import { hitFromRow, type HitRow } from './rows';
import type { StatementName } from './statements';
import type { NewEvent, NewHit } from './store';

export class SqliteEventLog {
  private readonly recent = new RecentHits((id, limit) => this.loadHits(id, limit));

  constructor(private readonly s: (name: StatementName) => Database.Statement) {}

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
    // Memory first: a message not cached yet is loaded from the table before this row is in it,
    // else the row would be counted twice. A failed insert fails the transaction, which clears it.
    this.recent.add(hit.messageId, {
      type: hit.type, at: new Date(hit.at), ip: hit.ip, userAgent: hit.userAgent,
      ...(hit.linkId ? { linkId: hit.linkId } : {}), honeypot: hit.honeypot,
      source: hit.source, reasons: hit.reasons, boundTo: hit.boundTo,
    });
    this.s('insertHit').run({
      ...hit, userAgent: hit.userAgent ?? null, honeypot: hit.honeypot ? 1 : 0, reasons: JSON.stringify(hit.reasons),
    });
  }

  forgetCaches(): void {
    this.recent.clear();
  }

  appendEvent(userId: string, event: NewEvent, options = { counted: true }): TrackingEvent {
    const { last_seq: seq } = this.s('nextSeq').get(userId) as { last_seq: number };
    const { id, ...rest } = event;
    const full: TrackingEvent = { id, seq, ...rest };
    this.s('insertEvent').run({
      userId, seq, id: event.id, messageId: event.messageId, type: event.type, source: event.source,
      recipient: event.recipient?.email ?? null, body: JSON.stringify(full),
    });
    if (event.source === 'human' && options.counted) {
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
