// Server configuration from the environment (PROTOCOL.md, Running the server), parsed once with zod
// so a typo in a variable fails at start with the variable's name instead of misbehaving later.
import path from 'node:path';
import { z } from 'zod';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  publicUrl: string;
  /**
   * Reverse proxies in front of the server (0: none). The client address is the X-Forwarded-For
   * entry this many places from the right: each proxy appends the address it saw, so entries
   * further left were written by the client and could be forged.
   */
  trustProxy: number;
  /**
   * Hits sooner than this after registration are machine hits (scanners at delivery). Ten seconds:
   * the message is registered before it is even sent, and gateways fetch within seconds of delivery.
   */
  sendGraceMs: number;
  /** How long an address the sender's apps used counts as the sender's own ("self"). */
  selfWindowMs: number;
  /** Whether bodies carry an invisible link that only machines follow. */
  honeypot: boolean;
  /** Requests per minute per API token; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Largest accepted request body in bytes (attachments travel base64 inside JSON). */
  bodyLimitBytes: number;
  /** Log level for pino; 'silent' in tests. */
  logLevel: string;
}

const flag = z
  .enum(['0', '1', 'true', 'false', 'on', 'off', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'on');
const int = (min: number) => z.coerce.number().int().min(min);
// "1" (or true/on) is one proxy; a larger number is that many proxies in a chain.
const hops = z
  .string()
  .regex(/^(\d{1,2}|true|false|on|off|)$/, 'expected 0/1 (or a number of proxies)')
  .transform((v) => (v === 'true' || v === 'on' ? 1 : v === 'false' || v === 'off' || v === '' ? 0 : Number(v)));

const Env = z.object({
  INKLING_HOST: z.string().min(1).default('127.0.0.1'),
  INKLING_PORT: int(0).max(65535).default(7340),
  INKLING_DATA_DIR: z.string().min(1).default('./data'),
  INKLING_PUBLIC_URL: z.url().optional(),
  INKLING_TRUST_PROXY: hops.default(0),
  INKLING_SEND_GRACE_MS: int(0).default(10_000),
  INKLING_SELF_WINDOW_MS: int(0).default(10 * 60_000),
  INKLING_HONEYPOT: flag.default(false),
  INKLING_RATE_LIMIT: int(0).default(600),
  INKLING_BODY_LIMIT: int(1024).default(25 * 1024 * 1024),
  INKLING_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Thrown with every bad variable named, so main can print it and exit. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return withDefaults({
    host: e.INKLING_HOST,
    port: e.INKLING_PORT,
    dataDir: path.resolve(e.INKLING_DATA_DIR),
    publicUrl: e.INKLING_PUBLIC_URL ?? '',
    trustProxy: e.INKLING_TRUST_PROXY,
    sendGraceMs: e.INKLING_SEND_GRACE_MS,
    selfWindowMs: e.INKLING_SELF_WINDOW_MS,
    honeypot: e.INKLING_HONEYPOT,
    rateLimitPerMinute: e.INKLING_RATE_LIMIT,
    bodyLimitBytes: e.INKLING_BODY_LIMIT,
    logLevel: e.INKLING_LOG_LEVEL,
  });
}

/** Fills what tests may leave out; an empty publicUrl means "the address we listen on". */
export function withDefaults(partial: Partial<ServerConfig> & { dataDir: string }): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 7340,
    publicUrl: '',
    trustProxy: 0,
    sendGraceMs: 10_000,
    selfWindowMs: 10 * 60_000,
    honeypot: false,
    rateLimitPerMinute: 600,
    bodyLimitBytes: 25 * 1024 * 1024,
    logLevel: 'info',
    ...partial,
  };
}

/** The base of handed-out URLs without a trailing slash. */
export function publicBase(config: ServerConfig, listenUrl: string): string {
  return (config.publicUrl || listenUrl).replace(/\/+$/, '');
}
