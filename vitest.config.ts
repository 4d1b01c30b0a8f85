import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files that start otpd or other programs as child processes, the browser suites, and files
 * that mock a module: each runs in a worker process of its own, as every file used to.
 */
const OWN_PROCESS = [
  'src/**/*.browser.test.ts',
  'packages/*/test/**/*.test.ts',
  'src/cli/test/*.test.ts',
  'test/system/{cluster,compiled-server,crash,data-dir,openapi-document,postgres-server,process,tls}.test.ts',
  'src/**/test/{cluster-*,delivery-fairness,dispatch-lease,webhook-fairness}.test.ts',
  'src/**/test/{limits-redis,metrics,outbound-guard}.test.ts',
  // Mocks a library module: in a shared worker the mock would reach other files' imports.
  'src/kernel/test/phone-facts.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/build-server.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: on two cores, one file at a time.
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          // Unit, contract and in-process integration files share one worker process instead
          // of starting a process and importing the app again for each file, which cost more
          // than most of these files' tests. Safe because nothing happens at import time (no
          // module reads the environment or holds a connection), none of these files mocks a
          // module or changes process-wide settings, and each closes what it opens.
          name: 'shared',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...OWN_PROCESS],
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'isolated', include: OWN_PROCESS },
      },
    ],
  },
});
