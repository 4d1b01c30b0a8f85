import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/postgres.ts';
import { type Gateway, startGateway } from '../gateway.ts';
import { startMinimal } from '../minimal-server.ts';
import { type MinimalStore, postgresMinimalStore, sqliteMinimalStore } from '../minimal-store.ts';

let postgres: TestDatabase | undefined;
afterAll(() => postgres?.drop());

const stores: [string, () => Promise<MinimalStore>][] = [
  ['SQLite', async () => sqliteMinimalStore()],
  [
    'PostgreSQL',
    async () => {
      postgres = await createTestDatabase();
      return postgresMinimalStore(postgres.url, 2);
    },
  ],
];

describe.each(stores)('bench minimal server on %s', (_name, openStore) => {
  let gateway: Gateway;
  let minimal: Awaited<ReturnType<typeof startMinimal>>;
  let url: string;

  beforeAll(async () => {
    gateway = await startGateway();
    minimal = await startMinimal(gateway, await openStore());
    const address = minimal.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    url = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await minimal.stop();
    await gateway.close();
  });

  it("answers otpd's workload and sends the code and both events to the peers", async () => {
    const created = await fetch(`${url}/v1/verifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: '+14155550100', channel: 'sms' }),
    });
    expect(created.status).toBe(201);
    // The workload reads the id with this pattern (bench/workloads.ts).
    const id = /"id":"(ver_[0-9a-z]+)"/.exec(await created.text())?.[1];
    expect(id).toBeDefined();
    const checked = await fetch(`${url}/v1/verifications/${id}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: '000000' }),
    });
    expect(checked.status).toBe(200);
    expect(await checked.json()).toEqual({ id, valid: false });
    await expect.poll(() => gateway.counts()).toEqual({ messages: 1, events: 2 });
  });
});
