// `npx tsx src-main/dev-host/main.ts`: the desktop app's main process in plain Node, with the built
// renderer served to a browser on loopback. Configure with flags or environment:
//   --server / INKLING_SERVER_URL   tracking server to connect to at start (optional)
//   --token  / INKLING_TOKEN        its API token (optional; the window's connect form works too)
//   --settings / INKLING_DEV_SETTINGS_DIR  settings folder (default ./data/dev-host)
//   --port / INKLING_DEV_PORT       HTTP port (default 7341; 0 picks a free one)
//   --renderer / INKLING_RENDERER_DIR  built renderer (default ./out/renderer; npm run build:renderer)
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ServerCredentials } from '../../src-shared/ipc';
import { startDevHost } from './dev-host';

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    token: { type: 'string' },
    settings: { type: 'string' },
    port: { type: 'string' },
    renderer: { type: 'string' },
  },
});
const env = process.env;
const server = values.server ?? env.INKLING_SERVER_URL;
const token = values.token ?? env.INKLING_TOKEN;
const rendererDir = resolve(values.renderer ?? env.INKLING_RENDERER_DIR ?? 'out/renderer');
const port = Number(values.port ?? env.INKLING_DEV_PORT ?? 7341);

if (!existsSync(resolve(rendererDir, 'index.html'))) {
  console.error(`No built renderer in ${rendererDir}: run \`npm run build:renderer\` first.`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be 0-65535, got ${port}`);
  process.exit(1);
}
let credentials: ServerCredentials | undefined;
if (server || token) {
  const parsed = ServerCredentials.safeParse({ url: server, token });
  if (!parsed.success) {
    console.error(`--server and --token must both be given and valid: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    process.exit(1);
  }
  credentials = parsed.data;
}

const host = await startDevHost({
  settingsDir: resolve(values.settings ?? env.INKLING_DEV_SETTINGS_DIR ?? 'data/dev-host'),
  rendererDir,
  port,
  credentials,
  log: (line) => console.log(line),
  onQuit: () => void shutdown(),
});
if (host.connected && !host.connected.ok) console.error(`Could not connect: ${host.connected.error}`);
console.log(`Inkling dev host: open ${host.url} in Chromium`);

async function shutdown(): Promise<void> {
  await host.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
