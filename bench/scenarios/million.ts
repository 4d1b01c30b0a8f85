import { fork } from 'node:child_process';
import { join } from 'node:path';
import { measure, type ScenarioResult } from '../measure.ts';
import type { SeededFile } from '../seed.ts';
import { ROOT } from '../server-child.ts';
import { otpdWorkload } from '../workloads.ts';
import { apiKeyOf, type BenchContext, measureOptions, startOtpd } from './context.ts';

/** Forks bench/seed-process.ts for one file and waits for it to finish. */
function seed(kind: SeededFile, file: string, appId: string, rows: number): Promise<void> {
  const child = fork(join(ROOT, 'bench', 'seed-process.ts'), [kind, file, appId, String(rows)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`seeding ${kind} exited with ${code}`)),
    );
  });
}

/**
 * A fresh embedded otpd whose files are first seeded with `--seed-rows` past verifications
 * of its app (both files at once, by processes of their own), then loaded like the empty
 * one; its RSS is read at the end.
 */
export async function runMillion(
  context: BenchContext,
): Promise<{ result: ScenarioResult; rssBytes: number; seedSeconds: number }> {
  const server = await startOtpd(context, 'million');
  try {
    const { files, appId } = server.ready;
    if (!files || !appId) throw new Error('embedded otpd sent no files to seed');
    const rows = context.options.seedRows;
    const started = performance.now();
    await Promise.all([
      seed('store', files.store, appId, rows),
      seed('message-log', files.messageLog, appId, rows),
    ]);
    const seedSeconds = (performance.now() - started) / 1000;
    const apiKey = apiKeyOf(server);
    const result = await measure(
      [{ server, make: () => otpdWorkload(server.ready.url, apiKey, 'embedded') }],
      { ...measureOptions(context), profileFiles: [context.profileOf('million')] },
    );
    const memory = await server.ask<{ rss: number }>({ type: 'memory' }, 'memory');
    return {
      result: {
        ...result,
        name: 'otpd 1M',
        description: `${result.description}, ${rows.toLocaleString('en')} verifications stored first`,
      },
      rssBytes: memory.rss,
      seedSeconds,
    };
  } finally {
    await server.stop();
  }
}
