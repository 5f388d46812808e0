// GET/PUT /api/v1/account/settings — the installation's switches; anyone may read, admins write.
import type { FastifyRequest } from 'fastify';
import { AccountSettings } from '../../src-shared/protocol';
import { currentUser } from '../auth/bearer';
import type { ServerContext } from '../context';
import { HttpError, parseOr400 } from '../errors';

export function getAccountHandler(ctx: ServerContext) {
  return async (request: FastifyRequest): Promise<AccountSettings> => {
    currentUser(request);
    return ctx.store.getAccountSettings();
  };
}

export function putAccountHandler(ctx: ServerContext) {
  return async (request: FastifyRequest): Promise<AccountSettings> => {
    if (!currentUser(request).admin) throw new HttpError(403, 'forbidden', 'only admins may change account settings');
    const settings = parseOr400(AccountSettings, request.body);
    ctx.store.setAccountSettings(settings);
    await ctx.store.durable();
    return settings;
  };
}
