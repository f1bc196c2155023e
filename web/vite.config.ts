/**
 * The dashboard's build: `npm run build:web` (`vite build web`) from the repository root writes web/dist,
 * which the server serves at `/`. In development (`npx vite web`) the API is proxied to a running `start`.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const service = process.env.FLIGHT_RECORDER_DEV_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: service, changeOrigin: false },
      '/healthz': { target: service, changeOrigin: false },
      '/ws': { target: service, ws: true, changeOrigin: false },
    },
  },
});
