// One pixel or link hit: classify it, attribute it, append its events with the owner's next seq,
// all inside the write queue's transaction; resolves once durable, then the owner's sockets hear.
import type { TrackingEvent } from '../../src-shared/protocol';
import { attribute, classifyHit, planHitEvents } from '../classify/index';
import type { HitFacts, HitType } from '../classify/types';
import type { ServerContext } from '../context';
import type { TokenRecord } from '../store/store';
import { bindingOf, buildEvent } from './build-event';

export interface HitRequest {
  token: TokenRecord;
  type: HitType;
  method: 'GET' | 'HEAD';
  at: Date;
  ip: string;
  headers: Record<string, string | undefined>;
}

export async function recordHit(ctx: ServerContext, hit: HitRequest): Promise<void> {
  const result = await ctx.queue.enqueue(() => storeHit(ctx, hit));
  if (result && result.events.length > 0) ctx.realtime.eventsCommitted(result.userId);
}

function storeHit(ctx: ServerContext, hit: HitRequest): { userId: string; events: TrackingEvent[] } | null {
  const { store, config } = ctx;
  const message = store.messageById(hit.token.messageId);
  if (!message) return null;
  const honeypot = hit.token.kind === 'honeypot';
  const facts: HitFacts = {
    type: hit.type,
    method: hit.method,
    at: hit.at,
    ip: hit.ip,
    headers: hit.headers,
    sentAt: new Date(message.sentAt),
    ...(hit.token.linkId ? { linkId: hit.token.linkId } : {}),
    ...(honeypot ? { honeypot } : {}),
  };
  const verdict = classifyHit(facts, {
    priorHits: store.priorHits(message.id),
    isSenderAddress: (ip) => ctx.senders.isSender(message.userId, ip, hit.at.getTime()),
    trackedLinkCount: message.linkCount,
    config: { sendGraceMs: config.sendGraceMs },
  });
  store.insertHit({
    messageId: message.id, type: hit.type, method: hit.method, at: hit.at.toISOString(), ip: hit.ip,
    userAgent: hit.headers['user-agent'], linkId: hit.token.linkId, honeypot,
    source: verdict.source, reasons: verdict.reasons, boundTo: hit.token.recipient,
  });
  // The honeypot link is invisible to people: its hits only teach the classifier who is a machine.
  if (honeypot) return { userId: message.userId, events: [] };

  const attribution = attribute(bindingOf(message, hit.token.recipient), store.getAccountSettings().privacy);
  const prior = store.priorEngagement(message.id, attribution.recipient?.email ?? null);
  const link = hit.token.linkId ? store.linkById(hit.token.linkId) : null;
  const counted = verdict.repeat !== true;
  const events = planHitEvents(hit.type, verdict, prior).map((planned) =>
    store.appendEvent(
      message.userId,
      buildEvent(planned, message, attribution, hit.at, { link, client: verdict.client }),
      { counted: counted || planned.inferred },
    ),
  );
  return { userId: message.userId, events };
}
