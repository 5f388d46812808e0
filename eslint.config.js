// Lint rules, chiefly the dependency table of shared/ARCHITECTURE.md: each folder may import only
// what its runtime has. The Electron binary cannot run on the build machines, so 'electron' stays
// inside src-main/adapters/electron, src-main/app and src-main/preload.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const electron = { group: ['electron', 'electron/*', 'electron-store'], message: 'electron stays in src-main/adapters/electron and src-main/app.' };
const node = { group: ['node:*'], message: 'this folder runs without Node built-ins.' };
const server = { group: ['**/src-server/**'], message: 'talk to the server over the network.' };
const main = { group: ['**/src-main/**'], message: 'this folder must not reach into the main process.' };
const renderer = { group: ['**/src-renderer/**'], message: 'the renderer is its own program.' };
const adapters = { group: ['**/adapters/**'], message: 'depend on ports, not adapters.' };
const services = { group: ['**/services/**'], message: 'adapters do not call services.' };
const electronApp = { group: ['**/adapters/electron/**', '**/src-main/app/**'], message: 'tests never load electron.' };

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'data/', 'test-artifacts/', '.svelte-kit/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src-shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\./|\\.\\./src-shared/).*', message: 'src-shared imports nothing but zod.' }] }] },
  },
  { files: ['src-server/**'], rules: restrict(electron, main, renderer) },
  { files: ['src-main/core/**'], rules: restrict(electron, node, adapters, services, server, renderer) },
  { files: ['src-main/services/**', 'src-main/ports.ts'], rules: restrict(electron, adapters, server, renderer) },
  { files: ['src-main/adapters/node/**'], rules: restrict(electron, services, server, renderer) },
  { files: ['src-main/adapters/electron/**'], rules: restrict(services, server, renderer) },
  { files: ['src-main/app/**', 'src-main/preload/**'], rules: restrict(server, renderer) },
  // The dev host composes the real services with Node adapters and fake OS ports, so the built
  // renderer runs in a plain Chromium; it is the app's composition root without Electron.
  { files: ['src-main/dev-host/**'], rules: restrict(electron, electronApp, server, renderer) },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(electron, node, main, server),
  },
  { files: ['test/**', 'bench/**'], rules: restrict(electron, electronApp) },
);
