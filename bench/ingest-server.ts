// The real Inkling server as a child process on a free loopback port with a fresh data folder,
// driven only from outside: the users CLI, the HTTP API, the pixel URLs it hands out.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ServerUnderTest {
  url: string;
  token: string;
  pid: number;
  /** Registers a tracked message and returns its pixel URL and id. */
  register(subject: string): Promise<{ id: string; pixelUrl: string }>;
  /** Every event of the message, read through GET /api/v1/events paging. */
  eventsOf(messageId: string): Promise<{ total: number; bySource: Record<string, number> }>;
  /** One GET, for the GIF bytes and headers (an unknown token records nothing). */
  fetchRaw(url: string): Promise<{ body: Buffer; cacheControl: string }>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  root: string;
  dataDir: string;
  /** Extra node flags for the server process, e.g. --cpu-prof. */
  nodeFlags: string[];
  env: Record<string, string>;
}

export async function startInkling(opts: ServerOptions): Promise<ServerUnderTest> {
  const env = {
    ...process.env,
    INKLING_HOST: '127.0.0.1',
    INKLING_PORT: '0',
    INKLING_DATA_DIR: opts.dataDir,
    INKLING_LOG_LEVEL: 'warn',
    ...opts.env,
  };
  // The operator command, exactly as the README has it (it works beside a running server too).
  const cli = spawnSync('npx', ['tsx', 'src-server/main.ts', 'users', 'add', '--email', 'bench@inkling.example', '--name', 'Bench'], {
    cwd: opts.root, env, encoding: 'utf8', timeout: 60_000,
  });
  const lastLine = cli.stdout.trim().split('\n').pop() ?? '';
  if (cli.status !== 0) throw new Error(`users add failed (${cli.status}): ${cli.stderr}`);
  const { token } = JSON.parse(lastLine) as { token: string };

  const child: ChildProcess = spawn(process.execPath, [...opts.nodeFlags, '--import', 'tsx', 'src-server/main.ts'], {
    cwd: opts.root, env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = fs.createWriteStream(path.join(opts.dataDir, 'server.log'));
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s; see ${opts.dataDir}/server.log`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}; see ${opts.dataDir}/server.log`)));
  });
  child.stdout?.resume();

  const apiCall = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(url + route, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
    return JSON.parse(text) as unknown;
  };

  return {
    url,
    token,
    pid: child.pid ?? 0,
    async register(subject) {
      const res = (await apiCall('POST', '/api/v1/messages', {
        subject,
        to: [{ email: 'jane@acme.example', name: 'Jane Doe', legalBasis: true }],
        html: '<p>Hello Jane, see <a href="https://acme.example/pricing">our pricing</a>.</p>',
        track: { opens: true, clicks: true },
      })) as { id: string; pixelUrl: string | null };
      if (!res.pixelUrl) throw new Error('the server handed out no pixel URL');
      return { id: res.id, pixelUrl: res.pixelUrl };
    },
    async eventsOf(messageId) {
      const bySource: Record<string, number> = {};
      let total = 0;
      let after = 0;
      // Bounded: at most 10,000 pages of 1,000 events.
      for (let page = 0; page < 10_000; page++) {
        const res = (await apiCall('GET', `/api/v1/events?after=${after}&limit=1000`)) as {
          events: { messageId: string; source: string; seq: number }[];
          cursor: number;
        };
        for (const event of res.events) {
          if (event.messageId !== messageId) continue;
          total++;
          bySource[event.source] = (bySource[event.source] ?? 0) + 1;
        }
        if (res.events.length === 0 || res.cursor === after) break;
        after = res.cursor;
      }
      return { total, bySource };
    },
    async fetchRaw(target) {
      const res = await fetch(target);
      return { body: Buffer.from(await res.arrayBuffer()), cacheControl: res.headers.get('cache-control') ?? '' };
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM'); // graceful: flushes the write queue
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      log.end();
    },
  };
}
