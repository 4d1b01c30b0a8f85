import { measure, type ScenarioResult } from '../measure.ts';
import { otpdWorkload } from '../workloads.ts';
import { apiKeyOf, type BenchContext, measureOptions, startOtpd } from './context.ts';

/**
 * A fresh embedded otpd whose files are seeded with `--seed-rows` past verifications of its
 * app before it starts its background workers (bench/seed.ts), then loaded like the empty
 * one; its RSS is read at the end.
 */
export async function runMillion(
  context: BenchContext,
): Promise<{ result: ScenarioResult; rssBytes: number; seedSeconds: number }> {
  const rows = context.options.seedRows;
  // Start-up includes the seeding: allow a generous second per 2,000 rows.
  const startTimeout = 60 + Math.ceil(rows / 2_000);
  const server = await startOtpd(
    context,
    'million',
    { BENCH_SEED_ROWS: String(rows) },
    startTimeout,
  );
  try {
    const seedSeconds = server.ready.seedSeconds;
    if (seedSeconds === undefined) throw new Error('embedded otpd did not seed its files');
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
