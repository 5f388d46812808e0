// POST /api/v1/messages/:id/replies — the sender's tools report a reply; answers the events made.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReplyRequest } from '../../src-shared/protocol';
import { currentUser } from '../auth/bearer';
import type { ServerContext } from '../context';
import { notFound, parseOr400 } from '../errors';
import { recordReply } from '../hits/record-reply';

export function replyHandler(ctx: ServerContext) {
  return async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const user = currentUser(request);
    const message = ctx.store.getMessage(user.id, request.params.id);
    if (!message) throw notFound();
    const input = parseOr400(ReplyRequest, request.body);
    const events = await recordReply(ctx, message, input.from, input.at ? new Date(input.at) : new Date());
    return reply.code(201).send({ events });
  };
}
