import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Integration files start real servers and child processes, and spend most of their time
    // waiting on them: two cores run two files at a time. (Vitest's default is one fewer than
    // the cores, which is one file at a time here.)
    maxWorkers: 2,
    // Test files share worker processes: starting a process and importing the app again for
    // every file cost more than most files' tests. Sharing is safe because nothing happens
    // at import time (no module reads the environment or holds a connection), no test file
    // mocks a module or changes process-wide settings, and every file closes what it opens.
    isolate: false,
  },
});
