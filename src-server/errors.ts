// Every error leaves as PROTOCOL.md's JSON shape, {"error": {code, message, details?}}, and never
// with a stack trace; unexpected failures are logged and answered with a bare 500.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A foreign id and a missing id look the same to the caller. */
export const notFound = (what = 'message'): HttpError => new HttpError(404, 'not_found', `no such ${what}`);

/** Parses input or throws a 400 whose details name each bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  const fields = [...new Set(details.map((d) => d.field))].join(', ');
  throw new HttpError(400, 'invalid_input', `invalid ${fields}`, details);
}

export function sendError(reply: FastifyReply, e: HttpError): FastifyReply {
  const body = { error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } };
  return reply.code(e.status).header('cache-control', 'no-store').send(body);
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'rate_limited',
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error);
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, body too large) carry safe messages.
      return sendError(reply, new HttpError(status, CODES[status] ?? 'bad_request', error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, new HttpError(500, 'internal', 'internal error'));
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, new HttpError(404, 'not_found', 'no such route')));
}
