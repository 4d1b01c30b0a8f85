import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeGateway,
  type GatewayBehaviour,
  startFakeGateway,
} from '../helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import type { Client } from '../helpers/http-client.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';

const TOKEN = 'gateway-receipt-token-5f2a91c3';
const SECRET = 'receipts-postgres-secret-0123456789abcdef';

async function until<T>(read: () => T | undefined | Promise<T | undefined>, what: string) {
  for (let i = 0; i < 250; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never: ${what}`);
}

/** A gateway answering each message with its own id under `field`. */
function numbering(prefix: string, field = 'id'): GatewayBehaviour {
  let next = 1;
  return () => ({ status: 200, body: { ok: true, [field]: `${prefix}-${next++}` } });
}

const gatewayEntry = (name: string, url: string, receipt: object = defaultReceipt) => ({
  type: 'http',
  name,
  request: { url: `${url}/send`, body: { to: '{{to}}', otp: '{{code}}' } },
  messageIdPointer: '/id',
  receipt,
});

const defaultReceipt = {
  token: TOKEN,
  messageIdPointer: '/msgid',
  statusPointer: '/stat',
  errorPointer: '/err',
  statusMap: { DELIVRD: 'delivered', UNDELIV: 'undelivered', REJECTD: 'failed', ACKED: 'sent' },
};

/** Beem's delivery reports `{request_id, dest_addr, status}`, `Status` in some versions. */
const beemReceipt = {
  token: TOKEN,
  messageIdPointer: '/request_id',
  statusPointer: ['/status', '/Status'],
  statusMap: { DELIVERED: 'delivered', UNDELIVERED: 'undelivered', REJECTED: 'failed' },
};

const backends = [
  { name: 'SQLite', env: async () => ({}) },
  {
    name: 'PostgreSQL (store and message log)',
    env: async (database: TestDatabase) => ({
      OTPD_DATABASE_URL: (await database.createSchema()).url,
      OTPD_SECRET: SECRET,
    }),
  },
];

describe.each(backends)('delivery receipts from http gateways on $name', (backend) => {
  let database: TestDatabase;
  let server: TestServer;
  let primary: FakeGateway;
  let secondary: FakeGateway;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({
      env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8', ...(await backend.env(database)) },
    });
    primary = await startFakeGateway(numbering('a'));
    secondary = await startFakeGateway(numbering('b'));
  });
  afterAll(async () => {
    await server?.close();
    await primary?.close();
    await secondary?.close();
    await database?.drop();
  });

  async function appWith(settings: object) {
    const created = await server.createApp('Gateway Receipts');
    const put = await created.client.request('PUT', '/v1/settings', settings);
    expect(put.status).toBe(200);
    return created;
  }

  const twoGateways = (failoverOnUndelivered?: boolean) => ({
    channels: {
      sms: {
        providers: [gatewayEntry('gw-a', primary.url), gatewayEntry('gw-b', secondary.url)],
        ...(failoverOnUndelivered === undefined ? {} : { failoverOnUndelivered }),
      },
    },
  });

  const requestsTo = (gateway: FakeGateway, to: string) =>
    gateway.requests.filter((r) => JSON.parse(r.body).to === to);

  /** Starts a verification; waits until `gateway` took it; returns its id, code and the gateway's id. */
  async function sent(client: Client, to: string, gateway: FakeGateway, idField = 'id') {
    const created = await client.post('/v1/verifications', { to });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const entry = await until(async () => {
      const { body } = await client.get(`/v1/verifications/${id}/messages`);
      return body.data[0];
    }, 'logged');
    const [request] = requestsTo(gateway, to);
    expect(entry.providerMessageId).toMatch(idField === 'id' ? /^[ab]-\d+$/ : /./);
    return {
      id,
      code: JSON.parse(request?.body ?? '{}').otp as string,
      pmid: entry.providerMessageId,
    };
  }

  const receipt = (appId: string, provider: string, body: unknown, query = `?token=${TOKEN}`) =>
    fetch(`${server.url}/v1/receipts/http/${appId}/${provider}${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (r) => ({
      status: r.status,
      type: r.headers.get('content-type'),
      body: await r.json(),
    }));

  it('maps the gateway status; the message and the verification read delivered', async () => {
    const { appId, client } = await appWith(twoGateways());
    const { id, pmid } = await sent(client, '+905551310001', primary);

    expect((await receipt(appId, 'gw-a', { msgid: pmid, stat: 'ACKED' })).body).toEqual({
      outcome: 'unchanged',
    });
    expect((await receipt(appId, 'gw-a', { msgid: pmid, stat: 'ENROUTE' })).body).toEqual({
      outcome: 'ignored',
    });
    expect((await receipt(appId, 'gw-a', { msgid: pmid, stat: 'DELIVRD' })).body).toEqual({
      outcome: 'applied',
    });
    // The token may come as a header instead.
    const viaHeader = await fetch(`${server.url}/v1/receipts/http/${appId}/gw-a`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-otpd-receipt-token': TOKEN },
      body: JSON.stringify({ msgid: pmid, stat: 'UNDELIV', err: 'E1' }),
    });
    expect(await viaHeader.json()).toEqual({ outcome: 'unchanged' });

    const [entry] = (await client.get(`/v1/verifications/${id}/messages`)).body.data;
    expect(entry.status).toBe('delivered');
    expect(entry.timeline.map((e: { status: string }) => e.status)).toEqual([
      'sent',
      'sent',
      'delivered',
      'undelivered',
    ]);
    const { body } = await client.get(`/v1/verifications/${id}`);
    expect(body.delivery).toMatchObject({ status: 'delivered', provider: 'gw-a' });
  });

  it('answers a body that is neither JSON nor a form with 415 naming both', async () => {
    const { appId } = await appWith(twoGateways());
    const response = await fetch(`${server.url}/v1/receipts/http/${appId}/gw-a?token=${TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'id=1&status=OK',
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'unsupported_media_type',
      detail: 'send the receipt as application/json or application/x-www-form-urlencoded',
    });
  });

  it('refuses a wrong or missing token, an unknown provider, and reads nothing', async () => {
    const { appId, client } = await appWith(twoGateways());
    const { id, pmid } = await sent(client, '+905551310002', primary);
    const refused = [
      await receipt(
        appId,
        'gw-a',
        { msgid: pmid, stat: 'DELIVRD' },
        '?token=wrong-token-000000000',
      ),
      await receipt(appId, 'gw-a', { msgid: pmid, stat: 'DELIVRD' }, ''),
      await receipt(appId, 'gw-x', { msgid: pmid, stat: 'DELIVRD' }),
      await receipt('app_nobody', 'gw-a', { msgid: pmid, stat: 'DELIVRD' }),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(403);
      expect(answer.type).toContain('application/problem+json');
      expect(answer.body.code).toBe('invalid_receipt_token');
    }
    const invalid = await receipt(appId, 'gw-a', { stat: 'DELIVRD' });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'body.msgid', message: 'no message id here' }],
    });
    const [entry] = (await client.get(`/v1/verifications/${id}/messages`)).body.data;
    expect(entry.timeline).toHaveLength(1);
  });

  it("reads Beem's receipts with status spelled either way", async () => {
    const beem = await startFakeGateway(numbering('4242', 'request_id'));
    try {
      const { appId, client } = await appWith({
        channels: {
          sms: {
            providers: [
              {
                ...gatewayEntry('beem', beem.url, beemReceipt),
                messageIdPointer: '/request_id',
              },
            ],
          },
        },
      });
      const one = await sent(client, '+255700000001', beem, 'request_id');
      const two = await sent(client, '+255700000002', beem, 'request_id');
      const lower = await receipt(appId, 'beem', {
        request_id: one.pmid,
        dest_addr: '255700000001',
        status: 'DELIVERED',
      });
      const upper = await receipt(appId, 'beem', {
        request_id: two.pmid,
        dest_addr: '255700000002',
        Status: 'UNDELIVERED',
      });
      expect([lower.body, upper.body]).toEqual([{ outcome: 'applied' }, { outcome: 'applied' }]);
      const statusOf = async (id: string) =>
        (await client.get(`/v1/verifications/${id}`)).body.delivery.status;
      expect(await statusOf(one.id)).toBe('delivered');
      expect(await statusOf(two.id)).toBe('undelivered');
    } finally {
      await beem.close();
    }
  });

  it('fails over on undelivered: a new code arrives at the next gateway, the old one stops working', async () => {
    const { appId, client } = await appWith(twoGateways(true));
    const to = '+905551310003';
    const first = await sent(client, to, primary);
    const answer = await receipt(appId, 'gw-a', { msgid: first.pmid, stat: 'UNDELIV', err: 'E7' });
    expect(answer.body).toEqual({ outcome: 'applied' });

    const request = await until(() => requestsTo(secondary, to)[0], 'failover to gw-b');
    const code: string = JSON.parse(request.body).otp;
    expect(code).toMatch(/^\d{6}$/);
    const read = await until(async () => {
      const { body } = await client.get(`/v1/verifications/${first.id}`);
      return body.delivery.status === 'sent' ? body : undefined;
    }, 'delivered by gw-b');
    expect(read).toMatchObject({ sends: 2, delivery: { provider: 'gw-b' } });

    // A second word from gw-a on the same message sends nothing more.
    const again = await receipt(appId, 'gw-a', { msgid: first.pmid, stat: 'REJECTD' });
    expect(again.body).toEqual({ outcome: 'unchanged' });
    expect((await client.get(`/v1/verifications/${first.id}`)).body.sends).toBe(2);

    if (first.code !== code) {
      const old = await client.post(`/v1/verifications/${first.id}/check`, { code: first.code });
      expect(old.body).toMatchObject({ valid: false, status: 'pending' });
    }
    const fresh = await client.post(`/v1/verifications/${first.id}/check`, { code });
    expect(fresh.body).toMatchObject({ valid: true, status: 'approved' });

    const messages = (await client.get(`/v1/verifications/${first.id}/messages`)).body.data;
    expect(
      messages.map((m: { provider: string; status: string }) => [m.provider, m.status]),
    ).toEqual([
      ['gw-a', 'undelivered'],
      ['gw-b', 'sent'],
    ]);
    expect(requestsTo(primary, to)).toHaveLength(1);
  });

  it('sends nothing again without failoverOnUndelivered, or after the last gateway', async () => {
    const { appId, client } = await appWith(twoGateways(false));
    const to = '+905551310004';
    const first = await sent(client, to, primary);
    expect((await receipt(appId, 'gw-a', { msgid: first.pmid, stat: 'UNDELIV' })).body).toEqual({
      outcome: 'applied',
    });
    const { body } = await client.get(`/v1/verifications/${first.id}`);
    expect(body).toMatchObject({ sends: 1, delivery: { status: 'undelivered', provider: 'gw-a' } });
    expect(requestsTo(secondary, to)).toHaveLength(0);

    const onlyB = await appWith({
      channels: {
        sms: { providers: [gatewayEntry('gw-b', secondary.url)], failoverOnUndelivered: true },
      },
    });
    const last = await sent(onlyB.client, '+905551310005', secondary);
    await receipt(onlyB.appId, 'gw-b', { msgid: last.pmid, stat: 'UNDELIV' });
    expect((await onlyB.client.get(`/v1/verifications/${last.id}`)).body.sends).toBe(1);

    // A failover code is a send: a verification whose sends are spent gets none.
    const spent = await appWith({ ...twoGateways(true), verification: { maxSends: 1 } });
    const once = await sent(spent.client, '+905551310006', primary);
    await receipt(spent.appId, 'gw-a', { msgid: once.pmid, stat: 'UNDELIV' });
    const read = await spent.client.get(`/v1/verifications/${once.id}`);
    expect(read.body).toMatchObject({ sends: 1, delivery: { status: 'undelivered' } });
    expect(requestsTo(secondary, '+905551310006')).toHaveLength(0);
  });
});
