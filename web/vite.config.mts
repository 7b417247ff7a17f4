import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

/**
 * The browser pages the hub serves (`/graphiql`, `/dashboard`, `/public`), built into dist/web with
 * every script, style, font and worker bundled: nothing is loaded from another host at run time.
 * `npm run build` (and so `npm install`, `npm ci`, `npm start`) runs this through web/build.mjs.
 */
export default defineConfig({
  root: here,
  base: '/',
  // web/public is the public portal's page, not Vite's folder of files copied verbatim.
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: resolve(here, '../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // GraphiQL's editor (Monaco) is large by nature; it is served from this machine.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      // GraphiQL's modules carry React-compiler directives that bundling drops harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        graphiql: resolve(here, 'graphiql/index.html'),
        dashboard: resolve(here, 'dashboard/index.html'),
        public: resolve(here, 'public/index.html'),
      },
    },
  },
  worker: { format: 'es' },
});
