// What routes and the realtime layer share: one object built by app.ts, passed explicitly.
import type { FastifyBaseLogger } from 'fastify';
import type { Preferences } from '../src-shared/protocol';
import type { ServerConfig } from './config';
import type { SenderAddresses } from './sender-addresses';
import type { Store } from './store/store';
import type { WriteQueue } from './store/write-queue';

export interface RealtimeNotifier {
  /** New events were committed for this user: deliver them to the user's sockets. */
  eventsCommitted(userId: string): void;
  preferencesChanged(userId: string, preferences: Preferences): void;
}

export interface ServerContext {
  config: ServerConfig;
  store: Store;
  queue: WriteQueue;
  senders: SenderAddresses;
  realtime: RealtimeNotifier;
  /** Base of handed-out URLs, known once the server listens (port 0 in tests). */
  publicBase(): string;
  log: FastifyBaseLogger;
}
