import { defineConfig } from 'vitest/config';

/** End-to-end specs: real pages in Debian's Chromium through the test harness (and Electron where present). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
