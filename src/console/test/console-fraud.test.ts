import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleClient, createAdmin } from '../../../test/helpers/console-admin.ts';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { OtpdError } from '../../kernel/errors.ts';

/** Numbers of the range +90555124xxxx, which the guard counts under prefix +90555124. */
const pumped = (n: number) => `+90555124${String(n).padStart(4, '0')}`;
const HOUR_MS = 3_600_000;

describe("the console's fraud blocks", () => {
  const clock = createFakeClock();
  let server: TestServer;
  let shop: { appId: string; client: Client };
  let bankId: string;
  let shopBlock: string;
  let bankBlock: string;

  const signedIn = async (email: string) => {
    const browser = consoleClient(server.url);
    expect((await browser.login(email)).status).toBe(200);
    return browser;
  };
  /** Starts a verification as the service does for the API: its id, or why it was refused. */
  const send = async (appId: string, to: string) => {
    try {
      return (await server.deps.verifications.start({ id: appId }, { to, channel: 'sms' })).id;
    } catch (error) {
      if (error instanceof OtpdError) return error.code;
      throw error;
    }
  };
  const unblocks = async () =>
    (await server.deps.console.audit.list({ limit: 50 })).entries.filter(
      (e) => e.action === 'fraud.unblocked',
    );

  beforeAll(async () => {
    server = await startServer({ clock, dispatcher: false });
    shop = await server.createApp('Shop');
    bankId = (await server.createApp('Bank')).appId;
    // The shop's range is blocked the way the guard blocks one: five sends, no approvals.
    const put = await shop.client.request('PUT', '/v1/settings', { fraudGuard: { minSends: 5 } });
    expect(put.status, put.text).toBe(200);
    for (let i = 0; i < 5; i++) await send(shop.appId, pumped(i));
    expect(await send(shop.appId, pumped(5))).toBe('blocked_by_fraud_guard');
    [shopBlock] = (await shop.client.get('/v1/fraud/blocks')).body.data.map(
      (d: { id: string }) => d.id,
    );
    // The bank's, written to the store as the guard writes it.
    bankBlock = 'frd_bank_1';
    await server.deps.store.recordFraudDecision({
      id: bankBlock,
      appId: bankId,
      prefix: '+90532111',
      country: 'TR',
      channel: 'whatsapp',
      action: 'block',
      reasons: {
        sends: 40,
        approvals: 0,
        conversion: 0,
        minSends: 30,
        minConversion: 0.1,
        windowSeconds: 3600,
        country: { code: 'TR', sends: 90, approvals: 40, conversion: 0.4444 },
      },
      createdAt: clock.now() + 1,
      expiresAt: clock.now() + 12 * HOUR_MS,
      liftedAt: null,
    });
    await createAdmin(server, 'owner@example.com');
    await createAdmin(server, 'shop-admin@example.com', { role: 'admin', appIds: [shop.appId] });
    await createAdmin(server, 'shop-viewer@example.com', { role: 'viewer', appIds: [shop.appId] });
    await createAdmin(server, 'agent@example.com', { role: 'agent', appIds: [shop.appId] });
  });
  afterAll(() => server?.close());

  it("lists the blocks of the admin's apps with their app; an owner's of every app", async () => {
    const viewer = await signedIn('shop-viewer@example.com');
    const mine = await viewer.call('GET', '/console/api/fraud/blocks');
    expect(mine.status).toBe(200);
    expect(mine.body.data).toEqual([
      expect.objectContaining({
        id: shopBlock,
        appId: shop.appId,
        prefix: '+90555124',
        country: 'TR',
        status: 'active',
        reasons: expect.objectContaining({ sends: 5, approvals: 0 }),
      }),
    ]);
    const foreign = await viewer.call('GET', `/console/api/fraud/blocks?appId=${bankId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('console_app_not_found');

    const owner = await signedIn('owner@example.com');
    const all = await owner.call('GET', '/console/api/fraud/blocks');
    expect(all.body.data.map((d: { id: string }) => d.id)).toEqual([bankBlock, shopBlock]);
    const bank = await owner.call('GET', `/console/api/fraud/blocks?appId=${bankId}`);
    expect(bank.body.data.map((d: { appId: string }) => d.appId)).toEqual([bankId]);
    const limited = await owner.call('GET', '/console/api/fraud/blocks?limit=1');
    expect(limited.body.data).toHaveLength(1);
  });

  it('answers bad input with 400 problems and no session with 401', async () => {
    const owner = await signedIn('owner@example.com');
    for (const query of ['?all=maybe', '?limit=0', '?colour=red']) {
      const bad = await owner.call('GET', `/console/api/fraud/blocks${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      expect(bad.body.code).toBe('validation_failed');
    }
    const long = await owner.call(
      'DELETE',
      `/console/api/fraud/blocks/${'x'.repeat(65)}`,
      undefined,
      {
        'x-csrf-token': owner.csrf,
      },
    );
    expect(long.status).toBe(400);
    const anonymous = consoleClient(server.url);
    expect((await anonymous.call('GET', '/console/api/fraud/blocks')).status).toBe(401);
    expect((await anonymous.call('DELETE', `/console/api/fraud/blocks/${shopBlock}`)).status).toBe(
      401,
    );
  });

  it('refuses agents everything, viewers the unblock, and a write without the CSRF token', async () => {
    const agent = await signedIn('agent@example.com');
    const viewer = await signedIn('shop-viewer@example.com');
    const admin = await signedIn('shop-admin@example.com');
    const lift = (browser: typeof admin, token: string | null = browser.csrf) =>
      browser.call(
        'DELETE',
        `/console/api/fraud/blocks/${shopBlock}`,
        undefined,
        token === null ? {} : { 'x-csrf-token': token },
      );
    const listed = await agent.call('GET', '/console/api/fraud/blocks');
    expect([listed.status, listed.body.code]).toEqual([403, 'console_role_forbidden']);
    for (const refused of [await lift(agent), await lift(viewer)]) {
      expect([refused.status, refused.body.code]).toEqual([403, 'console_role_forbidden']);
    }
    const forged = await lift(admin, null);
    expect([forged.status, forged.body.code]).toEqual([403, 'csrf_token_invalid']);
    // Another app's block is as absent as a made-up one, and stays in force.
    const foreign = await admin.call(
      'DELETE',
      `/console/api/fraud/blocks/${bankBlock}`,
      undefined,
      {
        'x-csrf-token': admin.csrf,
      },
    );
    expect([foreign.status, foreign.body.code]).toEqual([404, 'fraud_block_not_found']);
    expect(await unblocks()).toEqual([]);
    expect(await send(shop.appId, pumped(6))).toBe('blocked_by_fraud_guard');
    const bankLive = await server.deps.fraud.list([bankId], { includeEnded: false, limit: 5 });
    expect(bankLive.map((d) => d.id)).toEqual([bankBlock]);
  });

  it('unblocks: the range takes codes again and the audit log names it once', async () => {
    const blocked = await shop.client.post('/v1/verifications', { to: pumped(7) });
    expect([blocked.status, blocked.body.code]).toEqual([403, 'blocked_by_fraud_guard']);

    const admin = await signedIn('shop-admin@example.com');
    const path = `/console/api/fraud/blocks/${shopBlock}`;
    const lifted = await admin.call('DELETE', path, undefined, { 'x-csrf-token': admin.csrf });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ id: shopBlock, appId: shop.appId, status: 'lifted' });
    const again = await admin.call('DELETE', path, undefined, { 'x-csrf-token': admin.csrf });
    expect(again.body.liftedAt).toBe(lifted.body.liftedAt);

    const started = await shop.client.post('/v1/verifications', { to: pumped(7) });
    expect(started.status, started.text).toBe(201);
    expect((await admin.call('GET', '/console/api/fraud/blocks')).body.data).toEqual([]);
    const ended = await admin.call('GET', '/console/api/fraud/blocks?all=true');
    expect(ended.body.data.map((d: { status: string }) => d.status)).toEqual(['lifted']);

    expect(await unblocks()).toEqual([
      expect.objectContaining({
        actor: 'admin:shop-admin@example.com',
        appId: shop.appId,
        target: shopBlock,
        details: { prefix: '+90555124', country: 'TR', channel: 'sms', action: 'block' },
      }),
    ]);
  });
});
