// Mapping between message rows and records, kept apart so the store file stays about queries.
import type { TrackingState } from '../../src-shared/protocol';
import type { HitType, PriorHit } from '../classify/types';
import type { MessageRecord, StoredRecipient } from './store';

export interface MessageRow {
  n: number;
  id: string;
  user_id: string;
  thread_id: string;
  subject: string;
  sent_at: string;
  recipients: string;
  tracking: string;
  logged: number;
  link_count: number;
  opens: number;
  clicks: number;
  replies: number;
  last_activity_at: string | null;
}

export function messageFromRow(r: MessageRow): MessageRecord {
  return {
    id: r.id,
    userId: r.user_id,
    threadId: r.thread_id,
    subject: r.subject,
    sentAt: r.sent_at,
    recipients: JSON.parse(r.recipients) as StoredRecipient[],
    tracking: JSON.parse(r.tracking) as TrackingState,
    logged: r.logged === 1,
    linkCount: r.link_count,
    stats: { opens: r.opens, clicks: r.clicks, replies: r.replies, lastActivityAt: r.last_activity_at },
  };
}

/** What `q` matches: the subject and every recipient's address and name, lower-cased. */
export function searchText(subject: string, recipients: readonly StoredRecipient[]): string {
  const parts = [subject, ...recipients.flatMap((r) => [r.email, r.name ?? ''])];
  return parts.join('\n').toLowerCase();
}

export interface HitRow {
  type: HitType;
  at: string;
  ip: string;
  user_agent: string | null;
  link_id: string | null;
  honeypot: number;
  source: PriorHit['source'];
  reasons: string;
  bound_to: string | null;
}

export function hitFromRow(r: HitRow): PriorHit {
  return {
    type: r.type, at: new Date(r.at), ip: r.ip, userAgent: r.user_agent ?? undefined,
    ...(r.link_id ? { linkId: r.link_id } : {}), honeypot: r.honeypot === 1,
    source: r.source, reasons: JSON.parse(r.reasons) as string[], boundTo: r.bound_to,
  };
}
