// Ambient types for the renderer build: Vite's asset imports (app.css) and *.svelte modules for tsc
// (svelte-check replaces the latter with each component's real types).
/// <reference types="vite/client" />
/// <reference types="svelte" />
