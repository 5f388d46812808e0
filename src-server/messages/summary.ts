// A stored message as the wire's MessageSummary, and the opaque list cursor.
import type { MessageSummary } from '../../src-shared/protocol';
import type { MessageRecord } from '../store/store';

export function toSummary(m: MessageRecord): MessageSummary {
  return {
    id: m.id,
    threadId: m.threadId,
    subject: m.subject,
    sentAt: m.sentAt,
    recipients: m.recipients.map((r) => ({ email: r.email, ...(r.name ? { name: r.name } : {}), kind: r.kind })),
    tracking: m.tracking,
    logged: m.logged,
    stats: m.stats,
  };
}

export const encodeCursor = (n: number): string => Buffer.from(`m:${n}`).toString('base64url');

/** The position a cursor stands for, or null when it is not one we handed out. */
export function decodeCursor(cursor: string): number | null {
  const match = /^m:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match?.[1] ? Number(match[1]) : null;
}
