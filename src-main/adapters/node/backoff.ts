// Reconnect delays: exponential, capped, with jitter so many clients do not reconnect in step
// after a server restart ("equal jitter": half fixed, half random).
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  random: () => number;
}

const DEFAULTS: BackoffOptions = { initialMs: 500, maxMs: 30_000, random: Math.random };

/** The delay before retry number `attempt` (0 for the first). */
export function backoffDelay(attempt: number, options: Partial<BackoffOptions> = {}): number {
  const { initialMs, maxMs, random } = { ...DEFAULTS, ...options };
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
