import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answer,
  type FakeGateway,
  startFakeGateway,
  succeed,
} from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

/** An app that delivers SMS through third-party HTTP gateways set in its settings. */
describe('delivery through http gateways', () => {
  let server: TestServer;
  let primary: FakeGateway;
  let secondary: FakeGateway;

  beforeAll(async () => {
    // The gateways listen on loopback, which the outbound guard refuses unless allowed.
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    primary = await startFakeGateway();
    secondary = await startFakeGateway();
  });
  afterAll(async () => {
    await server.close();
    await primary.close();
    await secondary.close();
  });

  const gateway = (name: string, url: string) => ({
    type: 'http',
    name,
    request: {
      method: 'POST',
      url: `${url}/send?key={{apiKey}}`,
      headers: { Authorization: 'Bearer gateway-secret-token' },
      body: { to: '{{toDigits}}', text: '{{message}}', otp: '{{code}}' },
      encoding: 'json',
    },
    success: { status: [200], jsonPointer: '/ok', equals: true },
    messageIdPointer: '/id',
    vars: { apiKey: 'k-123' },
  });

  async function appWithGateways() {
    const created = await server.createApp('Gateway Shop');
    const put = await created.client.request('PUT', '/v1/settings', {
      channels: {
        sms: { providers: [gateway('gw-a', primary.url), gateway('gw-b', secondary.url)] },
      },
    });
    expect(put.status).toBe(200);
    return created;
  }

  async function waitForDelivery(client: any, id: string) {
    for (let i = 0; i < 200; i++) {
      const { body } = await client.get(`/v1/verifications/${id}`);
      if (body.delivery.status !== 'queued') return body;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`verification ${id} was never delivered`);
  }

  it('sends the code through the first gateway and the person can use it', async () => {
    primary.behave(succeed);
    const { client } = await appWithGateways();
    const before = primary.requests.length;
    const created = await client.post('/v1/verifications', { to: '+905551280001' });
    const read = await waitForDelivery(client, created.body.id);
    expect(read.delivery).toMatchObject({ status: 'sent', provider: 'gw-a' });

    const sent = primary.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/send?key=k-123');
    expect(sent[0]?.headers.authorization).toBe('Bearer gateway-secret-token');
    const body = JSON.parse(sent[0]?.body ?? '{}');
    expect(body.to).toBe('905551280001');
    expect(body.text).toContain(body.otp);

    const checked = await client.post(`/v1/verifications/${created.body.id}/check`, {
      code: body.otp,
    });
    expect(checked.body).toMatchObject({ valid: true, status: 'approved' });
  });

  it('fails over to the second gateway when the first is down, for every message', async () => {
    primary.behave(answer(500, 'down'));
    const { client } = await appWithGateways();
    const before = secondary.requests.length;
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        client.post('/v1/verifications', { to: `+90555128${String(1000 + i)}` }),
      ),
    );
    for (const v of created) {
      const read = await waitForDelivery(client, v.body.id);
      expect(read.delivery).toMatchObject({ status: 'sent', provider: 'gw-b' });
    }
    const reached = secondary.requests.slice(before).map((r) => JSON.parse(r.body).to);
    expect(reached.sort()).toEqual(created.map((v) => v.body.to.slice(1)).sort());
  });

  it('keeps gateway secrets and codes out of the logs', () => {
    const output = server.logs.join('');
    expect(output).toContain('message sent');
    expect(output).not.toContain('gateway-secret-token');
    expect(output).not.toContain('k-123');
  });
});
