// The ceiling: nginx (Debian's nginx-light) serving the same 43-byte GIF with the same no-store
// header from a static file, one worker (the Inkling server is one Node process), no access log.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childPids, freeLoopbackPort, waitForPort } from './ingest-process';

export const NGINX_BIN = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

export interface StaticGif {
  url: string;
  /** The master and its worker. */
  pids(): number[];
  stop(): Promise<void>;
}

/** Serves `gif` (the bytes the Inkling server answers) with the same Cache-Control header. */
export async function startNginx(dir: string, gif: Buffer, cacheControl: string): Promise<StaticGif> {
  const port = await freeLoopbackPort();
  fs.mkdirSync(path.join(dir, 'www'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'www', 'pixel.gif'), gif, { mode: 0o644 });
  // nginx's worker drops root for an unprivileged user: let it reach the file through the
  // private temp folders above it.
  const under = os.tmpdir() + path.sep;
  for (let d = path.join(dir, 'www'); d.startsWith(under); d = path.dirname(d)) fs.chmodSync(d, 0o755);
  const conf = `
daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp-body;
  proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fastcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi;
  scgi_temp_path ${dir}/tmp-scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    location /p/ {
      default_type image/gif;
      add_header Cache-Control "${cacheControl}";
      try_files /pixel.gif =404;
    }
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const child: ChildProcess = spawn(NGINX_BIN, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, 10_000, () => child.exitCode !== null);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`nginx did not start: ${(err as Error).message}\n${stderr}`);
  }
  return {
    url: `http://127.0.0.1:${port}/p/static.gif`,
    pids: () => (child.pid ? [child.pid, ...childPids(child.pid)] : []),
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT'); // graceful stop of master and worker
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
