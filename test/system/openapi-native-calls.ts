import { expect } from 'vitest';
import { createClient } from '../helpers/http-client.ts';
import {
  type Exchange,
  type OpenApiContext,
  RECEIPT_TOKEN,
  WEBHOOK_SECRET,
} from './openapi-context.ts';

/* The native API's operations, each answer checked by `call` against the document. */

/** The native verification API. */
export async function exerciseVerifications(context: OpenApiContext): Promise<void> {
  const { server, clock, apiKey, call, nextNumber } = context;
  const to = nextNumber();
  const started = await call('startVerification', 201, { body: { to } });
  const id: string = started.body.id;
  await call('startVerification', 400, { body: { to: 5 } });
  await call('startVerification', 401, { body: { to }, auth: 'none' });
  await call('startVerification', 401, { body: { to }, auth: 'Bearer otpd_not_a_key' });
  await call('startVerification', 415, {
    body: 'to=+905551600000',
    headers: { 'content-type': 'text/plain' },
  });
  await call('startVerification', 400, {
    body: '{"to": ',
    headers: { 'content-type': 'application/json' },
  });
  await call('startVerification', 413, { body: { to, txCode: 'x'.repeat(70_000) } });
  const once = { 'idempotency-key': 'openapi-create-1' };
  await call('startVerification', 201, { body: { to: nextNumber() }, headers: once });
  await call('startVerification', 422, { body: { to: nextNumber() }, headers: once });

  await call('getVerification', 200, { params: { id } });
  await call('getVerification', 404, { params: { id: 'ver_missing' } });
  await call('getVerification', 401, { params: { id }, auth: 'none' });

  await call('resendVerification', 429, { params: { id } });
  clock.advance(31_000);
  await call('resendVerification', 200, { params: { id }, body: { clientIp: '203.0.113.9' } });
  await call('resendVerification', 404, { params: { id: 'ver_missing' } });

  const code = await server.readCode(createClient(server.url, apiKey), id);
  const wrong = code === '000000' ? '111111' : '000000';
  await call('checkVerification', 200, { params: { id }, body: { code: wrong } });
  await call('checkVerification', 400, { params: { id }, body: { code: 'abc' } });
  await call('checkVerification', 404, { params: { id: 'ver_missing' }, body: { code } });
  await call('checkVerificationByDestination', 200, { body: { to, code } });
  await call('checkVerificationByDestination', 404, { body: { to: nextNumber(), code } });
  await call('checkVerificationByDestination', 400, { body: { to, code, extra: true } });

  // Approved now: it can be neither canceled nor sent again.
  await call('cancelVerification', 409, { params: { id } });
  await call('resendVerification', 409, { params: { id } });
  const other = await call('startVerification', 201, { body: { to: nextNumber() } });
  await call('cancelVerification', 200, { params: { id: other.body.id } });
  await call('cancelVerification', 404, { params: { id: 'ver_missing' } });

  await call('listVerificationMessages', 200, { params: { id } });
  await call('listVerificationMessages', 404, { params: { id: 'ver_missing' } });
  await call('listSandboxMessages', 200, { query: `?to=${encodeURIComponent(to)}` });
  await call('listSandboxMessages', 400, { query: '?limit=0' });
}

/** Settings, test sends, the fraud guard and the webhook log. */
export async function exerciseSettings(context: OpenApiContext): Promise<void> {
  const { twilio, gateway, call, nextNumber } = context;
  const shown = await call('getSettings', 200);
  await call('getSettings', 401, { auth: 'none' });
  await call('replaceSettings', 200, {
    body: {
      ...shown.body,
      webhooks: [
        { url: `${gateway.url}/hook`, events: ['verification.created'], secret: WEBHOOK_SECRET },
      ],
      dialects: {
        ...shown.body.dialects,
        convertalk: { ...shown.body.dialects?.convertalk, twilioBaseUrl: twilio.url },
      },
      channels: {
        ...shown.body.channels,
        sms: {
          ...shown.body.channels?.sms,
          providers: [
            ...(shown.body.channels?.sms?.providers ?? []),
            {
              type: 'http',
              name: 'gw',
              request: { url: `${gateway.url}/send`, body: { to: '{{to}}', otp: '{{code}}' } },
              receipt: {
                token: RECEIPT_TOKEN,
                messageIdPointer: '/msgid',
                statusPointer: '/stat',
                statusMap: { DELIVRD: 'delivered' },
              },
            },
          ],
        },
      },
    },
  });
  await call('replaceSettings', 400, { body: { limits: { nothing: 1 } } });
  await call('testSend', 200, { body: { channel: 'sms', to: nextNumber() } });
  await call('testSend', 400, { body: { channel: 'pigeon', to: nextNumber() } });

  await call('listFraudBlocks', 200, { query: '?all=true' });
  await call('listFraudBlocks', 400, { query: '?all=maybe' });
  await call('liftFraudBlock', 404, { params: { id: 'frd_missing' } });

  await call('startVerification', 201, { body: { to: nextNumber() } });
  let deliveries: Exchange | undefined;
  for (let i = 0; i < 200 && !deliveries?.body.data.length; i++) {
    deliveries = await call('listWebhookDeliveries', 200);
    if (!deliveries.body.data.length) await new Promise((r) => setTimeout(r, 20));
  }
  const delivery = deliveries?.body.data[0];
  expect(delivery).toBeDefined();
  await call('getWebhookDelivery', 200, { params: { id: delivery.id } });
  await call('getWebhookDelivery', 404, { params: { id: 'whd_missing' } });
  for (let i = 0; i < 200; i++) {
    const current = await call('getWebhookDelivery', 200, { params: { id: delivery.id } });
    if (current.body.status !== 'pending') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await call('retryWebhookDelivery', 202, { params: { id: delivery.id } });
  await call('retryWebhookDelivery', 404, { params: { id: 'whd_missing' } });
  await call('listWebhookDeliveries', 400, { query: '?cursor=nope' });
}
