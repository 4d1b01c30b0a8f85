import { configDefaults, defineConfig } from 'vitest/config';

/** Files that share a worker process; every other test file gets a process of its own. */
const SHARED = ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration files start real servers and child processes; two cores run two at a time.
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          // Pure code and the adapter contracts: they hold no state between files (nothing
          // happens at import time, every adapter is opened and closed by its suite), so one
          // worker process runs file after file instead of starting a process and importing
          // the same modules again for each of them.
          name: 'shared',
          include: SHARED,
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SHARED],
        },
      },
    ],
  },
});
