import { describe, expect, it } from 'vitest';
import { startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import {
  backends,
  beemReceipt,
  gatewayEntry,
  numbering,
  type ReceiptsWorld,
  TOKEN,
  useReceiptsWorld,
} from './receipts-http-fixture.ts';

describe.each(backends)('delivery receipts from http gateways: statuses on $name', (backend) => {
  let server: ReceiptsWorld['server'];
  let primary: ReceiptsWorld['primary'];
  const { appWith, twoGateways, sent, receipt } = useReceiptsWorld(
    backend,
    (world) => ({ server, primary } = world),
  );

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
});
