// The single place that touches window.inkling: the preload (Electron) or the dev host's shim
// (plain Chromium) defines it before the app starts. Everything else imports `bridge()`.
import type { InklingApi } from '../../src-shared/ipc';

declare global {
  interface Window {
    inkling?: InklingApi;
  }
}

export function bridge(): InklingApi {
  const api = window.inkling;
  if (!api) {
    throw new Error('window.inkling is missing: the window was opened without the Inkling preload or dev host.');
  }
  return api;
}

export function hasBridge(): boolean {
  return window.inkling !== undefined;
}

/** Errors cross IPC as plain messages; show the message, not "Error invoking remote method". */
export function errorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  return raw.replace(/^Error invoking remote method '[^']+': (Error: )?/, '');
}
