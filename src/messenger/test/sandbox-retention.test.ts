import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

const HOUR = 3_600_000;

describe('sandbox retention', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let custom: TestServer;
  beforeAll(async () => {
    server = await startServer({ clock });
    custom = await startServer({ clock, env: { OTPD_SANDBOX_RETENTION_HOURS: '2' } });
  });
  afterAll(async () => {
    await server.close();
    await custom.close();
  });

  it('deletes captured messages, plaintext codes, once they are 24 h old, not before', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551270001' });
    expect(created.status).toBe(201);
    await server.readCode(client, created.body.id);

    clock.advance(23 * HOUR);
    expect(await server.deps.sandboxRetention.purgeOnce()).toBe(0);
    expect((await client.get('/v1/sandbox/messages')).body.data).toHaveLength(1);

    clock.advance(HOUR + 1);
    expect(await server.deps.sandboxRetention.purgeOnce()).toBe(1);
    expect((await client.get('/v1/sandbox/messages')).body.data).toEqual([]);
  });

  it('keeps them for OTPD_SANDBOX_RETENTION_HOURS when set', async () => {
    const { client } = await custom.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551270002' });
    await custom.readCode(client, created.body.id);
    clock.advance(2 * HOUR + 1);
    expect(await custom.deps.sandboxRetention.purgeOnce()).toBe(1);
    expect((await client.get('/v1/sandbox/messages')).body.data).toEqual([]);
  });
});
