import { measure, type ScenarioResult } from '../measure.ts';
import type { Backlog } from '../server-probes.ts';
import { otpdWorkload } from '../workloads.ts';
import { apiKeyOf, type BenchContext, measureOptions, startOtpd } from './context.ts';

/** How the outbox fared during the measured window. */
export interface OutboxFigures {
  /** Verifications started (201) during the window. */
  created: number;
  /** Messages the loopback gateway received during the window. */
  delivered: number;
  /** Webhook events the receiver got during the window. */
  events: number;
  seconds: number;
  backlogStart: Backlog;
  backlogEnd: Backlog;
}

const CREATE = 'POST /v1/verifications';

export function createdIn(result: ScenarioResult): number {
  return result.statuses[CREATE]?.['201'] ?? 0;
}

/**
 * Embedded otpd at full load (synchronous=NORMAL), with the gateway counting what reaches
 * it and the backlog read at both ends of the window.
 */
export async function runEmbedded(
  context: BenchContext,
): Promise<{ result: ScenarioResult; outbox: OutboxFigures }> {
  const server = await startOtpd(context, 'embedded');
  const backlog = async () => {
    const answer = await server.ask<{ backlog?: Backlog }>({ type: 'backlog' }, 'backlog');
    if (!answer.backlog) throw new Error('embedded otpd reported no backlog');
    return answer.backlog;
  };
  let start: { messages: number; events: number; backlog: Backlog } | undefined;
  let end: typeof start;
  try {
    const apiKey = apiKeyOf(server);
    const result = await measure(
      [{ server, make: () => otpdWorkload(server.ready.url, apiKey, 'embedded') }],
      {
        ...measureOptions(context),
        profileFiles: [context.profileOf('embedded')],
        window: {
          async start() {
            start = { ...context.gateway.counts(), backlog: await backlog() };
          },
          async end() {
            end = { ...context.gateway.counts(), backlog: await backlog() };
          },
        },
      },
    );
    if (!start || !end) throw new Error('the measured window was not observed');
    return {
      result,
      outbox: {
        created: createdIn(result),
        delivered: end.messages - start.messages,
        events: end.events - start.events,
        seconds: result.durationSeconds,
        backlogStart: start.backlog,
        backlogEnd: end.backlog,
      },
    };
  } finally {
    await server.stop();
  }
}

/** The same workload on a fresh embedded otpd whose store commits with synchronous=FULL. */
export async function runFullSync(context: BenchContext): Promise<ScenarioResult> {
  const server = await startOtpd(context, 'full-sync', { OTPD_SQLITE_SYNCHRONOUS: 'full' });
  try {
    const apiKey = apiKeyOf(server);
    const result = await measure(
      [{ server, make: () => otpdWorkload(server.ready.url, apiKey, 'embedded') }],
      { ...measureOptions(context), profileFiles: [context.profileOf('full-sync')] },
    );
    return { ...result, name: 'otpd FULL', description: `${result.description}, synchronous=FULL` };
  } finally {
    await server.stop();
  }
}

/**
 * A fresh embedded otpd, loaded at `rate` requests per second in all, started at evenly
 * spaced times (bench/paced.ts), for the checks' latency at that load. Fresh, because the
 * full-load run leaves webhook deliveries queued (they yield to requests at saturation),
 * and draining them is not the load this scenario measures.
 */
export async function runHalfLoad(context: BenchContext, rate: number): Promise<ScenarioResult> {
  const server = await startOtpd(context, 'half-load');
  try {
    const apiKey = apiKeyOf(server);
    const result = await measure(
      [{ server, make: () => otpdWorkload(server.ready.url, apiKey, 'embedded') }],
      {
        ...measureOptions(context),
        rate,
        profileFiles: [context.profileOf('half-load')],
      },
    );
    return {
      ...result,
      name: 'otpd ½ load',
      description:
        `${result.description}, at ${Math.round(rate)} req/s in all, started at evenly spaced ` +
        'times (a late start counts in the latency)',
    };
  } finally {
    await server.stop();
  }
}
