// The messages resource: register (POST), list newest first with search and cursor, and detail
// with links, events (oldest first) and the logged copy. A foreign id is 404 like a missing one.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RegisterMessageRequest, type MessageDetail, type MessagePage } from '../../src-shared/protocol';
import { currentUser } from '../auth/bearer';
import type { ServerContext } from '../context';
import { HttpError, notFound, parseOr400 } from '../errors';
import { readLogBodies, readLoggedAttachment } from '../messages/log-copy';
import { registerMessage } from '../messages/register-message';
import { decodeCursor, encodeCursor, toSummary } from '../messages/summary';

const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(100).optional(),
  q: z.string().trim().max(320).optional(),
});

export function registerHandler(ctx: ServerContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const user = currentUser(request);
    const input = parseOr400(RegisterMessageRequest, request.body);
    const answer = await registerMessage(ctx, user, input);
    // Tokens handed out must survive a crash, or their hits would have nowhere to go.
    await ctx.store.durable();
    return reply.code(201).send(answer);
  };
}

export function listHandler(ctx: ServerContext) {
  return async (request: FastifyRequest): Promise<MessagePage> => {
    const user = currentUser(request);
    const query = parseOr400(ListQuery, request.query);
    const before = query.before ? decodeCursor(query.before) : null;
    if (query.before && before === null) {
      throw new HttpError(400, 'invalid_input', 'invalid before', [{ field: 'before', message: 'not a cursor' }]);
    }
    const page = ctx.store.listMessages(user.id, { limit: query.limit, before, q: query.q || null });
    return { items: page.items.map(toSummary), next: page.next === null ? null : encodeCursor(page.next) };
  };
}

export function detailHandler(ctx: ServerContext) {
  return async (request: FastifyRequest<{ Params: { id: string } }>): Promise<MessageDetail> => {
    const user = currentUser(request);
    const message = ctx.store.getMessage(user.id, request.params.id);
    if (!message) throw notFound();
    const links = ctx.store.messageLinks(message.id).map((l) => ({ id: l.id, url: l.url, text: l.text }));
    const detail: MessageDetail = { ...toSummary(message), links, events: ctx.store.messageEvents(user.id, message.id) };
    if (message.logged) {
      const bodies = await readLogBodies(ctx.config.dataDir, message.id);
      detail.logCopy = { ...bodies, attachments: ctx.store.loggedAttachments(message.id) };
    }
    return detail;
  };
}

/** GET /api/v1/messages/:id/attachments/:attachmentId — a logged attachment's bytes (an addition
 * to PROTOCOL.md, so the desktop app can open what the detail lists). */
export function attachmentHandler(ctx: ServerContext) {
  return async (request: FastifyRequest<{ Params: { id: string; attachmentId: string } }>, reply: FastifyReply) => {
    const user = currentUser(request);
    const message = ctx.store.getMessage(user.id, request.params.id);
    const meta = message ? ctx.store.loggedAttachments(message.id).find((a) => a.id === request.params.attachmentId) : undefined;
    if (!message || !meta) throw notFound('attachment');
    const bytes = await readLoggedAttachment(ctx.config.dataDir, message.id, meta.id);
    return reply
      .header('content-type', meta.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(bytes);
  };
}
