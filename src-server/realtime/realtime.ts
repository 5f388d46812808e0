// socket.io on the HTTP server: token auth in the handshake, then per socket a Delivery from the
// client's cursor; commits and preference changes fan out to every socket of that user only.
import type { Server as HttpServer } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { Preferences } from '../../src-shared/protocol';
import { UNAUTHORIZED, type ClientToServerEvents, type ServerToClientEvents } from '../../src-shared/socket-events';
import { addressFrom } from '../client-address';
import type { ServerConfig } from '../config';
import type { RealtimeNotifier } from '../context';
import { hashApiToken } from '../ids';
import type { SenderAddresses } from '../sender-addresses';
import type { Store, UserRecord } from '../store/store';
import { Delivery } from './delivery';

interface SocketData {
  user: UserRecord;
  cursor: number;
}
type InklingServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type InklingSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const Auth = z.object({
  token: z.string().min(1).max(200),
  cursor: z.coerce.number().int().nonnegative().default(0),
});

const room = (userId: string) => `user:${userId}`;

export class Realtime implements RealtimeNotifier {
  private readonly io: InklingServer;
  private readonly deliveries = new Map<string, Set<Delivery>>();

  constructor(
    httpServer: HttpServer,
    private readonly store: Store,
    private readonly senders: SenderAddresses,
    private readonly config: ServerConfig,
    private readonly log: FastifyBaseLogger,
  ) {
    this.io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
    this.io.use((socket, next) => {
      try {
        const auth = Auth.safeParse(socket.handshake.auth);
        const user = auth.success ? this.store.userByTokenHash(hashApiToken(auth.data.token)) : null;
        if (!auth.success || !user) return next(new Error(UNAUTHORIZED));
        socket.data = { user, cursor: auth.data.cursor };
        next();
      } catch (err) {
        this.log.error({ err }, 'socket auth failed');
        next(new Error('server error'));
      }
    });
    this.io.on('connection', (socket) => {
      try {
        this.onConnection(socket);
      } catch (err) {
        this.log.error({ err }, 'socket setup failed');
        socket.disconnect(true);
      }
    });
  }

  private onConnection(socket: InklingSocket): void {
    const { user, cursor } = socket.data;
    const { headers, address } = socket.handshake;
    const release = this.senders.connected(user.id, addressFrom(address, headers['x-forwarded-for'], this.config.trustProxy));
    void socket.join(room(user.id));
    socket.emit('hello', {
      user: { id: user.id, email: user.email, name: user.name },
      latestSeq: this.store.latestSeq(user.id),
      serverTime: new Date().toISOString(),
    });
    const delivery = new Delivery(
      user.id,
      cursor,
      (after, limit) => this.store.eventsAfter(user.id, after, limit),
      { emit: (batch, ack) => socket.emit('events', batch, ack) },
      (err) => {
        this.log.error({ err }, 'event delivery failed');
        socket.disconnect(true);
      },
    );
    let set = this.deliveries.get(user.id);
    if (!set) {
      set = new Set();
      this.deliveries.set(user.id, set);
    }
    set.add(delivery);
    socket.on('disconnect', () => {
      release();
      delivery.stop();
      set.delete(delivery);
      if (set.size === 0) this.deliveries.delete(user.id);
    });
    delivery.pump();
  }

  eventsCommitted(userId: string): void {
    for (const delivery of this.deliveries.get(userId) ?? []) delivery.pump();
  }

  preferencesChanged(userId: string, preferences: Preferences): void {
    this.io.to(room(userId)).emit('preferences', preferences);
  }

  /** Drops every socket (clients reconnect elsewhere and resume from their cursor). */
  close(): void {
    for (const set of this.deliveries.values()) for (const d of set) d.stop();
    this.deliveries.clear();
    this.io.disconnectSockets(true);
    this.io.engine.close();
  }
}
