// The server's HTTP API (PROTOCOL.md, Reading and Preferences), every answer parsed with the
// protocol's schemas so nothing unchecked reaches the services.
import type { z } from 'zod';
import type { ListMessagesQuery, ServerCredentials } from '../../../src-shared/ipc';
import {
  ApiError,
  EventPage,
  MessageDetail,
  MessagePage,
  Preferences,
  type TrackingEvent,
} from '../../../src-shared/protocol';
import type { InklingServer } from '../../ports';

const TIMEOUT_MS = 10_000;

/** A failed API call, with the server's status and error code when it gave one. */
export class ServerError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** The base URL with a trailing slash, so relative API paths keep any path prefix of a proxy. */
export function baseUrl(url: string): URL {
  const base = new URL(url);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base;
}

export class HttpInklingServer implements InklingServer {
  private readonly base: URL;

  constructor(private readonly credentials: ServerCredentials) {
    this.base = baseUrl(credentials.url);
  }

  listMessages(query: ListMessagesQuery) {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.before) params.set('before', query.before);
    if (query.limit) params.set('limit', String(query.limit));
    return this.call(MessagePage, 'GET', `api/v1/messages?${params}`);
  }

  getMessage(id: string) {
    return this.call(MessageDetail, 'GET', `api/v1/messages/${encodeURIComponent(id)}`);
  }

  events(after: number, limit: number): Promise<{ events: TrackingEvent[]; cursor: number }> {
    return this.call(EventPage, 'GET', `api/v1/events?after=${after}&limit=${limit}`);
  }

  getPreferences() {
    return this.call(Preferences, 'GET', 'api/v1/me/preferences');
  }

  setPreferences(preferences: Preferences) {
    return this.call(Preferences, 'PUT', 'api/v1/me/preferences', preferences);
  }

  private async call<T>(schema: z.ZodType<T>, method: string, path: string, body?: unknown): Promise<T> {
    const url = new URL(path, this.base);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.credentials.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServerError(`Cannot reach ${this.base.origin}: ${(error as Error).message}`, null, null);
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = ApiError.safeParse(json);
      const detail = parsed.success ? parsed.data.error.message : response.statusText;
      throw new ServerError(`${method} ${url.pathname} failed (${response.status}): ${detail}`, response.status, parsed.success ? parsed.data.error.code : null);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ServerError(`${method} ${url.pathname} answered something unexpected: ${parsed.error.issues[0]?.message ?? 'invalid'}`, response.status, null);
    }
    return parsed.data;
  }
}
