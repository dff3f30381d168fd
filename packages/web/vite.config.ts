/**
 * Vite build of the web app; the server serves ./dist at `/`. In development (`npm run dev -w
 * @sangfroid/web`) the API is proxied to a running `npm start` (SANGFROID_API, default :3000).
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: {
    proxy: { '/api': { target: process.env.SANGFROID_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
