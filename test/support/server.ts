// Shared test helpers: a real server on port 0 with a real SQLite file in a temp folder, users,
// registered messages, hits that look like a person, and real socket.io clients.
//
// Every request in tests comes from 127.0.0.1, which the sender's own API calls also use, so a hit
// from there is "self". The helpers therefore run the server with INKLING_TRUST_PROXY on and send
// person-like hits with X-Forwarded-For 203.0.113.x and a real browser User-Agent; the send grace
// is 0 unless a test sets it.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { RegisterMessageRequest, RegisterMessageResponse, TrackingEvent } from '../../src-shared/protocol';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src-shared/socket-events';
import { startServer, type RunningServer } from '../../src-server/app';
import type { ServerConfig } from '../../src-server/config';
import { addUser } from '../../src-server/users';

export const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Closes and starts again on the same data folder and port (URLs handed out stay valid). */
  restart(): Promise<TestServer>;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  token: string;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'inkling-test-'));
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const config: Partial<ServerConfig> & { dataDir: string } = {
    port: 0, logLevel: 'silent', rateLimitPerMinute: 0, trustProxy: 1, sendGraceMs: 0, ...overrides, dataDir,
  };
  const running = await startServer(config);
  const port = Number(new URL(running.url).port);
  return {
    ...running,
    dataDir,
    restart: async () => {
      await running.close();
      return startTestServer({ ...overrides, dataDir, port });
    },
  };
}

let userCounter = 0;
export function addTestUser(server: RunningServer, input: { email?: string; name?: string; admin?: boolean } = {}): TestUser {
  const email = input.email ?? `sender${++userCounter}-${Date.now()}@inkling.example`;
  const user = addUser(server.store, { email, name: input.name, admin: input.admin });
  return { id: user.id, email: user.email, name: user.name, token: user.token };
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One HTTP request on a fresh connection (no keep-alive pool), so a server restarted on the same
 * port never meets a stale pooled socket.
 */
export function httpRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: http.IncomingHttpHeaders;
}

/** Calls the API as the sender (from 127.0.0.1, no X-Forwarded-For). */
export async function api<T = unknown>(
  server: { url: string },
  token: string | null,
  method: string,
  route: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await httpRequest(server.url + route, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = res.body.toString('utf8');
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

export async function registerMessage(
  server: { url: string },
  token: string,
  input: Partial<RegisterMessageRequest> & Record<string, unknown> = {},
): Promise<RegisterMessageResponse> {
  const body = {
    subject: 'Q3 proposal',
    to: [{ email: 'jane@acme.example', name: 'Jane Doe' }],
    html: '<p>Hello Jane, see <a href="https://acme.example/pricing">our pricing</a>.</p>',
    ...input,
  };
  const res = await api<RegisterMessageResponse>(server, token, 'POST', '/api/v1/messages', body);
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let personCounter = 0;
/** Fetches a pixel or tracked link the way a person's mail client would, from 203.0.113.x; no redirects followed. */
export async function hitAsPerson(
  url: string,
  opts: { ip?: string; method?: 'GET' | 'HEAD'; userAgent?: string } = {},
): Promise<HttpAnswer> {
  const ip = opts.ip ?? `203.0.113.${(++personCounter % 250) + 1}`;
  return httpRequest(url, {
    method: opts.method ?? 'GET',
    headers: {
      'x-forwarded-for': ip,
      'user-agent': opts.userAgent ?? BROWSER_UA,
      'accept-language': 'en-US,en;q=0.9',
      accept: new URL(url).pathname.startsWith('/p/') ? 'image/avif,image/webp,*/*' : 'text/html,application/xhtml+xml,*/*;q=0.8',
    },
  });
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client that acknowledges every batch after recording it in `received`. */
export function connectSocket(
  server: { url: string },
  token: string,
  cursor = 0,
): { socket: TestSocket; received: TrackingEvent[] } {
  const received: TrackingEvent[] = [];
  const socket: TestSocket = io(server.url, { auth: { token, cursor }, transports: ['websocket'], reconnection: false, forceNew: true });
  socket.on('events', (batch, ack) => {
    received.push(...batch);
    ack();
  });
  return { socket, received };
}

/** Resolves when `check` holds, polling; rejects after `ms`. For waiting on pushes, not timing. */
export async function waitFor(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
