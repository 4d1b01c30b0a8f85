import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describeRedisUrl } from '../../src/abuse/adapters/redis-rate-limiter.ts';

/** The Redis the tests use. Tests that need it never skip: when it is down they fail, saying so. */
export const TEST_REDIS_URL = process.env.OTPD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** An admin connection to the test Redis, or an error that says how to get one. */
export async function connectTestRedis(): Promise<Redis> {
  const admin = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  let connectionError: Error | undefined;
  admin.on('error', (error: Error) => {
    connectionError ??= error;
  });
  try {
    await admin.connect();
    await admin.ping();
    return admin;
  } catch (error) {
    admin.disconnect();
    const reason = (connectionError ?? (error as Error)).message;
    throw new Error(
      `Redis tests cannot reach ${describeRedisUrl(TEST_REDIS_URL)} (${reason}). Start Redis or ` +
        'point OTPD_TEST_REDIS_URL at a server; these tests never skip.',
    );
  }
}

/** A random key prefix for one test. */
export const randomRedisPrefix = () => `otpd-test:${randomBytes(6).toString('hex')}:`;

/** Deletes every key under `prefix`. */
export async function deleteRedisKeys(admin: Redis, prefix: string): Promise<void> {
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
}

/** A throw-away redis-server of our own, to stop and start under a live client. */
export async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
  probe.on('error', () => {});
  try {
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      if (await probe.ping().catch(() => undefined)) return child;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server did not answer on port ${port} within 5 s`);
  } catch (error) {
    await stopProcess(child);
    throw error;
  } finally {
    probe.disconnect();
  }
}

/** Kills the process (SIGKILL: Redis vanishes as in a crash) and waits for its exit. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}
