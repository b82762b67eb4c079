import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: more parallel files than that only adds contention on SQLite files and PostgreSQL.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One Chromium at a time: each test file starts its own server and browser.
          fileParallelism: false,
          // The cores are shared with other work, so a journey step may once miss a render by a hair; a real
          // failure fails again on its retry and is reported as such, a timing slip gets one more try.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
