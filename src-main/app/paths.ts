// Where the built pieces live: electron-vite puts main, preload and renderer side by side under
// out/, and electron-builder copies resources/ next to the app (extraResources).
import { app } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export function rendererUrl(): string {
  // electron-vite dev serves the renderer and names it here; a build loads the file.
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href;
}

/** The preload is CommonJS: sandboxed preloads cannot be ES modules. */
export function preloadPath(): string {
  return join(here, '../preload/index.cjs');
}

export function resourcesPath(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
}
