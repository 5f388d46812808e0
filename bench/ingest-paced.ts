// A steady open-loop load: one request every 1/rate seconds, whatever the answers do. autocannon's
// rate limit lets each connection send its whole per-second quota back to back at the start of
// each second, so its "2,000/s" is a burst of 50 concurrent requests every second; latency under
// that measures queueing in the burst, not a server that receives 2,000 hits spread over a second.
import http from 'node:http';
import { summarize, type LoadResult } from './ingest-load';

export interface PacedOptions {
  url: string;
  rate: number;
  amount: number;
  headers: Record<string, string>;
}

export function runPaced(opts: PacedOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const latencies = new Float64Array(opts.amount);
  const counts = { ok: 0, non2xx: 0, errors: 0, timeouts: 0, done: 0 };
  const start = performance.now();
  let sent = 0;

  return new Promise((resolve) => {
    const finish = () => {
      if (++counts.done < opts.amount) return;
      agent.destroy();
      const seconds = (performance.now() - start) / 1000;
      resolve(summarize(latencies.subarray(0, counts.ok + counts.non2xx), { ...counts, seconds }));
    };
    const fire = () => {
      const sentAt = performance.now();
      const req = http.get(opts.url, { agent, headers: opts.headers }, (res) => {
        res.resume();
        res.once('end', () => {
          latencies[counts.ok + counts.non2xx] = performance.now() - sentAt;
          if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) counts.ok++;
          else counts.non2xx++;
          finish();
        });
      });
      req.setTimeout(10_000, () => {
        counts.timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.once('error', () => {
        counts.errors++;
        finish();
      });
    };
    // Send what is due by now, then look again in a millisecond; bounded by `amount`.
    const tick = () => {
      const due = Math.min(opts.amount, Math.floor(((performance.now() - start) * opts.rate) / 1000) + 1);
      while (sent < due) {
        sent++;
        fire();
      }
      if (sent < opts.amount) setTimeout(tick, 1);
    };
    tick();
  });
}
