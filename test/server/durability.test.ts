// The server as a real process: the users CLI beside a running server, SIGKILL under load (every
// answered hit must be in the log after a restart), and SIGTERM (drain, flush, exit 0).
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPage, RegisterMessageResponse } from '../../src-shared/protocol';
import { api, hitAsPerson, registerMessage, tempDataDir } from '../support/server';

const ROOT = new URL('../../', import.meta.url).pathname;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function run(dataDir: string, args: string[]): ChildProcess {
  // One node process (no npx wrapper), so a signal reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, INKLING_DATA_DIR: dataDir, INKLING_PORT: '0', INKLING_TRUST_PROXY: '1', INKLING_SEND_GRACE_MS: '0', INKLING_LOG_LEVEL: 'warn', INKLING_RATE_LIMIT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

function output(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

async function cliAddUser(dataDir: string, email: string) {
  const { code, stdout, stderr } = await output(run(dataDir, ['users', 'add', '--email', email, '--name', 'Ann Sender']));
  expect(code, stderr).toBe(0);
  const last = stdout.trim().split('\n').at(-1)!;
  return JSON.parse(last) as { id: string; email: string; name: string; token: string };
}

async function startProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = run(dataDir, []);
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(text);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

describe('users CLI', () => {
  it('prints the user as JSON on the last line and works while the server runs', async () => {
    const dataDir = tempDataDir();
    const first = await cliAddUser(dataDir, 'Ann@Example.com');
    expect(first).toEqual({ id: expect.any(String), email: 'ann@example.com', name: 'Ann Sender', token: expect.any(String) });
    expect(Buffer.from(first.token, 'base64url').length).toBeGreaterThanOrEqual(32);
    const { child, url } = await startProcess(dataDir);
    const second = await cliAddUser(dataDir, 'bob@example.com');
    expect((await api({ url }, second.token, 'GET', '/api/v1/events')).status).toBe(200);
    expect((await api({ url }, first.token, 'GET', '/api/v1/events')).status).toBe(200);
    const dup = await output(run(dataDir, ['users', 'add', '--email', 'bob@example.com']));
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toMatch(/already exists/);
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
  });
});

describe('durability', () => {
  it('loses no answered hit when the process is SIGKILLed under load', async () => {
    const dataDir = tempDataDir();
    const user = await cliAddUser(dataDir, 'load@example.com');
    let server = await startProcess(dataDir);
    const messages: RegisterMessageResponse[] = [];
    for (let i = 0; i < 8; i++) messages.push(await registerMessage(server, user.token));
    const answered = new Map<string, number>(messages.map((m) => [m.id, 0]));
    let total = 0;
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const m = messages[(w + i) % messages.length]!;
        try {
          const res = await hitAsPerson(m.pixelUrl!);
          if (res.status === 200) {
            answered.set(m.id, answered.get(m.id)! + 1);
            total++;
          }
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const workers = Array.from({ length: 16 }, (_, w) => worker(w));
    while (total < 400) await new Promise((r) => setTimeout(r, 5));
    const dead = exited(server.child);
    server.child.kill('SIGKILL');
    await dead;
    stop = true;
    await Promise.all(workers);

    server = await startProcess(dataDir);
    const counts = new Map<string, number>();
    for (let after = 0; ; ) {
      const page = (await api<EventPage>(server, user.token, 'GET', `/api/v1/events?after=${after}&limit=1000`)).body;
      if (page.events.length === 0) break;
      for (const e of page.events) counts.set(e.messageId, (counts.get(e.messageId) ?? 0) + 1);
      after = page.cursor;
    }
    for (const [id, n] of answered) expect(counts.get(id) ?? 0, `message ${id}`).toBeGreaterThanOrEqual(n);
    expect(total).toBeGreaterThanOrEqual(400);
    server.child.kill('SIGTERM');
    await exited(server.child);
  });

  it('drains and flushes on SIGTERM, exiting 0 with every hit kept', async () => {
    const dataDir = tempDataDir();
    const user = await cliAddUser(dataDir, 'term@example.com');
    let server = await startProcess(dataDir);
    const m = await registerMessage(server, user.token);
    for (let i = 0; i < 10; i++) expect((await hitAsPerson(m.pixelUrl!)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toEqual({ code: 0, signal: null });
    server = await startProcess(dataDir);
    const page = (await api<EventPage>(server, user.token, 'GET', '/api/v1/events')).body;
    expect(page.events).toHaveLength(10);
    server.child.kill('SIGTERM');
    await exited(server.child);
  });
});
