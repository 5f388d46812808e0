// GET/HEAD /p/:token.gif — whatever happens, answer the pixel: the same 43-byte GIF and no-store
// headers for every token, known or not; recording (durable before we answer) never changes it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestAddress } from '../auth/bearer';
import type { ServerContext } from '../context';
import { lowerCaseHeaders } from '../hits/headers';
import { recordHit } from '../hits/record-hit';

export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
export const NO_STORE = 'no-store, no-cache, must-revalidate, max-age=0';

export function pixelHandler(ctx: ServerContext) {
  return async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const at = new Date();
    try {
      const path = request.params['*'];
      const token = path.endsWith('.gif') ? path.slice(0, -4) : path;
      const record = ctx.store.tokenLookup(token);
      if (record?.kind === 'pixel') {
        await recordHit(ctx, {
          token: record, type: 'open', method: request.method === 'HEAD' ? 'HEAD' : 'GET', at,
          ip: requestAddress(ctx, request), headers: lowerCaseHeaders(request.headers),
        });
      }
    } catch (err) {
      request.log.error({ err }, 'pixel hit not recorded');
    }
    return sendPixel(reply);
  };
}

export function sendPixel(reply: FastifyReply): FastifyReply {
  return reply
    .code(200)
    .header('content-type', 'image/gif')
    .header('cache-control', NO_STORE)
    .header('pragma', 'no-cache')
    .header('expires', '0')
    .send(PIXEL_GIF);
}
