import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit tests come in two projects: `unit` (the fast default loop, `npm run test:unit`, ≤ 30 s) and `golden`
// (`npm run test:golden`: the tests that rebuild boundary or data files and compare them with the committed ones,
// minutes on a 2-core machine). `npm test` and CI run both.
const GOLDEN = ['**/*.golden.test.ts'];
const ALL = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'data/**/*.test.ts', 'geo/**/*.test.ts'];

// base './' so the built folder works from any path on an intranet web server (or a file share behind one).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
  // Module workers, so the import worker can split: the PDF and Word readers (pdfjs, jszip, xmldom) are chunks it
  // loads only when such a file is opened (an iife worker would inline them into every import).
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ALL,
          exclude: GOLDEN,
          environment: 'node',
          // Threads, and modules shared by the files of a worker instead of re-imported for each of 57 files:
          // 44 s → 15 s on the 2-core machine (import time 11 s → 4 s). Tests therefore keep no state in modules:
          // the store comes through context (test-utils/render.tsx) and setup.ts cleans the DOM after each test.
          pool: 'threads',
          isolate: false,
          setupFiles: ['src/test-utils/setup.ts'],
        },
      },
      { extends: true, test: { name: 'golden', include: GOLDEN, environment: 'node' } },
    ],
  },
});
