// Builds the server: the store, the write queue, socket.io on the same HTTP server, and the one
// table of routes. startServer listens (port 0 in tests) and returns its URL and a close() that
// drains requests, flushes the write queue and closes the database.
import Fastify, { LogController, type FastifyInstance, type onResponseHookHandler, type RouteHandlerMethod } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { authenticate, bearerToken } from './auth/bearer';
import { loadNetworkTable } from './classify/index';
import { publicBase, withDefaults, type ServerConfig } from './config';
import type { ServerContext } from './context';
import { HttpError, installErrorHandlers, sendError } from './errors';
import { hashApiToken } from './ids';
import { Realtime } from './realtime/realtime';
import { getAccountHandler, putAccountHandler } from './routes/account';
import { clickHandler } from './routes/click';
import { eventsHandler } from './routes/events';
import { healthHandler } from './routes/health';
import { attachmentHandler, detailHandler, listHandler, registerHandler } from './routes/messages';
import { pixelHandler, sendPixel } from './routes/pixel';
import { getPreferencesHandler, putPreferencesHandler } from './routes/preferences';
import { replyHandler } from './routes/replies';
import { SenderAddresses } from './sender-addresses';
import { SqliteStore } from './store/sqlite-store';
import type { Store } from './store/store';
import { WriteQueue } from './store/write-queue';

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT';
type RouteRow = [Method | Method[], string, (ctx: ServerContext) => unknown];

/** Public tracking endpoints and health: no auth, never rate limited. Tracking routes are wildcards
 * so a token of any length still reaches its handler (a named param would answer 414). */
const PUBLIC_ROUTES: RouteRow[] = [
  ['GET', '/healthz', healthHandler],
  [['GET', 'HEAD'], '/p/*', pixelHandler],
  [['GET', 'HEAD'], '/c/*', clickHandler],
];

/** The API: bearer auth and a per-token rate limit. */
const API_ROUTES: RouteRow[] = [
  ['POST', '/api/v1/messages', registerHandler],
  ['GET', '/api/v1/messages', listHandler],
  ['GET', '/api/v1/messages/:id', detailHandler],
  ['GET', '/api/v1/messages/:id/attachments/:attachmentId', attachmentHandler],
  ['POST', '/api/v1/messages/:id/replies', replyHandler],
  ['GET', '/api/v1/events', eventsHandler],
  ['GET', '/api/v1/me/preferences', getPreferencesHandler],
  ['PUT', '/api/v1/me/preferences', putPreferencesHandler],
  ['GET', '/api/v1/account/settings', getAccountHandler],
  ['PUT', '/api/v1/account/settings', putAccountHandler],
];

export interface RunningServer {
  url: string;
  config: ServerConfig;
  store: Store;
  close(): Promise<void>;
}

function addRoutes(app: FastifyInstance, ctx: ServerContext, rows: RouteRow[]): void {
  for (const [method, url, make] of rows) app.route({ method, url, handler: make(ctx) as RouteHandlerMethod });
}

export async function startServer(partial: Partial<ServerConfig> & { dataDir: string }): Promise<RunningServer> {
  const config = withDefaults(partial);
  // A bad ranges file (INKLING_RANGES_FILE) stops the start rather than the first hit.
  loadNetworkTable();
  const store = new SqliteStore(config.dataDir, { groupSync: true });
  const app = Fastify({
    logger: { level: config.logLevel },
    // One line per response comes from the onResponse hook below, without token-bearing URLs.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    // request.ip (the rate limit's fallback key) agrees with addressFrom: trust N proxy hops.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxy,
    exposeHeadRoutes: false,
    // Keep answering (pixels included) while shutdown drains; the write queue is flushed after.
    return503OnClosing: false,
    // A URL the router cannot decode (%ff) still gets the pixel when it is a pixel URL.
    frameworkErrors: (error, request, reply) => {
      if (request.url.startsWith('/p/')) return sendPixel(reply);
      return sendError(reply, new HttpError(error.statusCode ?? 400, 'bad_request', error.message));
    },
  });
  const queue = new WriteQueue(store);
  const senders = new SenderAddresses(config.selfWindowMs);
  const realtime = new Realtime(app.server, store, senders, config, app.log);
  let base = '';
  const ctx: ServerContext = { config, store, queue, senders, realtime, publicBase: () => base, log: app.log };

  installErrorHandlers(app);
  // Scripts often post JSON without a content type (curl -d sends form encoding): read any body as
  // JSON. Auth is by bearer token, never cookies, so this opens no cross-site door.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch {
      done(new HttpError(400, 'bad_request', 'body is not valid JSON'), undefined);
    }
  });
  // Tracking URLs carry tokens: log the route, not the URL. Tracking hits only at debug level,
  // decided once so the hot path builds nothing.
  const logApi = ['trace', 'debug', 'info'].includes(config.logLevel);
  const logHits = ['trace', 'debug'].includes(config.logLevel);
  const responseLog: onResponseHookHandler = (request, reply, done) => {
    const api = request.url.startsWith('/api/');
    if (api ? logApi : logHits) {
      const line = { method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms: reply.elapsedTime };
      if (api) request.log.info(line, 'api request');
      else request.log.debug(line, 'request');
    }
    done();
  };
  // A hook costs every request it covers: tracking routes get one only when it would print.
  if (logHits) app.addHook('onResponse', responseLog);
  addRoutes(app, ctx, PUBLIC_ROUTES);
  await app.register(async (api) => {
    if (config.rateLimitPerMinute > 0) {
      await api.register(rateLimit, {
        max: config.rateLimitPerMinute,
        timeWindow: 60_000,
        keyGenerator: (request) => {
          const token = bearerToken(request.headers.authorization);
          return token ? `t:${hashApiToken(token)}` : `ip:${request.ip}`;
        },
        errorResponseBuilder: (_request, context) => ({
          statusCode: 429,
          message: `rate limited: at most ${context.max} requests per minute, retry in ${context.after}`,
        }),
      });
    }
    if (logApi && !logHits) api.addHook('onResponse', responseLog);
    api.addHook('onRequest', authenticate(ctx));
    addRoutes(api, ctx, API_ROUTES);
  });

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    // Port taken, bad host: release the database before reporting.
    realtime.close();
    await app.close().catch(() => undefined);
    await store.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  base = publicBase(config, url);

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      try {
        realtime.close();
        await app.close();
      } finally {
        await queue.close();
        await store.close();
      }
    })());
  return { url, config, store, close };
}
