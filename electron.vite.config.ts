// Builds the three parts of the Electron app into out/: main (ESM, dependencies bundled), preload (CommonJS, because
// sandboxed preloads cannot be ES modules, with its dependencies bundled in), and the Svelte
// renderer with the same plugin setup as vite.renderer.config.ts.
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: path('./out/main'),
      // Bundled, so the packaged app ships no node_modules (see electron-builder.yml).
      externalizeDeps: false,
      rollupOptions: { input: { index: path('./src-main/app/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: path('./out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: path('./src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: path('./src-renderer'),
    base: './',
    plugins: [svelte()],
    build: {
      outDir: path('./out/renderer'),
      target: 'chrome120',
      rollupOptions: { input: { index: path('./src-renderer/index.html') } },
    },
  },
});
