import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  // No React plugin: esbuild's automatic JSX runtime is all the SPA needs (no Fast Refresh in dev).
  esbuild: { jsx: 'automatic' },
  build: {
    outDir,
    emptyOutDir: true,
    // MapLibre and ECharts are split into their own lazy chunks; they are big by nature.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // React libraries mark modules "use client" for server components; a client-only bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
