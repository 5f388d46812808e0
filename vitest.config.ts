// Two projects: everything runs in Node (server, main process, renderer logic and the real-Chromium
// end-to-end tests), except Svelte component tests (*.dom.test.ts), which mount in jsdom with the
// browser build of svelte.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

const shared = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  plugins: [svelte()],
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.dom.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          ...shared,
          name: 'dom',
          include: ['test/**/*.dom.test.ts'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
