import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleClient, createAdmin } from '../../../test/helpers/console-admin.ts';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

/**
 * The app name a code's message is signed with is read once per OTPD_API_KEY_REFRESH_MS, like
 * an API key: a rename through the console shows in the next message, one made behind the
 * server's back (the CLI, another instance) once the interval has passed.
 */
describe("the app's name in its messages", () => {
  let server: TestServer;
  let clock: FakeClock;
  let client: Client;
  let appId: string;
  let n = 0;

  /** The sandbox text of a new verification's message. */
  async function nextMessage(): Promise<string> {
    const started = await client.post('/v1/verifications', { to: `+90555170${1000 + n++}` });
    expect(started.status).toBe(201);
    await server.deps.dispatcher.runOnce();
    const { body } = await client.get('/v1/sandbox/messages?limit=100');
    const message = body.data.find(
      (m: { verificationId: string }) => m.verificationId === started.body.id,
    );
    return message.body;
  }

  beforeAll(async () => {
    clock = createFakeClock();
    server = await startServer({
      clock,
      dispatcher: false,
      env: { OTPD_API_KEY_REFRESH_MS: '2000' },
    });
    ({ appId, client } = await server.createApp('Shop'));
  });
  afterAll(() => server?.close());

  it('follows a rename through the console at once', async () => {
    expect(await nextMessage()).toContain('Shop');
    await createAdmin(server, 'owner@example.com', { role: 'owner' });
    const owner = consoleClient(server.url);
    expect((await owner.login('owner@example.com')).status).toBe(200);
    const renamed = await owner.call(
      'PATCH',
      `/console/api/apps/${appId}`,
      { name: 'Bakery' },
      { 'x-csrf-token': owner.csrf },
    );
    expect(renamed.status).toBe(200);
    expect(await nextMessage()).toContain('Bakery');
  });

  it('follows a rename made elsewhere once the refresh interval has passed', async () => {
    expect(await nextMessage()).toContain('Bakery');
    await server.deps.store.renameApp(appId, 'Florist');
    expect(await nextMessage()).toContain('Bakery');
    clock.advance(2_000);
    expect(await nextMessage()).toContain('Florist');
  });
});
