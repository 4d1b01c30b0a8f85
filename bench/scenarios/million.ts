import { measure, type ScenarioResult } from '../measure.ts';
import type { ServerChild } from '../server-child.ts';
import { otpdWorkload } from '../workloads.ts';
import { apiKeyOf, type BenchContext, measureOptions, startOtpd } from './context.ts';

export interface MillionFigures {
  /** The seeded otpd under full load. */
  result: ScenarioResult;
  /** Its empty twin, measured for half the duration right before and right after it. */
  emptyBefore: ScenarioResult;
  emptyAfter: ScenarioResult;
  /** The twin's mean request rate over both windows: the empty store's. */
  emptyRate: number;
  rssBytes: number;
  seedSeconds: number;
}

/**
 * A fresh embedded otpd whose files are seeded with `--seed-rows` past verifications of its
 * app before it starts its background workers (bench/seed.ts), then loaded like the empty
 * one; its RSS is read right after its load. Beside it runs a fresh empty twin, loaded for
 * half the duration right before the seeded one and again right after: a shared machine's
 * speed drifts over minutes, and the mean of two windows either side of the seeded one
 * cancels a steady drift, where the `embedded` scenario's rate, minutes earlier, would not.
 */
export async function runMillion(context: BenchContext): Promise<MillionFigures> {
  const rows = context.options.seedRows;
  // Start-up includes the seeding: allow a generous second per 2,000 rows.
  const startTimeout = 60 + Math.ceil(rows / 2_000);
  const seeded = await startOtpd(
    context,
    'million',
    { BENCH_SEED_ROWS: String(rows) },
    startTimeout,
  );
  let empty: ServerChild | undefined;
  try {
    const seedSeconds = seeded.ready.seedSeconds;
    if (seedSeconds === undefined) throw new Error('embedded otpd did not seed its files');
    empty = await startOtpd(context, 'million-empty');
    const twin = empty;
    const loadEmpty = async (when: 'before' | 'after') => {
      const result = await measure(
        [{ server: twin, make: () => otpdWorkload(twin.ready.url, apiKeyOf(twin), 'embedded') }],
        { ...measureOptions(context), duration: context.options.duration / 2 },
      );
      return { ...result, name: `otpd empty ${when}`, description: emptyDescription(result, when) };
    };
    const emptyBefore = await loadEmpty('before');
    const result = await measure(
      [
        {
          server: seeded,
          make: () => otpdWorkload(seeded.ready.url, apiKeyOf(seeded), 'embedded'),
        },
      ],
      { ...measureOptions(context), profileFiles: [context.profileOf('million')] },
    );
    const memory = await seeded.ask<{ rss: number }>({ type: 'memory' }, 'memory');
    const emptyAfter = await loadEmpty('after');
    return {
      result: {
        ...result,
        name: 'otpd 1M',
        description: `${result.description}, ${rows.toLocaleString('en')} verifications stored first`,
      },
      emptyBefore,
      emptyAfter,
      emptyRate: (emptyBefore.requestsPerSecond + emptyAfter.requestsPerSecond) / 2,
      rssBytes: memory.rss,
      seedSeconds,
    };
  } finally {
    await Promise.all([seeded.stop(), empty?.stop()]);
  }
}

const emptyDescription = (result: ScenarioResult, when: 'before' | 'after') =>
  `${result.description}, a fresh empty store loaded ${when} the 1M one, the baseline of its ratio`;
