import { spawnSync } from 'node:child_process';

/**
 * `promtool check metrics` over a scrape: its findings, empty when there are none. Fails
 * (never skips) when promtool is missing: .ci/run installs it from Debian's `prometheus`.
 */
export function promtoolFindings(scrape: string): string {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: scrape, encoding: 'utf8' });
  if (run.error) {
    throw new Error(
      `promtool is needed (${run.error.message}): .ci/run installs it from Debian's prometheus package`,
    );
  }
  return `${run.stdout}${run.stderr}`.trim() + (run.status === 0 ? '' : `\n(exit ${run.status})`);
}
