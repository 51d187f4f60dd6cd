/**
 * Builds the dashboard (web/index.html + web/src) into web/dist, a static folder the API server serves
 * at `/`. `npm run build:web` runs this; `npx vite --config web/vite.config.ts` serves it for
 * development, proxying /api to ALPHAPULSE_API (default http://127.0.0.1:3000).
 */
import { defineConfig } from 'vite';

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);
declare const process: { env: Record<string, string | undefined> };

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: process.env.ALPHAPULSE_API ?? 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
});
