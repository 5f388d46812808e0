// GET /healthz — for load balancers and the desktop app's "server reachable" check.
import type { FastifyReply, FastifyRequest } from 'fastify';

export function healthHandler() {
  return async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-store').send({ ok: true });
}
