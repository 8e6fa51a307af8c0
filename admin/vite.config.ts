import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by Ghee at /admin; `npm run dev -w admin` proxies the admin API to a running Ghee.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/admin/api': { target: 'http://localhost:8080', changeOrigin: true } } },
});
