// The classifier looks at a message's recent hits on every hit; reading and decoding 200 rows each
// time dominated the pixel's cost under load. This keeps each active message's latest hits (and
// its honeypot hits, which count at any age) in memory, loaded from the database on first use.
// Bounded (100 hits x 2,000 messages at most): the classifier's windows span a minute at most.
// Only this process writes hits, so the copy stays exact; clear() after a failed commit.
import type { PriorHit } from '../classify/types';

interface Entry {
  recent: PriorHit[];
  honeypots: PriorHit[];
}

export class RecentHits {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: (messageId: string, limit: number) => Entry,
    private readonly perMessage = 100,
    private readonly maxMessages = 2000,
  ) {}

  /** Oldest first: the latest `perMessage` ordinary hits and every honeypot hit. */
  get(messageId: string): readonly PriorHit[] {
    const e = this.entry(messageId);
    if (e.honeypots.length === 0) return e.recent;
    return [...e.honeypots, ...e.recent].sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  add(messageId: string, hit: PriorHit): void {
    const e = this.entry(messageId);
    if (hit.honeypot) e.honeypots.push(hit);
    else {
      e.recent.push(hit);
      if (e.recent.length > this.perMessage) e.recent.splice(0, e.recent.length - this.perMessage);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  private entry(messageId: string): Entry {
    let e = this.entries.get(messageId);
    if (e) {
      // Re-insert to keep the Map in least-recently-used order.
      this.entries.delete(messageId);
    } else {
      e = this.load(messageId, this.perMessage);
      if (this.entries.size >= this.maxMessages) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
    }
    this.entries.set(messageId, e);
    return e;
  }
}
