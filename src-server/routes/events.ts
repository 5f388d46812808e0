// GET /api/v1/events?after=SEQ&limit=N — the caller's own log in ascending seq; `cursor` is the
// seq to pass as `after` next time (unchanged when nothing is new).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { EVENTS_PAGE_MAX, type EventPage } from '../../src-shared/protocol';
import { currentUser } from '../auth/bearer';
import type { ServerContext } from '../context';
import { parseOr400 } from '../errors';

const Query = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(EVENTS_PAGE_MAX).default(100),
});

export function eventsHandler(ctx: ServerContext) {
  return async (request: FastifyRequest): Promise<EventPage> => {
    const user = currentUser(request);
    const { after, limit } = parseOr400(Query, request.query);
    const events = ctx.store.eventsAfter(user.id, after, limit);
    return { events, cursor: events.at(-1)?.seq ?? after };
  };
}
