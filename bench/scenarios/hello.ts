import type { ScenarioResult } from '../measure.ts';
import { measure } from '../measure.ts';
import { startServer } from '../server-child.ts';
import { helloWorkload } from '../workloads.ts';
import { type BenchContext, measureOptions } from './context.ts';

/** The ceiling: a bare Fastify hello world under the same load, alone on its core. */
export async function runHello(context: BenchContext): Promise<ScenarioResult> {
  const server = await startServer('hello', 'hello', {
    OTPD_LOG_LEVEL: context.options.logLevel,
  });
  try {
    return await measure([{ server, make: () => helloWorkload(server.ready.url) }], {
      ...measureOptions(context),
      profileFiles: [context.profileOf('hello')],
    });
  } finally {
    await server.stop();
  }
}
