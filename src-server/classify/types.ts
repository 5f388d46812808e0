// The facts a verdict is drawn from, and the verdict. classify/ is pure: the server gathers these
// facts from the request and the store, and classify decides; nothing here does I/O or reads a clock.
import type { ClientInfo, EventSource, EventType, SomeoneReason } from '../../src-shared/protocol';

export type HitType = 'open' | 'click';

/** One tracking request, as the HTTP route saw it. */
export interface HitFacts {
  type: HitType;
  method: 'GET' | 'HEAD';
  at: Date;
  /** The client address (after INKLING_TRUST_PROXY handling), IPv4-mapped IPv6 unwrapped. */
  ip: string;
  /** Request headers with lower-case names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** When the message was registered. */
  sentAt: Date;
  /** The tracked link that was followed (clicks). */
  linkId?: string;
  /** The invisible honeypot link was followed. */
  honeypot?: boolean;
}

/** An earlier hit on the same message, as stored. */
export interface PriorHit {
  type: HitType;
  at: Date;
  ip: string;
  userAgent: string | undefined;
  linkId?: string;
  honeypot?: boolean;
  source: EventSource;
  reasons: readonly string[];
  /** Lower-case email of the recipient the token was bound to; null for a shared token. */
  boundTo: string | null;
}

export interface ClassifyConfig {
  /** Hits sooner than this after registration are machine hits ("too-soon"). */
  sendGraceMs: number;
}

export interface ClassifyContext {
  /** This message's earlier hits, oldest first (the store may bound how many). */
  priorHits: readonly PriorHit[];
  /** True when the sender's own apps used this address recently (API calls, sockets). */
  isSenderAddress: (ip: string) => boolean;
  /** How many tracked links the message has (for "every link at once" bursts). */
  trackedLinkCount: number;
  config: ClassifyConfig;
}

export interface Verdict {
  source: EventSource;
  /** Why machine or self; empty for a plain human hit. */
  reasons: string[];
  client: ClientInfo;
  /**
   * The same source already made this human hit within a minute (a reload): record it, but it is
   * never a first and never notified. Optional so verdicts built elsewhere stay valid.
   */
  repeat?: boolean;
}

/** The recipient a pixel or link token is bound to, or null for a shared token. */
export interface TokenBinding {
  recipient: { email: string; name?: string; legalBasis: boolean } | null;
}

export interface Attribution {
  recipient: { email: string; name?: string } | null;
  someone?: SomeoneReason;
}

/** What the log already holds for this message and attributed recipient (human events only). */
export interface PriorEngagement {
  humanOpens: number;
  humanClicks: number;
  humanReplies: number;
}

/** One event to append, before the store gives it an id and a seq. */
export interface PlannedEvent {
  type: EventType;
  source: EventSource;
  reasons: string[];
  inferred: boolean;
  first: boolean;
}
