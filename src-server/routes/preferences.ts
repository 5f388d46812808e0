// GET/PUT /api/v1/me/preferences — per user; a change is pushed to every socket of that user.
import type { FastifyRequest } from 'fastify';
import { Preferences } from '../../src-shared/protocol';
import { currentUser } from '../auth/bearer';
import type { ServerContext } from '../context';
import { parseOr400 } from '../errors';

/** Mutes whose `until` has passed are over: they are no longer part of the preferences. */
export function withoutExpiredMutes(p: Preferences, now = Date.now()): Preferences {
  return { ...p, mutes: p.mutes.filter((m) => m.until === null || Date.parse(m.until) > now) };
}

export function getPreferencesHandler(ctx: ServerContext) {
  return async (request: FastifyRequest): Promise<Preferences> =>
    withoutExpiredMutes(ctx.store.getPreferences(currentUser(request).id));
}

export function putPreferencesHandler(ctx: ServerContext) {
  return async (request: FastifyRequest): Promise<Preferences> => {
    const user = currentUser(request);
    const preferences = parseOr400(Preferences, request.body);
    ctx.store.setPreferences(user.id, preferences);
    await ctx.store.durable();
    ctx.realtime.preferencesChanged(user.id, preferences);
    return preferences;
  };
}
