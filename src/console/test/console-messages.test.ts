import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleClient, createAdmin } from '../../../test/helpers/console-admin.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { MessageAttempt } from '../../message-log/message-log-ports.ts';

/** One provider attempt, written to the log as the dispatcher writes it. */
function attempt(id: string, appId: string, to: string, createdAt: number): MessageAttempt {
  return {
    id,
    appId,
    verificationId: `ver_${id}`,
    channel: 'sms',
    to,
    country: 'TR',
    provider: 'sandbox',
    providerMessageId: `pm_${id}`,
    status: 'sent',
    latencyMs: 12,
    errorCode: null,
    txCode: `TX-${id}`,
    deviceId: null,
    messageId: null,
    createdAt,
  };
}

describe("the console's message log", () => {
  let server: TestServer;
  let shopId: string;
  let bankId: string;
  const signedIn = async (email: string) => {
    const browser = consoleClient(server.url);
    expect((await browser.login(email)).status).toBe(200);
    return browser;
  };
  const idsOf = (body: { data: { id: string }[] }) => body.data.map((m) => m.id);

  beforeAll(async () => {
    server = await startServer({ dispatcher: false });
    shopId = (await server.createApp('Shop')).appId;
    bankId = (await server.createApp('Bank')).appId;
    const log = server.deps.messageLog;
    const t = server.deps.clock.now();
    await log.recordAttempt(attempt('msg_shop1', shopId, '+905551230001', t - 3000));
    await log.recordAttempt(attempt('msg_shop2', shopId, '+905551230002', t - 2000));
    await log.recordAttempt(attempt('msg_bank1', bankId, '+905551230001', t - 1000));
    await log.appendStatus(shopId, 'msg_shop1', { status: 'delivered', at: t - 2500 });
    await createAdmin(server, 'owner@example.com');
    await createAdmin(server, 'shop-admin@example.com', { role: 'admin', appIds: [shopId] });
    await createAdmin(server, 'shop-viewer@example.com', { role: 'viewer', appIds: [shopId] });
    await createAdmin(server, 'agent@example.com', { role: 'agent', appIds: [shopId] });
  });
  afterAll(() => server?.close());

  it("shows an admin their apps' messages only, masked, and an owner every app's", async () => {
    const shop = await signedIn('shop-admin@example.com');
    const page = await shop.call('GET', '/console/api/messages');
    expect(page.status).toBe(200);
    expect(idsOf(page.body)).toEqual(['msg_shop2', 'msg_shop1']);
    expect(page.body.data[0]).toMatchObject({ appId: shopId, to: '+905•••••••02' });
    expect(JSON.stringify(page.body)).not.toContain('+905551230002');
    const asked = await shop.call('GET', `/console/api/messages?appId=${bankId}`);
    expect(idsOf(asked.body)).toEqual([]);
    const byDestination = await shop.call('GET', '/console/api/messages?to=%2B905551230001');
    expect(idsOf(byDestination.body)).toEqual(['msg_shop1']);
    const other = await shop.call('GET', '/console/api/messages/msg_bank1');
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('message_not_found');

    const owner = await signedIn('owner@example.com');
    const all = await owner.call('GET', '/console/api/messages?to=%2B905551230001');
    expect(idsOf(all.body)).toEqual(['msg_bank1', 'msg_shop1']);
    const bankOnly = await owner.call('GET', `/console/api/messages?appId=${bankId}`);
    expect(idsOf(bankOnly.body)).toEqual(['msg_bank1']);
  });

  it('pages by cursor and refuses a cursor it did not give', async () => {
    const viewer = await signedIn('shop-viewer@example.com');
    const first = await viewer.call('GET', '/console/api/messages?limit=1');
    expect(idsOf(first.body)).toEqual(['msg_shop2']);
    const second = await viewer.call(
      'GET',
      `/console/api/messages?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(idsOf(second.body)).toEqual(['msg_shop1']);
    const bad = await viewer.call('GET', '/console/api/messages?cursor=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it("shows one message's timeline and its verification's attempts", async () => {
    const viewer = await signedIn('shop-viewer@example.com');
    const shown = await viewer.call('GET', '/console/api/messages/msg_shop1');
    expect(shown.status).toBe(200);
    expect(shown.body.data.timeline.map((e: { status: string }) => e.status)).toEqual([
      'sent',
      'delivered',
    ]);
    expect(idsOf({ data: shown.body.attempts })).toEqual(['msg_shop1']);
  });

  it('refuses agents and callers without a session', async () => {
    const agent = await signedIn('agent@example.com');
    for (const path of ['/messages', '/messages/msg_shop1', '/messages/export?format=csv']) {
      const refused = await agent.call('GET', `/console/api${path}`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('console_role_forbidden');
      const anonymous = await consoleClient(server.url).call('GET', `/console/api${path}`);
      expect(anonymous.status).toBe(401);
    }
  });

  it('streams a CSV export of the filter and writes it to the audit log', async () => {
    const shop = await signedIn('shop-admin@example.com');
    const csv = await shop.call('GET', '/console/api/messages/export?format=csv&status=sent');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="messages.csv"');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]?.startsWith('id,createdAt,verificationId')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['msg_shop2']);

    const ndjson = await fetch(`${server.url}/console/api/messages/export?format=ndjson`, {
      headers: { cookie: shop.cookie },
    });
    expect(ndjson.headers.get('content-type')).toContain('application/x-ndjson');
    const rows = (await ndjson.text()).trim().split('\n');
    expect(rows.map((row) => JSON.parse(row).id)).toEqual(['msg_shop2', 'msg_shop1']);

    const { entries } = await server.deps.console.audit.list({ limit: 10 });
    const exported = entries.filter((e) => e.action === 'messages.exported');
    expect(exported[0]).toMatchObject({
      actor: 'admin:shop-admin@example.com',
      details: { format: 'ndjson', filters: {} },
    });
    expect(exported[1]).toMatchObject({ details: { format: 'csv', filters: { status: 'sent' } } });
  });
});
