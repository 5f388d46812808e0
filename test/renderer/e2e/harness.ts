// What every end-to-end test of the window needs: the renderer built from source into a temp folder
// (so a clean clone works and no stale build is ever tested), the real server, the dev host with
// the real desktop services, and Debian's Chromium driven by playwright-core.
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDevHost, type DevHost } from '../../../src-main/dev-host/dev-host';
import { addTestUser, startTestServer, type TestServer, type TestUser } from '../../support/server';

export const ARTIFACTS = resolve('test-artifacts');

export async function buildRenderer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'inkling-renderer-'));
  await build({ configFile: resolve('vite.renderer.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Stack {
  server: TestServer;
  user: TestUser;
  host: DevHost;
  settingsDir: string;
  close(): Promise<void>;
  /** Takes the server away, as a network outage would. */
  stopServer(): Promise<void>;
}

/** The real server with one user, and the dev host connected to it as that user. */
export async function startStack(rendererDir: string, options: { connect?: boolean; settingsDir?: string } = {}): Promise<Stack> {
  const server = await startTestServer();
  const user = addTestUser(server, { name: 'Sam Sender' });
  const settingsDir = options.settingsDir ?? mkdtempSync(join(tmpdir(), 'inkling-desktop-'));
  const host = await startDevHost({
    settingsDir,
    rendererDir,
    credentials: options.connect === false ? undefined : { url: server.url, token: user.token },
  });
  if (host.connected && !host.connected.ok) throw new Error(`dev host could not connect: ${host.connected.error}`);
  let serverClosed = false;
  return {
    server,
    user,
    host,
    settingsDir,
    async close() {
      await host.close();
      if (!serverClosed) await server.close();
    },
    async stopServer() {
      serverClosed = true;
      await server.close();
    },
  };
}

/** Collects console errors and CSP violations, which a test asserts are absent. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}
