import { defineConfig } from 'vitest/config';

// Browser tests: the production build (dist/) served by vite preview, driven in Debian's chromium.
// One file at a time: the machine has two cores and software WebGL is CPU-bound.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
