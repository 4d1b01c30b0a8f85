import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type FakeGateway, hang, startFakeGateway, succeed } from './fake-gateway.ts';
import { startServer, type TestServer } from './harness.ts';
import { createTestDatabase } from './postgres.ts';

type OpenStore = () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>;

/** Where a suite's server keeps its data: a temporary SQLite file, or a PostgreSQL database. */
export const BOTH_STORES: [string, OpenStore][] = [
  ['SQLite', async () => ({ env: {}, drop: async () => {} })],
  [
    'PostgreSQL',
    async () => {
      const database = await createTestDatabase();
      const schema = await database.createSchema();
      return {
        env: { OTPD_DATABASE_URL: schema.url, OTPD_SECRET: 'fairness-server-secret-0123456789' },
        drop: () => database.drop(),
      };
    },
  ],
];

/**
 * What a fairness suite runs against: one server on `openStore`'s data, started with `env`
 * and allowed to reach loopback, and for each test a peer that hangs and one that answers at
 * once. The fields are there once the suite has started.
 */
export function useFairnessBed(openStore: OpenStore, env: Record<string, string>) {
  const bed = {} as { server: TestServer; hanging: FakeGateway; healthy: FakeGateway };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await openStore();
    drop = opened.drop;
    bed.server = await startServer({
      env: { ...opened.env, OTPD_ALLOW_NETWORKS: '127.0.0.0/8', ...env },
    });
  });
  afterAll(async () => {
    await bed.server?.close();
    await drop?.();
  });
  beforeEach(async () => {
    bed.hanging = await startFakeGateway(hang);
    bed.healthy = await startFakeGateway(succeed);
  });
  afterEach(async () => {
    // Closing the hanging peer fails its calls at once, so the server can stop.
    await bed.hanging.close();
    await bed.healthy.close();
  });
  return bed;
}
