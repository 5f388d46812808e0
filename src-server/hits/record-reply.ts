// A reply reported by the sender's tools: a reply event, preceded by an inferred open when that
// recipient has no human open yet (planReplyEvents decides), committed through the write queue.
import type { TrackingEvent } from '../../src-shared/protocol';
import { attribute, planReplyEvents } from '../classify/index';
import type { ServerContext } from '../context';
import type { MessageRecord } from '../store/store';
import { bindingOf, buildEvent } from './build-event';

export async function recordReply(
  ctx: ServerContext,
  message: MessageRecord,
  from: string,
  at: Date,
): Promise<TrackingEvent[]> {
  const events = await ctx.queue.enqueue(() => {
    const { store } = ctx;
    const attribution = attribute(bindingOf(message, from), store.getAccountSettings().privacy);
    const prior = store.priorEngagement(message.id, attribution.recipient?.email ?? null);
    return planReplyEvents(prior).map((planned) =>
      store.appendEvent(message.userId, buildEvent(planned, message, attribution, at, {})),
    );
  });
  if (events.length > 0) ctx.realtime.eventsCommitted(message.userId);
  return events;
}
