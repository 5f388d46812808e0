// `npm start`: a local tracking server, a local user created once, and the desktop app connected
// to both with no typing. Everything lives under ./data/local (git-ignored): the server's database,
// the user's token, and the app's own settings, apart from any installed copy of Inkling.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.INKLING_LOCAL_DIR ?? join(root, 'data', 'local'));
const serverData = join(dataDir, 'server');
const tokenFile = join(dataDir, 'user.json');
const port = process.env.INKLING_PORT ?? '7340';
const LocalUser = z.object({ id: z.string(), email: z.string(), name: z.string(), token: z.string() });
type LocalUser = z.infer<typeof LocalUser>;

/** Node with tsx's loader, run directly (not through npx) so a signal reaches the server itself. */
const TSX = ['--import', 'tsx'];
const say = (line: string) => console.log(`[start] ${line}`);
const serverEnv = { ...process.env, INKLING_DATA_DIR: serverData, INKLING_PORT: port, INKLING_HOST: '127.0.0.1' };

function createUser(): LocalUser {
  const result = spawnSync(
    process.execPath,
    [...TSX, 'src-server/main.ts', 'users', 'add', '--email', 'you@inkling.example', '--name', 'You', '--admin'],
    { cwd: root, env: serverEnv, encoding: 'utf8' },
  );
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  const user = LocalUser.safeParse(JSON.parse(last || 'null'));
  if (result.status !== 0 || !user.success) throw new Error(`could not create the local user:\n${result.stderr}`);
  writeFileSync(tokenFile, JSON.stringify(user.data), { mode: 0o600 });
  say(`created the local user ${user.data.email}; its token is kept in ${tokenFile}`);
  return user.data;
}

function savedUser(): LocalUser | null {
  if (!existsSync(tokenFile)) return null;
  const parsed = LocalUser.safeParse(JSON.parse(readFileSync(tokenFile, 'utf8')));
  return parsed.success ? parsed.data : null;
}

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...TSX, 'src-server/main.ts'], { cwd: root, env: serverEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolveStart, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolveStart({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (code ${code}) before listening`)));
  });
}

async function tokenWorks(url: string, token: string): Promise<boolean> {
  const res = await fetch(`${url}/api/v1/me/preferences`, { headers: { authorization: `Bearer ${token}` } });
  return res.ok;
}

/** The Electron binary, without the npm package's own fallback of downloading it. */
function electronBinary(): string | null {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * scripts/setup.sh installs without the binary on purpose (build machines cannot download it, and
 * npm runs no unapproved install scripts), so the first `npm start` on a desktop fetches it.
 */
function fetchElectron(): boolean {
  say('fetching the Electron binary (first run only)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, env, stdio: 'inherit' });
  return result.status === 0 && electronBinary() !== null;
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  let user = savedUser() ?? createUser();
  const server = await startServer();
  // Leave when the server has gone: an open keep-alive socket must not hold the script.
  const stopServer = (code: number) => {
    server.child.once('exit', () => process.exit(code));
    server.child.kill('SIGTERM');
  };
  process.once('SIGINT', () => stopServer(130));
  process.once('SIGTERM', () => stopServer(143));
  // A token from an older database (data/local/server removed) no longer works: make a new user.
  if (!(await tokenWorks(server.url, user.token))) user = createUser();
  say(`tracking server at ${server.url}, user ${user.email}`);

  if (!electronBinary() && !fetchElectron()) {
    console.error(
      '[start] The Electron binary is missing (node_modules/electron has no dist/) and could not be downloaded here,\n' +
        '[start] so the desktop app cannot start; the local tracking server is stopped again.\n' +
        '[start] On a machine with network access, `npm start` downloads it (node node_modules/electron/install.js).',
    );
    stopServer(1);
    return;
  }
  const app = spawn('npx', ['electron-vite', 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      INKLING_SERVER_URL: server.url,
      INKLING_TOKEN: user.token,
      INKLING_USER_DATA: join(dataDir, 'app'),
    },
  });
  app.once('exit', (code) => stopServer(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
