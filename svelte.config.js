// Svelte 5 in runes mode everywhere: components and *.svelte.ts state use $state/$derived/$effect.
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess({ script: false }),
  compilerOptions: { runes: true },
};
