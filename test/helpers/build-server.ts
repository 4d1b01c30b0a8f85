import { buildServer } from '../../scripts/build-server.mjs';

/**
 * Vitest's global setup: compiles the server before any file runs, so the suites that start
 * it as a process (`test/helpers/process.ts`, `bin/otpd.js`) run what `npm start` runs, built
 * from the source under test.
 */
export default async function setup(): Promise<void> {
  await buildServer();
}
