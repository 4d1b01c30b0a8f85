import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

describe('the dispatcher loop', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A minute between polls: only a wake-up can deliver within the test.
    server = await startServer({ env: { OTPD_DISPATCH_INTERVAL_MS: '60000' } });
  });
  afterAll(() => server.close());

  it('is woken by a new verification instead of waiting for its next poll', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551270001' });
    expect(await server.readCode(client, created.body.id)).toMatch(/^\d{6}$/);
  });

  it('delivers many verifications started together', async () => {
    const { client } = await server.createApp();
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        // Each for another end user, as an app server names them (one caller, many people).
        client.post('/v1/verifications', {
          to: `+90555127${String(1000 + i)}`,
          clientIp: `198.51.100.${i + 1}`,
        }),
      ),
    );
    for (const v of created) expect(await server.readCode(client, v.body.id)).toMatch(/^\d{6}$/);
  });

  it('stops at once even in the middle of a long wait', async () => {
    // A stop that waited out the minute-long nap would exceed the test's timeout.
    await server.deps.dispatcher.stop();
  });
});
