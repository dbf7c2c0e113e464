import {defineConfig} from 'vitest/config';
import react from '@vitejs/plugin-react';

// The gateway serves target/classes/static; `npm run dev` proxies /api to a running platform (PAAS_URL).
const platform = process.env.PAAS_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
    // Report sizes with gzip so the 200 kB budget can be read off the build output.
    reportCompressedSize: true,
    // No inline scripts or styles: the gateway's CSP allows 'self' only.
    assetsInlineLimit: 0,
    modulePreload: {polyfill: false},
  },
  server: {
    proxy: {
      '/api': {target: platform, changeOrigin: false},
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
