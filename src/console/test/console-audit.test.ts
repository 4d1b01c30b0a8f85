import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, consoleClient, createAdmin } from '../../../test/helpers/console-admin.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

describe('the audit log over HTTP', () => {
  let server: TestServer;
  let shop: Awaited<ReturnType<TestServer['createApp']>>;
  let bank: Awaited<ReturnType<TestServer['createApp']>>;
  beforeAll(async () => {
    server = await startServer({ dispatcher: false });
    shop = await server.createApp('Shop');
    bank = await server.createApp('Bank');
  });
  afterAll(() => server.close());

  const actionsOf = (body: { data: { action: string }[] }) => body.data.map((e) => e.action);

  it('records sign-ins, failed sign-ins, sign-outs and TOTP enrolment, in a chain that verifies', async () => {
    await createAdmin(server, 'watcher@example.com');
    const browser = consoleClient(server.url);
    await browser.login('watcher@example.com', 'a wrong password 1');
    await browser.login('watcher@example.com');
    await browser.change('/console/api/totp');
    await browser.change('/console/api/logout');
    const again = consoleClient(server.url);
    await again.login('watcher@example.com');
    const page = await again.call('GET', '/console/api/audit');
    expect(actionsOf(page.body).slice(0, 5)).toEqual([
      'console.login',
      'console.logout',
      'console.totp_enrolment_started',
      'console.login',
      'console.login_failed',
    ]);
    const failed = page.body.data[4];
    expect(failed).toMatchObject({ actor: 'admin:watcher@example.com', appId: null });
    expect(JSON.stringify(page.body)).not.toContain(ADMIN_PASSWORD);
    expect(JSON.stringify(page.body)).not.toContain('a wrong password');
    expect(await server.deps.console.audit.verify()).toEqual({ ok: true, entries: 5 });
  });

  it('records a failed sign-in of an unknown email without the email, which may be a password', async () => {
    const mistaken = consoleClient(server.url);
    expect((await mistaken.login('Tr0ub4dor&3-typed-in-the-email-field', 'x')).status).toBe(401);
    const entries = await server.deps.console.audit.list({ limit: 100 });
    const entry = entries.entries.find((e) => e.action === 'console.login_failed');
    expect(entry).toMatchObject({ actor: 'unknown', details: { reason: 'unknown_account' } });
    expect(JSON.stringify(entries)).not.toContain('Tr0ub4dor');
  });

  it("shows an app's entries to its key and its admins only; owners see every entry", async () => {
    const { audit } = server.deps.console;
    await audit.record({ actor: 'cli', action: 'key.created', appId: shop.appId, target: 'key_1' });
    await audit.record({ actor: 'cli', action: 'key.revoked', appId: bank.appId, target: 'key_2' });
    await audit.record({ actor: 'cli', action: 'settings.replaced', appId: shop.appId });

    const byKey = await shop.client.get('/v1/audit');
    expect(byKey.status).toBe(200);
    expect(actionsOf(byKey.body)).toEqual(['settings.replaced', 'key.created']);
    const firstPage = await shop.client.get('/v1/audit?limit=1');
    expect(actionsOf(firstPage.body)).toEqual(['settings.replaced']);
    const secondPage = await shop.client.get(
      `/v1/audit?limit=1&cursor=${firstPage.body.nextCursor}`,
    );
    expect(actionsOf(secondPage.body)).toEqual(['key.created']);
    expect(secondPage.body.nextCursor).toBeNull();

    await createAdmin(server, 'banker@example.com', { role: 'viewer', appIds: [bank.appId] });
    const banker = consoleClient(server.url);
    await banker.login('banker@example.com');
    const theirs = await banker.call('GET', '/console/api/audit');
    expect(actionsOf(theirs.body)).toEqual(['key.revoked']);

    await createAdmin(server, 'boss@example.com');
    const boss = consoleClient(server.url);
    await boss.login('boss@example.com');
    const all = actionsOf((await boss.call('GET', '/console/api/audit?limit=200')).body);
    expect(all).toEqual(
      expect.arrayContaining(['key.revoked', 'key.created', 'settings.replaced']),
    );
    expect(all).toContain('console.login');
  });

  it('limits sign-in attempts per address across accounts', async () => {
    const other = await startServer({ dispatcher: false });
    try {
      const browser = consoleClient(other.url);
      for (let i = 0; i < 20; i++) {
        expect((await browser.login(`person${i}@example.com`, 'some password 12')).status).toBe(
          401,
        );
      }
      const refused = await browser.login('person99@example.com', 'some password 12');
      expect(refused.status).toBe(429);
      expect(refused.body.limit).toBe('consoleLoginPerIp');
      expect(refused.body.detail).toMatch(/from this address; try again in \d+ minutes?/);
    } finally {
      await other.close();
    }
  });
});
