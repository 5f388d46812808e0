// Serves the built renderer on loopback and carries the desktop's invoke/subscribe over socket.io,
// the way Electron carries them over IPC. index.html gets two script tags (the socket.io client and
// the bridge shim), both files from this origin, so the page's CSP stays as strict as in Electron.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Desktop } from '../services/desktop';
import type { InvokeReply } from './browser-bridge';
import { browserBridgeScript } from './browser-bridge-script';

export interface HostOptions {
  desktop: Desktop;
  rendererDir: string;
  host?: string;
  port?: number;
}

export interface RunningHost {
  url: string;
  close(): Promise<void>;
}

const BRIDGE_PATH = '/inkling-dev-bridge.js';
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function startHost({ desktop, rendererDir, host = '127.0.0.1', port = 0 }: HostOptions): Promise<RunningHost> {
  const bridge = await browserBridgeScript();
  const index = injectBridge(await readFile(join(rendererDir, 'index.html'), 'utf8'));
  const http = createServer((req, res) => void serve(req, res, rendererDir, index, bridge));
  let origin = '';
  // A web page elsewhere could open a WebSocket to loopback (CORS does not cover WebSockets), so
  // only this host's own page may use the bridge.
  const io = new Server(http, {
    serveClient: true,
    allowRequest: (req, callback) => callback(null, req.headers.origin === origin),
  });
  const unsubscribe = desktop.subscribe((channel, payload) => io.emit('push', channel, payload));
  io.on('connection', (socket) => {
    socket.on('invoke', (channel: unknown, args: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = (answer: InvokeReply) => (ack as (answer: InvokeReply) => void)(answer);
      if (typeof channel !== 'string' || !Array.isArray(args)) return reply({ ok: false, error: 'malformed call' });
      desktop.invoke(channel, args).then(
        (value) => reply({ ok: true, value }),
        (error: unknown) => reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    });
  });

  await new Promise<void>((resolve) => http.listen(port, host, resolve));
  const address = http.address() as AddressInfo;
  origin = `http://${host}:${address.port}`;
  return {
    url: `${origin}/`,
    async close() {
      unsubscribe();
      await io.close();
      http.closeAllConnections();
    },
  };
}

/**
 * Puts the socket.io client and the shim before the app's module script (Vite moves it into the
 * head), after the CSP meta. defer: fetched in parallel, run in document order, before the app.
 */
function injectBridge(html: string): string {
  const at = html.indexOf('<script');
  if (at < 0 || at > html.indexOf('</head>')) throw new Error('the renderer index.html has no script in its head');
  const tags = `<script defer src="/socket.io/socket.io.min.js"></script>\n    <script defer src="${BRIDGE_PATH}"></script>\n    `;
  return html.slice(0, at) + tags + html.slice(at);
}

async function serve(req: IncomingMessage, res: ServerResponse, root: string, index: string, bridge: string): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
  if (path === '/' || path === '/index.html') return send(res, 200, types['.html']!, index);
  if (path === BRIDGE_PATH) return send(res, 200, types['.js']!, bridge);
  const file = normalize(join(root, path));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return send(res, 404, 'text/plain', 'not found');
  try {
    const body = await readFile(file);
    send(res, 200, types[extname(file)] ?? 'application/octet-stream', body);
  } catch {
    send(res, 404, 'text/plain', 'not found');
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}
