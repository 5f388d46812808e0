// The live event stream over socket.io (PROTOCOL.md, Realtime). Connects with token and cursor,
// hands each batch to the handler with duplicates dropped, acknowledges only after the handler
// has finished (it saves the cursor), and reconnects with exponential backoff and jitter.
import { io, type Socket } from 'socket.io-client';
import type { ConnectionStatus } from '../../../src-shared/ipc';
import { Hello, Preferences, TrackingEvent } from '../../../src-shared/protocol';
import { UNAUTHORIZED, type ClientToServerEvents, type ServerToClientEvents } from '../../../src-shared/socket-events';
import type { Clock, Scheduler, TrackingFeed } from '../../ports';
import { backoffDelay, type BackoffOptions } from './backoff';
import { RecentIds } from './recent-ids';
import { socketTarget } from './socket-target';

export interface SocketIoFeedOptions {
  url: string;
  token: string;
  clock: Clock;
  scheduler: Scheduler;
  backoff?: Partial<BackoffOptions>;
  /** Called when a batch or message is malformed or a handler fails; the feed carries on. */
  onError?: (error: Error) => void;
}

type FeedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class SocketIoFeed implements TrackingFeed {
  private socket: FeedSocket | null = null;
  private cursor = 0;
  private attempt = 0;
  private everOnline = false;
  private stopped = true;
  private cancelRetry: (() => void) | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly seen = new RecentIds(10_000);
  private batchHandler: (events: TrackingEvent[]) => Promise<void> = async () => {};
  private statusListener: (status: ConnectionStatus) => void = () => {};
  private preferencesListener: (preferences: Preferences) => void = () => {};

  constructor(private readonly options: SocketIoFeedOptions) {}

  onBatch(handler: (events: TrackingEvent[]) => Promise<void>): void {
    this.batchHandler = handler;
  }

  onStatus(listener: (status: ConnectionStatus) => void): void {
    this.statusListener = listener;
  }

  onPreferences(listener: (preferences: Preferences) => void): void {
    this.preferencesListener = listener;
  }

  /** The highest seq fully processed so far. */
  position(): number {
    return this.cursor;
  }

  start(cursor: number): void {
    this.cursor = cursor;
    this.stopped = false;
    this.everOnline = false;
    this.attempt = 0;
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    await this.queue;
  }

  private connect(): void {
    const { url, token } = this.options;
    this.statusListener({ state: 'connecting', server: url });
    const target = socketTarget(url);
    // Reconnection is ours (backoff with jitter, a fresh cursor in auth, no retry on a bad token).
    const socket: FeedSocket = io(target.origin, {
      path: target.path,
      auth: { token, cursor: this.cursor },
      reconnection: false,
      forceNew: true,
      transports: ['websocket'],
      timeout: 10_000,
    });
    this.socket = socket;
    socket.on('hello', (raw) => {
      const hello = Hello.safeParse(raw);
      if (!hello.success) return this.fail(socket, new Error('the server sent a malformed hello'));
      this.attempt = 0;
      this.everOnline = true;
      this.statusListener({ state: 'online', server: url, user: hello.data.user, latestSeq: hello.data.latestSeq });
    });
    socket.on('events', (raw, ack) => {
      // Batches are processed one after another, in the order they arrive.
      this.queue = this.queue.then(() => this.process(socket, raw, ack));
    });
    socket.on('preferences', (raw) => {
      const preferences = Preferences.safeParse(raw);
      if (preferences.success) this.preferencesListener(preferences.data);
      else this.options.onError?.(new Error('the server sent malformed preferences'));
    });
    socket.on('connect_error', (error) => {
      if (socket !== this.socket) return;
      if (error.message === UNAUTHORIZED) {
        this.drop(socket);
        this.statusListener({ state: 'unauthorized', server: url });
        return;
      }
      this.retry(socket, error.message);
    });
    socket.on('disconnect', (reason) => {
      if (socket === this.socket) this.retry(socket, `disconnected (${reason})`);
    });
  }

  private async process(socket: FeedSocket, raw: unknown, ack: () => void): Promise<void> {
    if (socket !== this.socket) return;
    const events = parseBatch(raw, (error) => this.options.onError?.(error));
    const fresh = events.filter((e) => e.seq > this.cursor && !this.seen.has(e.id));
    try {
      if (fresh.length > 0) await this.batchHandler(fresh);
    } catch (error) {
      // Not acknowledged: reconnecting replays the batch from the last saved cursor.
      this.options.onError?.(error as Error);
      return this.fail(socket, error as Error);
    }
    for (const e of fresh) this.seen.add(e.id);
    this.cursor = Math.max(this.cursor, ...fresh.map((e) => e.seq));
    if (socket === this.socket) ack();
  }

  private fail(socket: FeedSocket, error: Error): void {
    if (socket === this.socket) this.retry(socket, error.message);
  }

  private drop(socket: FeedSocket): void {
    socket.removeAllListeners();
    socket.disconnect();
    if (this.socket === socket) this.socket = null;
  }

  private retry(socket: FeedSocket, error: string): void {
    this.drop(socket);
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt++, this.options.backoff);
    const retryAt = new Date(this.options.clock.now() + delay).toISOString();
    const server = this.options.url;
    this.statusListener(
      this.everOnline ? { state: 'offline', server, retryAt, error } : { state: 'unreachable', server, retryAt, error },
    );
    this.cancelRetry?.();
    this.cancelRetry = this.options.scheduler.after(delay, () => {
      this.cancelRetry = null;
      if (!this.stopped) this.connect();
    });
  }
}

/** Keeps the valid events of a batch; one malformed event must not block the rest forever. */
function parseBatch(raw: unknown, onError: (error: Error) => void): TrackingEvent[] {
  if (!Array.isArray(raw)) {
    onError(new Error('the server sent a batch that is not a list'));
    return [];
  }
  const events: TrackingEvent[] = [];
  for (const item of raw) {
    const parsed = TrackingEvent.safeParse(item);
    if (parsed.success) events.push(parsed.data);
    else onError(new Error(`dropped a malformed event: ${parsed.error.issues[0]?.message ?? 'invalid'}`));
  }
  return events.sort((a, b) => a.seq - b.seq);
}
