import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleClient, createAdmin } from '../../../test/helpers/console-admin.ts';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const HOUR = 3_600_000;
const RANGE = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + 2 * HOUR).toISOString()}`;

describe('GET /console/api/analytics', () => {
  const clock = createFakeClock(T0);
  let server: TestServer;
  let shop: Awaited<ReturnType<TestServer['createApp']>>;
  let bank: Awaited<ReturnType<TestServer['createApp']>>;

  async function signIn(email: string, role: string, appIds: string[] = []) {
    await createAdmin(server, email, { role, appIds });
    const browser = consoleClient(server.url);
    expect((await browser.login(email)).status).toBe(200);
    return browser;
  }

  beforeAll(async () => {
    server = await startServer({ clock });
    shop = await server.createApp('Counted Shop');
    bank = await server.createApp('Counted Bank');
    const approved = await shop.client.post('/v1/verifications', { to: '+905551620001' });
    const code = await server.readCode(shop.client, approved.body.id);
    await shop.client.post(`/v1/verifications/${approved.body.id}/check`, { code });
    await shop.client.post('/v1/verifications', { to: '+905551620002' });
    await bank.client.post('/v1/verifications', { to: '+905551620003' });
    // Every attempt is in the log before time moves on.
    for (let i = 0; i < 250; i++) {
      const [a, b] = await Promise.all([
        shop.client.get('/v1/messages'),
        bank.client.get('/v1/messages'),
      ]);
      if (a.body.data.length === 2 && b.body.data.length === 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    clock.advance(HOUR);
  });
  afterAll(() => server?.close());

  it("answers an app's numbers exactly as GET /v1/analytics does", async () => {
    const viewer = await signIn('viewer@example.com', 'viewer', [shop.appId]);
    for (const query of [`${RANGE}&interval=hour`, `${RANGE}&interval=day&groupBy=channel`]) {
      const byKey = await shop.client.get(`/v1/analytics?${query}`);
      const byConsole = await viewer.call(
        'GET',
        `/console/api/analytics?${query}&appId=${shop.appId}`,
      );
      expect(byConsole.status).toBe(200);
      expect(byConsole.body).toEqual(byKey.body);
    }
    const all = await viewer.call('GET', `/console/api/analytics?${RANGE}&interval=hour`);
    expect(all.body.data[0].verifications).toMatchObject({ started: 2, approved: 1 });
  });

  it("sums the admin's apps; owners see every app", async () => {
    const both = await signIn('both@example.com', 'admin', [shop.appId, bank.appId]);
    const owner = await signIn('owner@example.com', 'owner');
    for (const browser of [both, owner]) {
      const answer = await browser.call('GET', `/console/api/analytics?${RANGE}&interval=day`);
      expect(answer.status).toBe(200);
      expect(answer.body.data[0].verifications).toMatchObject({ started: 3, approved: 1 });
    }
    const bankOnly = await owner.call(
      'GET',
      `/console/api/analytics?${RANGE}&interval=day&appId=${bank.appId}`,
    );
    expect(bankOnly.body.data[0].verifications).toMatchObject({ started: 1, approved: 0 });
  });

  it("refuses an app outside the admin's apps, agents, bad queries and no session", async () => {
    const viewer = await signIn('shop-viewer@example.com', 'viewer', [shop.appId]);
    const outside = await viewer.call('GET', `/console/api/analytics?appId=${bank.appId}`);
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('console_app_not_found');
    const unknown = await viewer.call('GET', '/console/api/analytics?appId=app_nothing');
    expect(unknown.status).toBe(404);

    const agent = await signIn('agent@example.com', 'agent', [shop.appId]);
    const refused = await agent.call('GET', '/console/api/analytics');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('console_role_forbidden');

    const bad = await viewer.call('GET', '/console/api/analytics?interval=week');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    const tooLong = await viewer.call(
      'GET',
      '/console/api/analytics?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=hour',
    );
    expect(tooLong.status).toBe(400);

    const signedOut = await consoleClient(server.url).call('GET', '/console/api/analytics');
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.code).toBe('console_session_required');
  });
});
