// GET/HEAD /c/:token — redirect only to the URL registered for that link; the destination is never
// taken from the request. Unknown or altered tokens get a small 404 page. HEAD answers the same
// status and is recorded (the classifier calls it a machine).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestAddress } from '../auth/bearer';
import type { ServerContext } from '../context';
import { lowerCaseHeaders } from '../hits/headers';
import { recordHit } from '../hits/record-hit';
import { NO_STORE } from './pixel';

const NOT_FOUND_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Link not found</title>' +
  '<p>This link is not valid. Please check the address you followed.</p></html>';

function notFoundPage(reply: FastifyReply): FastifyReply {
  return reply.code(404).header('content-type', 'text/html; charset=utf-8').header('cache-control', NO_STORE).send(NOT_FOUND_PAGE);
}

export function clickHandler(ctx: ServerContext) {
  return async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const at = new Date();
    const record = ctx.store.tokenLookup(request.params['*']);
    if (!record || record.kind === 'pixel') return notFoundPage(reply);
    const link = record.linkId ? ctx.store.linkById(record.linkId) : null;
    try {
      await recordHit(ctx, {
        token: record, type: 'click', method: request.method === 'HEAD' ? 'HEAD' : 'GET', at,
        ip: requestAddress(ctx, request), headers: lowerCaseHeaders(request.headers),
      });
    } catch (err) {
      // Never answer a tracking hit with an error: the person still reaches the page.
      request.log.error({ err }, 'click not recorded');
    }
    // The honeypot link has no destination; machines that follow it learn nothing.
    if (!link) return notFoundPage(reply);
    // href normalisation percent-encodes what a Location header cannot carry, same destination.
    return reply
      .code(302)
      .header('location', new URL(link.url).href)
      .header('cache-control', NO_STORE)
      .header('referrer-policy', 'no-referrer')
      .send();
  };
}
