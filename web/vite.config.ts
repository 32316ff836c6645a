import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web application; the server serves web/dist and the API on the same origin, so the dev server proxies /api.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
