/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const backend = process.env.GUICHET_BACKEND_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // Keep every script external: production applies `script-src 'self'`.
    assetsInlineLimit: 0,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // React changes less often than our code: its own chunk stays cached across releases.
        // Other libraries are split by route with the pages that use them (a single "vendor" or
        // "mantine" chunk would make the login page load the admin's and the queue's libraries).
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    // Two cores shared with the backend build: Mantine pages can take seconds to render.
    testTimeout: 30_000,
  },
});
