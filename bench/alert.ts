// npm run bench:alert — how fast a pixel hit becomes a judged notification, and how a long
// absence is caught up. The real server runs as a child process on loopback; the desktop services
// run here with the real socket.io feed and a fake notifier; the hits come from a worker thread
// (its own event loop), paced open-loop at a fixed rate, bounded in count and time.
//
// "Judged" is when the policy has decided about the hit's event: shown as its own toast, folded
// into a summary, or held. The burst rule turns more than 3 toasts in 5 s into one summary, so at
// these rates most hits are judged into a summary rather than shown alone; the figure that matters
// is how soon the decision is taken. Hits that got a toast of their own are also timed to it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createNodeDesktop } from '../src-main/dev-host/node-desktop';
import type { MainWindow, Notifier, ToastContent, TrayView } from '../src-main/ports';
import type { Desktop } from '../src-main/services/desktop';
import { IpcInvoke, IpcPush } from '../src-shared/ipc';
import type { RegisterMessageResponse, TrackingEvent } from '../src-shared/protocol';
import { startInkling } from './ingest-server';

const now = () => performance.timeOrigin + performance.now();
/** For profiling one part: fewer missed events, or no live phase. The defaults are the benchmark. */
const MISSED = Number(process.env.BENCH_ALERT_MISSED ?? 100_000);
const LIVE = process.env.BENCH_ALERT_LIVE !== '0';
const BROWSER_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

// ---- Load worker -------------------------------------------------------------------------------
interface LoadJob {
  urls: string[];
  /** Hits per second, or 0 for as fast as 64 connections go. */
  rate: number;
}
interface LoadDone {
  sent: number[];
  failed: number;
}

/**
 * The load generator, as plain JavaScript run with `eval` in a worker thread (a worker cannot load
 * TypeScript through tsx on Node 20). Open-loop at `rate` hits/s, or 64 at a time for rate 0.
 */
const LOAD_WORKER = `
const http = require('node:http');
const { parentPort, workerData: job } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const now = () => performance.timeOrigin + performance.now();
/** For profiling one part: fewer missed events, or no live phase. The defaults are the benchmark. */
const MISSED = Number(process.env.BENCH_ALERT_MISSED ?? 100_000);
const LIVE = process.env.BENCH_ALERT_LIVE !== '0';
const UA = ${JSON.stringify(BROWSER_UA)};
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const sent = new Array(job.urls.length).fill(0);
let failed = 0, done = 0, next = 0;
const start = now();
function fire(i) {
  // Distinct documentation addresses: each hit looks like another reader's mail client.
  const ip = '203.0.113.' + ((i % 250) + 1);
  sent[i] = now();
  const req = http.get(job.urls[i], { agent, headers: { 'x-forwarded-for': ip, 'user-agent': UA, accept: 'image/*' } }, (res) => {
    res.resume();
    res.on('end', () => finish(res.statusCode !== 200));
  });
  req.on('error', () => finish(true));
}
function finish(bad) {
  if (bad) failed++;
  if (++done === job.urls.length) { agent.destroy(); parentPort.postMessage({ sent, failed }); }
  else if (job.rate === 0 && next < job.urls.length) fire(next++);
}
if (job.rate === 0) { while (next < Math.min(64, job.urls.length)) fire(next++); }
else {
  const tick = () => {
    const due = Math.min(job.urls.length, Math.floor(((now() - start) / 1000) * job.rate) + 1);
    while (next < due) fire(next++);
    if (next < job.urls.length) setTimeout(tick, 1);
  };
  tick();
}
`;

function load(job: LoadJob): Promise<LoadDone> {
  const worker = new Worker(LOAD_WORKER, { eval: true, workerData: job });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: LoadDone) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

// ---- The desktop with fake OS ports ------------------------------------------------------------
class BenchNotifier implements Notifier {
  readonly shown: Array<{ toast: ToastContent; at: number }> = [];
  show(toast: ToastContent): void {
    this.shown.push({ toast, at: now() });
  }
  doNotDisturb(): boolean {
    return false;
  }
}
const tray: TrayView = { render: () => {}, onAction: () => () => {} };
const window: MainWindow = { show: () => {}, isFocused: () => false, onFocus: () => () => {} };

interface BenchDesktop {
  desktop: Desktop;
  notifier: BenchNotifier;
  /** When each event (by id) was judged. */
  judged: Map<string, number>;
  processed: () => number;
  events: Map<string, TrackingEvent>;
}

function benchDesktop(dir: string, keep: boolean): BenchDesktop {
  const notifier = new BenchNotifier();
  const desktop = createNodeDesktop({
    dir,
    os: { notifier, tray, window, loginItems: { set: () => {} }, external: { open: async () => {} }, app: { quit: () => {} } },
  });
  const judged = new Map<string, number>();
  const events = new Map<string, TrackingEvent>();
  let processed = 0;
  desktop.subscribe((channel, payload) => {
    if (channel !== IpcPush.onActivity) return;
    const batch = payload as TrackingEvent[];
    processed += batch.length;
    if (!keep) return;
    for (const e of batch) events.set(e.id, e);
    // The policy runs in microtasks right after this push; setImmediate comes after all of them.
    setImmediate(() => {
      const at = now();
      for (const e of batch) judged.set(e.id, at);
    });
  });
  return { desktop, notifier, judged, processed: () => processed, events };
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`gave up waiting for ${what} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
const ms = (v: number) => `${v.toFixed(2)} ms`;

// ---- The run -----------------------------------------------------------------------------------
async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '..');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'inkling-alert-bench-'));
  const dataDir = path.join(work, 'server');
  fs.mkdirSync(dataDir);
  const server = await startInkling({
    root,
    dataDir,
    nodeFlags: [],
    env: { INKLING_TRUST_PROXY: '1', INKLING_SEND_GRACE_MS: '0', INKLING_RATE_LIMIT: '0' },
  });
  const api = async (route: string, body: unknown) => {
    const res = await fetch(server.url + route, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as RegisterMessageResponse;
  };
  /** Pixel URLs bound to one recipient each (perRecipient), so every hit is its own first open. */
  const pixels = async (count: number, tag: string): Promise<Array<{ url: string; email: string }>> => {
    const out: Array<{ url: string; email: string }> = [];
    for (let m = 0; out.length < count; m++) {
      const n = Math.min(500, count - out.length);
      const to = Array.from({ length: n }, (_, i) => ({ email: `r${i}-${tag}${m}@acme.example`, name: `Reader ${i}` }));
      const message = await api('/api/v1/messages', { subject: `Bench ${tag} ${m}`, to, html: '<p>Hello</p>', perRecipient: true });
      out.push(...message.bodies.map((b) => ({ url: b.pixelUrl!, email: b.recipient })));
    }
    return out;
  };

  const appDir = path.join(work, 'app');
  const lines: string[] = [];
  try {
    const live = benchDesktop(appDir, true);
    await live.desktop.start();
    const check = await live.desktop.invoke(IpcInvoke.connect, [{ url: server.url, token: server.token }]);
    if (!(check as { ok: boolean }).ok) throw new Error(`cannot connect: ${JSON.stringify(check)}`);
    // One event first, so the saved cursor is past the account's history (a first connection
    // never notifies history, and the catch-up below must not count as that).
    await load({ urls: (await pixels(1, 'warm-')).map((t) => t.url), rate: 0 });
    await until(() => live.judged.size === 1, 10_000, 'the first event');

    for (const [rate, seconds] of LIVE ? ([[100, 10], [2000, 5]] as const) : []) {
      const targets = await pixels(rate * seconds, `r${rate}-`);
      const toastsBefore = live.notifier.shown.length;
      live.judged.clear();
      live.events.clear();
      const { sent, failed } = await load({ urls: targets.map((t) => t.url), rate });
      await until(() => live.judged.size >= targets.length - failed, 30_000, `${targets.length} judged events`);
      // Every pixel is bound to one recipient, so the event's recipient names its hit.
      const sentByEmail = new Map(targets.map((t, k) => [t.email, sent[k]!]));
      const startOf = (e: TrackingEvent | undefined) => (e?.recipient ? sentByEmail.get(e.recipient.email) : undefined);
      const latencies: number[] = [];
      const recorded: number[] = [];
      const delivered: number[] = [];
      for (const [id, at] of live.judged) {
        const e = live.events.get(id);
        const start = startOf(e);
        if (start === undefined || !e) continue;
        latencies.push(at - start);
        recorded.push(Date.parse(e.at) - start);
        delivered.push(at - Date.parse(e.at));
      }
      const toastLatencies: number[] = [];
      for (const { toast, at } of live.notifier.shown.slice(toastsBefore)) {
        const start = startOf(live.events.get(toast.id.replace(/^event:/, '')));
        if (start !== undefined) toastLatencies.push(at - start);
      }
      const toasts = live.notifier.shown.length - toastsBefore;
      lines.push(
        `${rate} hits/s for ${seconds} s (${targets.length} hits, ${failed} failed): pixel request → judged p50 ${ms(quantile(latencies, 0.5))}, p99 ${ms(quantile(latencies, 0.99))}, max ${ms(Math.max(...latencies))} ` +
          `(request → event time on the server p50 ${ms(quantile(recorded, 0.5))}, p99 ${ms(quantile(recorded, 0.99))}; ` +
          `event time → judged p50 ${ms(quantile(delivered, 0.5))}, p99 ${ms(quantile(delivered, 0.99))}); ` +
          `${toasts} toasts (${toastLatencies.length} single: p50 ${ms(quantile(toastLatencies, 0.5))}), the rest in burst summaries`,
      );
      console.log(lines.at(-1));
      await new Promise((r) => setTimeout(r, 6000)); // let the burst window close before the next rate
    }
    await live.desktop.stop();
    if (MISSED > 0) await catchUp();
  } finally {
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  report(lines);

  async function catchUp(): Promise<void> {
    // 100,000 events while the app is away (5,000 readers, 20 opens each), then one start.
    const missedUrls = await pixels(Math.min(5000, MISSED), 'away-');
    const offline: string[] = [];
    for (let k = 0; offline.length < MISSED; k++) offline.push(...missedUrls.slice(0, MISSED - offline.length).map((t) => t.url));
    const t0 = now();
    const offlineLoad = await load({ urls: offline, rate: 0 });
    const recordSeconds = (now() - t0) / 1000;
    const back = benchDesktop(appDir, false);
    const cpu = process.cpuUsage();
    const started = now();
    await back.desktop.start();
    await until(() => back.processed() >= offline.length - offlineLoad.failed, 120_000, 'the catch-up');
    const caughtUp = now() - started;
    const used = process.cpuUsage(cpu);
    await new Promise((r) => setTimeout(r, 1000));
    lines.push(
      `${offline.length} events missed while offline (recorded in ${recordSeconds.toFixed(1)} s, ${offlineLoad.failed} failed): ` +
        `caught up in ${ms(caughtUp)} after start (desktop process CPU ${ms((used.user + used.system) / 1000)}), ` +
        `${back.notifier.shown.length} notification(s) shown` +
        (back.notifier.shown[0] ? `: “${back.notifier.shown[0].toast.title}” — ${back.notifier.shown[0].toast.body}` : ''),
    );
    console.log(lines.at(-1));
    await back.desktop.stop();
  }
}

function report(lines: string[]): void {
  console.log('\nInkling alert benchmark (real server child process on loopback, desktop services with a fake notifier)');
  for (const line of lines) console.log(`  ${line}`);
  console.log(`  machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`);
  console.log('  reproduce: npm run bench:alert');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
