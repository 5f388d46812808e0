// npm run bench:ingest — loads the pixel endpoint of the real server on loopback, checks that
// every answered hit is in the event log, and prints hits/s, p50/p99 latency and server CPU per
// hit next to nginx serving the same 43-byte GIF from a file (the ceiling), with the ratios.
// Runs per target: warm-up; a steady RATE/s (paced, open loop); RATE/s with autocannon's own rate
// limit ("ac": bursts at each second, see ingest-paced.ts); flat out with autocannon.
//
// Knobs (environment): BENCH_SECONDS (default 10) per run, BENCH_RATE (2000) for the fixed-rate
// run, BENCH_CONNECTIONS (50), BENCH_PROFILE=1 writes a V8 CPU profile of the server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLoad, type LoadResult } from './ingest-load';
import { runPaced } from './ingest-paced';
import { startNginx, type StaticGif } from './ingest-nginx';
import { cpuMillis } from './ingest-process';
import { startInkling, type ServerUnderTest } from './ingest-server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PROFILE = process.env.BENCH_PROFILE === '1';
const WARMUP = 3000;

// A person's mail client behind the reverse proxy: the classifier takes its full human path.
const HEADERS = {
  'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  accept: 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8',
  'accept-language': 'en-US,en;q=0.9',
  'x-forwarded-for': '203.0.113.7',
};

interface Row {
  target: string;
  mode: string;
  load: LoadResult;
  /** Server CPU time per answered hit, microseconds. */
  cpuPerHit: number | null;
  stored?: { total: number; bySource: Record<string, number> };
}

const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inkling-bench-'));
let server: ServerUnderTest | null = null;
let nginx: StaticGif | null = null;

async function cleanup(): Promise<void> {
  await Promise.allSettled([server?.stop(), nginx?.stop()]);
  server = null;
  nginx = null;
  if (!PROFILE) fs.rmSync(tmp, { recursive: true, force: true });
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => void cleanup().then(() => process.exit(code)));
}

type Mode = { name: string; amount: number; rate?: number; paced?: boolean };

async function measured(pids: number[], url: string, mode: Mode): Promise<{ load: LoadResult; cpuPerHit: number | null }> {
  const before = cpuMillis(pids);
  const load = mode.paced && mode.rate
    ? await runPaced({ url, amount: mode.amount, rate: mode.rate, headers: HEADERS })
    : await runLoad({ url, amount: mode.amount, connections: CONNECTIONS, rate: mode.rate, headers: HEADERS });
  const after = cpuMillis(pids);
  return { load, cpuPerHit: before === null || after === null ? null : ((after - before) * 1000) / Math.max(1, load.ok) };
}

async function inklingRun(s: ServerUnderTest, mode: Mode): Promise<Row> {
  const message = await s.register(`bench ${mode.name}`);
  const { load, cpuPerHit } = await measured([s.pid], message.pixelUrl, mode);
  // Each answered hit was durable before its answer; read them back through the API.
  return { target: 'inkling', mode: mode.name, load, cpuPerHit, stored: await s.eventsOf(message.id) };
}

async function nginxRun(n: StaticGif, mode: Mode): Promise<Row> {
  return { target: 'nginx', mode: mode.name, ...(await measured(n.pids(), n.url, mode)) };
}

function print(rows: Row[]): boolean {
  const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '-');
  console.log('\ntarget   mode         hits/s    p50 ms   p99 ms   max ms  CPU us/hit   answered  failed  stored   by source');
  let durable = true;
  for (const { target, mode, load, stored, cpuPerHit } of rows) {
    const failed = load.non2xx + load.errors;
    const ok = stored === undefined || (stored.total === load.ok && failed === 0);
    durable &&= ok;
    const sources = stored ? Object.entries(stored.bySource).map(([k, v]) => `${k}:${v}`).join(' ') : '';
    console.log(
      `${target.padEnd(8)} ${mode.padEnd(11)} ${f(load.hitsPerSecond, 0).padStart(7)} ${f(load.p50).padStart(8)} ${f(load.p99).padStart(8)} ` +
        `${f(load.max).padStart(8)} ${f(cpuPerHit ?? NaN, 0).padStart(11)} ${String(load.ok).padStart(10)} ${String(failed).padStart(7)}  ${stored ? String(stored.total).padEnd(7) : '-'.padEnd(7)}  ${sources}${ok ? '' : '  MISMATCH'}`,
    );
  }
  return durable;
}

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = path.join(tmp, 'data');
  fs.mkdirSync(dataDir);
  const nodeFlags = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(tmp, 'profile')}`] : [];
  server = await startInkling({ root, dataDir, nodeFlags, env: { INKLING_TRUST_PROXY: '1', INKLING_SEND_GRACE_MS: '0', INKLING_RATE_LIMIT: '0' } });
  const gif = await server.fetchRaw(`${server.url}/p/not-a-token.gif`);
  nginx = await startNginx(path.join(tmp, 'nginx'), gif.body, gif.cacheControl);
  console.log(`inkling ${server.url}, nginx ${nginx.url}, GIF ${gif.body.length} bytes, ${CONNECTIONS} connections, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  const rows: Row[] = [];
  const paced: Mode = { name: `${RATE}/s`, amount: RATE * SECONDS, rate: RATE, paced: true };
  const bursty: Mode = { name: `${RATE}/s ac`, amount: RATE * SECONDS, rate: RATE };
  for (const target of ['inkling', 'nginx'] as const) {
    const run = (mode: Mode) => (target === 'inkling' ? inklingRun(server!, mode) : nginxRun(nginx!, mode));
    // Warm-up (JIT, SQLite page cache); the best rate seen so far sizes the flat-out run to ~SECONDS.
    const before = [await run({ name: 'warm-up', amount: WARMUP }), await run(paced), await run(bursty)];
    const best = Math.max(...before.map((r) => r.load.hitsPerSecond));
    rows.push(...before, await run({ name: 'max', amount: Math.round(Math.max(RATE, best) * SECONDS) }));
  }

  const durable = print(rows);
  const byMode = (target: string, mode: string) => rows.find((r) => r.target === target && r.mode === mode)?.load;
  const [iMax, nMax, iRate, nRate] = [byMode('inkling', 'max'), byMode('nginx', 'max'), byMode('inkling', paced.name), byMode('nginx', paced.name)];
  if (iMax && nMax) console.log(`\nthroughput ratio inkling/nginx at max: ${(iMax.hitsPerSecond / nMax.hitsPerSecond).toFixed(3)}`);
  const cpu = (target: string) => rows.find((r) => r.target === target && r.mode === 'max')?.cpuPerHit ?? null;
  const [iCpu, nCpu] = [cpu('inkling'), cpu('nginx')];
  if (iCpu !== null && nCpu !== null) {
    console.log(`server CPU per hit at max: inkling ${iCpu.toFixed(0)} us, nginx ${nCpu.toFixed(0)} us (ratio ${(nCpu / iCpu).toFixed(3)}); one core's ceiling for inkling: ~${(1e6 / iCpu).toFixed(0)} hits/s`);
  }
  if (iRate && nRate) console.log(`p99 at a steady ${RATE}/s: inkling ${iRate.p99.toFixed(2)} ms, nginx ${nRate.p99.toFixed(2)} ms (ratio ${(iRate.p99 / nRate.p99).toFixed(1)}x); target < 10 ms`);
  console.log(durable ? 'durability: every answered hit is in the event log' : 'durability: MISMATCH between answers and stored events');
  if (PROFILE) console.log(`CPU profile of the server: ${path.join(tmp, 'profile')} (open in Chrome DevTools)`);
  console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s; reproduce: BENCH_SECONDS=${SECONDS} BENCH_RATE=${RATE} BENCH_CONNECTIONS=${CONNECTIONS} npm run bench:ingest`);
  process.exitCode = durable ? 0 : 1;
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
