import { measure, type ScenarioResult } from '../measure.ts';
import { startServer } from '../server-child.ts';
import { otpdWorkload } from '../workloads.ts';
import { type BenchContext, measureOptions } from './context.ts';

/**
 * The floor: otpd's workload against the least server that has the same outward effects
 * (bench/minimal-server.ts), its code sent to the same gateway and its events to the same
 * webhook receiver.
 */
export async function runMinimal(context: BenchContext): Promise<ScenarioResult> {
  const server = await startServer('minimal', 'minimal', {
    BENCH_SMS_URL: context.gateway.smsUrl,
    BENCH_WEBHOOK_URL: context.gateway.webhookUrl,
  });
  try {
    const result = await measure(
      [{ server, make: () => otpdWorkload(server.ready.url, 'minimal', 'embedded') }],
      { ...measureOptions(context), sqlStats: false, profileFiles: [context.profileOf('minimal')] },
    );
    return {
      ...result,
      name: 'minimal',
      description:
        'the least server for the same workload (Fastify, better-sqlite3, an HMAC; one insert, ' +
        'one update; the code to the gateway, two webhook events)',
    };
  } finally {
    await server.stop();
  }
}
