import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by Ghee at /admin; `npm run dev -w admin` proxies the admin API to a running Ghee.
// The dashboard imports ../src/shared/ (types and rules the server shares): the build bundles it,
// and the dev server may read it because its default `server.fs.allow` is the npm workspace root.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/admin/api': { target: 'http://localhost:8080', changeOrigin: true } } },
});
