// The one typed event map that the socket.io server and every client share (PROTOCOL.md, Realtime).
import type { Hello, Preferences, TrackingEvent } from './protocol';

export interface ServerToClientEvents {
  hello: (hello: Hello) => void;
  /** The next batch follows only after `ack` is called. */
  events: (batch: TrackingEvent[], ack: () => void) => void;
  preferences: (preferences: Preferences) => void;
}

// Clients only listen; everything they say goes through the HTTP API.
export type ClientToServerEvents = Record<string, never>;

export interface SocketAuth {
  token: string;
  /** Highest seq the client has fully processed; 0 for none. */
  cursor: number;
}

/** The error message a connection with a bad token fails with. */
export const UNAUTHORIZED = 'unauthorized';
