// Opens links to servers (HTTP API + socket feed) and checks credentials with real calls: the
// preferences route proves the token, the socket's hello names the account.
import { io, type Socket } from 'socket.io-client';
import type { CredentialsCheck, ServerCredentials } from '../../../src-shared/ipc';
import { Hello } from '../../../src-shared/protocol';
import { UNAUTHORIZED, type ClientToServerEvents, type ServerToClientEvents } from '../../../src-shared/socket-events';
import type { Clock, Scheduler, ServerConnector, ServerLink } from '../../ports';
import type { BackoffOptions } from './backoff';
import { HttpInklingServer, ServerError } from './http-inkling-server';
import { SocketIoFeed } from './socket-io-feed';
import { socketTarget } from './socket-target';

const CHECK_TIMEOUT_MS = 10_000;

export interface ConnectorOptions {
  clock: Clock;
  scheduler: Scheduler;
  backoff?: Partial<BackoffOptions>;
  onError?: (error: Error) => void;
}

export class NodeServerConnector implements ServerConnector {
  constructor(private readonly options: ConnectorOptions) {}

  link(credentials: ServerCredentials): ServerLink {
    return {
      api: new HttpInklingServer(credentials),
      feed: new SocketIoFeed({ ...this.options, url: credentials.url, token: credentials.token }),
    };
  }

  async check(credentials: ServerCredentials): Promise<CredentialsCheck> {
    try {
      await new HttpInklingServer(credentials).getPreferences();
    } catch (error) {
      return { ok: false, error: explain(error as Error, credentials.url) };
    }
    return probeHello(credentials);
  }
}

function explain(error: Error, url: string): string {
  if (!(error instanceof ServerError) || error.status === null) return error.message;
  if (error.status === 401) return 'The server refused this token.';
  if (error.status === 404) return `No Inkling server answers at ${url}.`;
  return error.message;
}

/** Connects once and waits for hello, which names the account the token belongs to. */
function probeHello(credentials: ServerCredentials): Promise<CredentialsCheck> {
  const target = socketTarget(credentials.url);
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(target.origin, {
    path: target.path,
    auth: { token: credentials.token, cursor: 0 },
    reconnection: false,
    forceNew: true,
    transports: ['websocket'],
    timeout: CHECK_TIMEOUT_MS,
  });
  return new Promise<CredentialsCheck>((resolve) => {
    const done = (check: CredentialsCheck) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.disconnect();
      resolve(check);
    };
    const timer = setTimeout(() => done({ ok: false, error: 'The server did not answer in time.' }), CHECK_TIMEOUT_MS);
    socket.on('hello', (raw) => {
      const hello = Hello.safeParse(raw);
      done(hello.success ? { ok: true, user: hello.data.user } : { ok: false, error: 'The server sent a malformed hello.' });
    });
    socket.on('connect_error', (error) =>
      done({ ok: false, error: error.message === UNAUTHORIZED ? 'The server refused this token.' : `Cannot connect: ${error.message}` }),
    );
  });
}
