import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// base './' so the built folder works from any path on an intranet web server (or a file share behind one).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'data/**/*.test.ts', 'geo/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
