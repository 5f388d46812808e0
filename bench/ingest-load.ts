// One bounded load run with autocannon: a fixed number of requests (so every request is answered
// and the answers can be compared with what the server stored), at a fixed rate or flat out.
// Latencies are taken per response from autocannon's 'response' event, in fractional
// milliseconds, because its own histogram rounds to whole milliseconds.
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  /** Exactly this many requests are sent and answered (or fail). */
  amount: number;
  connections: number;
  /** Requests per second over all connections; absent means as fast as the target answers. */
  rate?: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  hitsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const latencies = new Float64Array(opts.amount + opts.connections);
  let recorded = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        amount: opts.amount,
        connections: opts.connections,
        ...(opts.rate ? { overallRate: opts.rate } : {}),
        headers: opts.headers ?? {},
        timeout: 10,
      },
      (err: unknown, result: autocannon.Result) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
        resolve(summarize(latencies.subarray(0, recorded), { ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, seconds }));
      },
    );
    // autocannon 8 emits (client, statusCode, bytes, ms); its published types predate the client argument.
    (instance as unknown as EventEmitter).on('response', (...args: unknown[]) => {
      const ms = args[args.length - 1];
      if (typeof ms === 'number' && recorded < latencies.length) latencies[recorded++] = ms;
    });
  });
}

/** Percentiles of the latencies (sorted in place) and the counts, as one result. */
export function summarize(
  latencies: Float64Array,
  counts: { ok: number; non2xx: number; errors: number; timeouts: number; seconds: number },
): LoadResult {
  const sorted = latencies.sort();
  const at = (q: number) => (sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number));
  return {
    ok: counts.ok,
    non2xx: counts.non2xx,
    errors: counts.errors,
    timeouts: counts.timeouts,
    seconds: counts.seconds,
    hitsPerSecond: counts.ok / counts.seconds,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
  };
}
