import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

/**
 * A key found active is trusted for OTPD_API_KEY_REFRESH_MS without a store read; a key
 * revoked behind the server's back (the CLI, another instance) is refused once that passed.
 */
describe('API key cache', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function revokedElsewhere(refreshMs: string) {
    const clock = createFakeClock();
    server = await startServer({ clock, env: { OTPD_API_KEY_REFRESH_MS: refreshMs } });
    const { appId, client } = await server.createApp('Shop');
    const start = () => client.post('/v1/verifications', { to: '+905551700001' });
    expect((await start()).status).toBe(201);
    const [key] = await server.deps.store.listApiKeys(appId);
    if (!key) throw new Error('the app has no key');
    // What `otpd keys revoke` does: straight to the store, not through this server.
    await server.deps.store.revokeApiKey(key.id, clock.now());
    return { clock, start };
  }

  it('refuses a key revoked elsewhere once the refresh interval has passed', async () => {
    const { clock, start } = await revokedElsewhere('2000');
    clock.advance(1_999);
    expect((await start()).status).toBe(201);
    clock.advance(1);
    const refused = await start();
    expect([refused.status, refused.body.code]).toEqual([401, 'invalid_api_key']);
  });

  it('asks the store on every request when the interval is 0', async () => {
    const { start } = await revokedElsewhere('0');
    const refused = await start();
    expect([refused.status, refused.body.code]).toEqual([401, 'invalid_api_key']);
  });
});
