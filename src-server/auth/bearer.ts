// Bearer authentication for /api: the token's SHA-256 hash is looked up (tokens are never stored),
// and the caller's address is remembered as the sender's own for "self" classification.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { addressFrom } from '../client-address';
import type { ServerContext } from '../context';
import { HttpError, sendError } from '../errors';
import { hashApiToken } from '../ids';
import type { UserRecord } from '../store/store';

declare module 'fastify' {
  interface FastifyRequest {
    user: UserRecord | null;
  }
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export function requestAddress(ctx: ServerContext, request: FastifyRequest): string {
  return addressFrom(request.socket.remoteAddress, request.headers['x-forwarded-for'], ctx.config.trustProxy);
}

export function authenticate(ctx: ServerContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const token = bearerToken(request.headers.authorization);
    const user = token ? ctx.store.userByTokenHash(hashApiToken(token)) : null;
    if (!user) {
      // Returning the reply ends the request here (fastify's async hook contract).
      return sendError(reply, new HttpError(401, 'unauthorized', 'missing or invalid bearer token'));
    }
    request.user = user;
    ctx.senders.note(user.id, requestAddress(ctx, request));
    return undefined;
  };
}

/** The authenticated user; routes behind `authenticate` only. */
export function currentUser(request: FastifyRequest): UserRecord {
  if (!request.user) throw new HttpError(401, 'unauthorized', 'missing or invalid bearer token');
  return request.user;
}
