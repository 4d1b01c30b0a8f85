import { afterAll, beforeAll, expect } from 'vitest';
import {
  type FakeGateway,
  type GatewayBehaviour,
  startFakeGateway,
} from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';

/* What the receipts-http-*.test.ts files share: two numbering gateways and a server, per backend. */

export const TOKEN = 'gateway-receipt-token-5f2a91c3';
const SECRET = 'receipts-postgres-secret-0123456789abcdef';

export async function until<T>(read: () => T | undefined | Promise<T | undefined>, what: string) {
  for (let i = 0; i < 250; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never: ${what}`);
}

/** A gateway answering each message with its own id under `field`. */
export function numbering(prefix: string, field = 'id'): GatewayBehaviour {
  let next = 1;
  return () => ({ status: 200, body: { ok: true, [field]: `${prefix}-${next++}` } });
}

export const gatewayEntry = (name: string, url: string, receipt: object = defaultReceipt) => ({
  type: 'http',
  name,
  request: { url: `${url}/send`, body: { to: '{{to}}', otp: '{{code}}' } },
  messageIdPointer: '/id',
  receipt,
});

export const defaultReceipt = {
  token: TOKEN,
  messageIdPointer: '/msgid',
  statusPointer: '/stat',
  errorPointer: '/err',
  statusMap: { DELIVRD: 'delivered', UNDELIV: 'undelivered', REJECTD: 'failed', ACKED: 'sent' },
};

/** Beem's delivery reports `{request_id, dest_addr, status}`, `Status` in some versions. */
export const beemReceipt = {
  token: TOKEN,
  messageIdPointer: '/request_id',
  statusPointer: ['/status', '/Status'],
  statusMap: { DELIVERED: 'delivered', UNDELIVERED: 'undelivered', REJECTED: 'failed' },
};

export const backends = [
  { name: 'SQLite', env: async () => ({}) },
  {
    name: 'PostgreSQL (store and message log)',
    env: async (database: TestDatabase) => ({
      OTPD_DATABASE_URL: (await database.createSchema()).url,
      OTPD_SECRET: SECRET,
    }),
  },
];

/** What the tests of a receipts file act on. */
export interface ReceiptsWorld {
  server: TestServer;
  /** The first gateway of `twoGateways`, numbering its messages a-1, a-2, … */
  primary: FakeGateway;
  /** The second, numbering b-1, b-2, … */
  secondary: FakeGateway;
}

/**
 * A server on `backend` with two fake gateways, started before the calling describe's tests
 * (handed to `bind`) and closed after; returns the steps the tests take against them.
 */
export function useReceiptsWorld(
  backend: (typeof backends)[number],
  bind: (world: ReceiptsWorld) => void,
) {
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
    bind({ server, primary, secondary });
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
  return {
    appWith,
    twoGateways,
    requestsTo,
    sent,
    receipt,
  };
}
