import { join } from 'node:path';
import type { Gateway } from '../gateway.ts';
import type { Options } from '../options.ts';
import { OUT_DIR, type ServerChild, startServer } from '../server-child.ts';

/** What every scenario runs with: the options, the loopback peers, where profiles go. */
export interface BenchContext {
  options: Options;
  gateway: Gateway;
  /** With --cpu-prof, the profile file of one server of one scenario. */
  profileOf(name: string): string | undefined;
}

export function createContext(options: Options, gateway: Gateway): BenchContext {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return {
    options,
    gateway,
    profileOf: (name) =>
      options.cpuProf ? join(OUT_DIR, 'profiles', `${name}-${stamp}.cpuprofile`) : undefined,
  };
}

/**
 * Starts an otpd server child whose app sends SMS through the parent's gateway and has a
 * webhook to its receiver (both on loopback, which the outbound guard must be told to
 * allow), with limits and the SMS-pumping guard counting every request; `env` adds to it.
 */
export function startOtpd(
  context: BenchContext,
  name: string,
  env: Record<string, string> = {},
  startTimeoutSeconds?: number,
): Promise<ServerChild> {
  return startServer(
    'otpd',
    name,
    {
      OTPD_LOG_LEVEL: context.options.logLevel,
      BENCH_SQL_STATS: context.options.sqlStats ? '1' : '0',
      BENCH_SMS_URL: context.gateway.smsUrl,
      BENCH_WEBHOOK_URL: context.gateway.webhookUrl,
      OTPD_ALLOW_NETWORKS: '127.0.0.1/32',
      ...env,
    },
    startTimeoutSeconds,
  );
}

export function apiKeyOf(server: ServerChild): string {
  const apiKey = server.ready.apiKey;
  if (!apiKey) throw new Error('otpd server sent no API key');
  return apiKey;
}

/** The measurement options every scenario shares. */
export function measureOptions(context: BenchContext) {
  const { connections, warmup, duration, sqlStats } = context.options;
  return { connections, warmup, duration, sqlStats };
}
