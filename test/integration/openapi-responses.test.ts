import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDialectIds } from '../../src/dialects/domain/dialect-ids.ts';
import { createFakeClock } from '../helpers/fake-clock.ts';
import { type FakeGateway, startFakeGateway } from '../helpers/fake-gateway.ts';
import { type FakeTwilio, startFakeTwilio } from '../helpers/fake-twilio.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { createClient } from '../helpers/http-client.ts';
import {
  fetchDocument,
  type Operation,
  operationsOf,
  responseValidator,
} from '../helpers/openapi.ts';
import { exerciseConsole } from './openapi-console-calls.ts';
import { type Call, type Exchange, exerciseMessenger } from './openapi-messenger-calls.ts';

const ACCOUNT = `AC${'7d'.repeat(16)}`;
const TOKEN = 'openapi-twilio-token-41c0e2aa';
const RECEIPT_TOKEN = 'openapi-receipt-token-8e1f55d0';
const WEBHOOK_SECRET = `whsec_${Buffer.from('openapi-webhook-secret-0123').toString('base64')}`;

/** The first chunk of an answer that never ends; the request is then aborted. */
async function firstChunk(response: Response, controller: AbortController): Promise<string> {
  const reader = response.body?.getReader();
  const chunk = await reader?.read();
  controller.abort();
  return new TextDecoder().decode(chunk?.value);
}

/**
 * Real answers of every documented operation, each checked against the document: the status
 * must be declared, the content type declared for it, the body valid under its schema.
 */
describe('every operation answers as the OpenAPI document declares', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let twilio: FakeTwilio;
  let gateway: FakeGateway;
  let check: ReturnType<typeof responseValidator>;
  let operations: Map<string, Operation>;
  const exercised = new Map<string, Set<number>>();
  let appId: string;
  let apiKey: string;
  let ids: AppDialectIds;
  let n = 0;
  const nextNumber = () => `+90555160${String(1000 + n++)}`;

  beforeAll(async () => {
    server = await startServer({ clock, env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    twilio = await startFakeTwilio({ [ACCOUNT]: TOKEN });
    gateway = await startFakeGateway();
    const doc = await fetchDocument(server.url);
    check = responseValidator(doc);
    operations = new Map(operationsOf(doc).map((o) => [o.operationId, o]));
    const created = await server.createApp('Documented Shop');
    appId = created.appId;
    apiKey = created.apiKey;
    const app = await server.deps.store.getApp(appId);
    if (!app?.dialects) throw new Error('the app has no dialect identities');
    ids = app.dialects;
  });
  afterAll(async () => {
    await server.close();
    await twilio.close();
    await gateway.close();
  });

  function credential(operation: Operation): string | undefined {
    const scheme = Object.keys(operation.op.security?.[0] ?? {})[0];
    if (scheme === 'bearerAuth') return `Bearer ${apiKey}`;
    if (scheme !== 'basicAuth') return undefined;
    const user = operation.path.startsWith('/twilio/') ? ids.twilioAccountSid : appId;
    return `Basic ${Buffer.from(`${user}:${apiKey}`).toString('base64')}`;
  }

  /** Sends one request to the operation, checks the answer against the document, returns it. */
  async function call(operationId: string, expected: number, request: Call = {}) {
    const operation = operations.get(operationId);
    if (!operation) throw new Error(`no operation ${operationId}`);
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(request.params?.[name] ?? ''),
    );
    const headers: Record<string, string> = { ...request.headers };
    const auth = request.auth === undefined ? credential(operation) : request.auth;
    if (auth !== undefined && auth !== 'none') headers.authorization = auth;
    let body: string | undefined;
    if (typeof request.body === 'string') body = request.body;
    else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] ??= 'application/json';
    }
    const controller = new AbortController();
    const response = await fetch(`${server.url}${path}${request.query ?? ''}`, {
      method: operation.method,
      headers,
      body,
      signal: controller.signal,
    });
    const text = request.stream ? await firstChunk(response, controller) : await response.text();
    const type = response.headers.get('content-type');
    let parsed: unknown = text;
    if (/^application\/(problem\+)?json/.test(type ?? ''))
      parsed = text === '' ? '' : JSON.parse(text);
    expect(response.status, `${operationId}: ${text.slice(0, 300)}`).toBe(expected);
    expect(check(operation, response.status, type, parsed), operationId).toBeUndefined();
    const seen = exercised.get(operationId) ?? new Set<number>();
    seen.add(response.status);
    exercised.set(operationId, seen);
    return { status: response.status, body: parsed, text, headers: response.headers } as Exchange;
  }

  const form = (fields: Record<string, string>) => ({
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

  it('the native verification API', async () => {
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
  });

  it('the message log, with its exports', async () => {
    await call('listMessages', 200);
    await call('listMessages', 200, { query: '?format=ndjson' });
    await call('listMessages', 200, { query: '?format=csv' });
    await call('listMessages', 400, { query: '?cursor=not-a-cursor' });
    await call('listMessages', 400, { query: '?status=lost' });
    await call('exportMessages', 200, { query: '?format=ndjson&country=TR' });
    await call('exportMessages', 200);
    await call('exportMessages', 400, { query: '?format=xlsx' });
    const page = await call('listMessages', 200, { query: '?limit=1' });
    const first = (page.body as { data: { id: string }[] }).data[0];
    if (first) await call('getMessage', 200, { params: { id: first.id } });
    await call('getMessage', 404, { params: { id: 'msg_missing' } });
  });

  it('the analytics', async () => {
    await call('getAnalytics', 200, { query: '?groupBy=country&interval=day' });
    await call('getAnalytics', 400, { query: '?interval=week' });
    await call('getAnalytics', 401, { auth: 'none' });
  });

  it('settings, test sends, the fraud guard and the webhook log', async () => {
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
  });

  it('delivery receipts', async () => {
    await call('httpReceipt', 200, {
      params: { appId, provider: 'gw' },
      query: `?token=${RECEIPT_TOKEN}`,
      body: { msgid: 'unknown-1', stat: 'DELIVRD' },
    });
    await call('httpReceipt', 403, {
      params: { appId, provider: 'gw' },
      query: '?token=wrong',
      body: { msgid: 'unknown-1', stat: 'DELIVRD' },
    });
    await call('httpReceipt', 415, {
      params: { appId, provider: 'gw' },
      headers: { 'content-type': 'text/plain' },
      body: 'msgid=1',
    });
    await call('twilioReceipt', 403, {
      params: { appId },
      ...form({ MessageSid: 'SM1', MessageStatus: 'delivered', AccountSid: ACCOUNT }),
    });
  });

  it('the Twilio Verify compatible API', async () => {
    const service = { ServiceSid: ids.twilioServiceSid };
    const to = nextNumber();
    const created = await call('twilioCreateVerification', 201, {
      params: service,
      ...form({ To: to, Channel: 'sms' }),
    });
    const sid: string = created.body.sid;
    await call('twilioCreateVerification', 401, { params: service, auth: 'none', ...form({}) });
    await call('twilioCreateVerification', 404, {
      params: { ServiceSid: `VA${'0'.repeat(32)}` },
      ...form({ To: to }),
    });
    await call('twilioCreateVerification', 400, { params: service, ...form({ Channel: 'sms' }) });
    await call('twilioFetchVerification', 200, { params: { ...service, Sid: sid } });
    await call('twilioFetchVerification', 404, {
      params: { ...service, Sid: `VE${'0'.repeat(32)}` },
    });
    await call('twilioCreateVerificationCheck', 200, {
      params: service,
      ...form({ To: to, Code: '00000' }),
    });
    await call('twilioCreateVerificationCheck', 400, { params: service, ...form({ To: to }) });
    await call('twilioUpdateVerification', 400, {
      params: { ...service, Sid: sid },
      ...form({ Status: 'pending' }),
    });
    await call('twilioUpdateVerification', 200, {
      params: { ...service, Sid: sid },
      ...form({ Status: 'canceled' }),
    });
    await call('twilioCreateVerificationCheck', 404, {
      params: service,
      ...form({ To: to, Code: '123456' }),
    });
  });

  it('the Beem OTP compatible API, under both of its paths', async () => {
    const app = await server.deps.store.getApp(appId);
    const beemAppId = app?.dialects?.beemAppId;
    for (const [request, verify] of [
      ['beemRequest', 'beemVerify'],
      ['beemApiRequest', 'beemApiVerify'],
    ] as const) {
      const sent = await call(request, 200, {
        body: { appId: beemAppId, msisdn: nextNumber().slice(1) },
      });
      expect(sent.body.data.message.code).toBe(100);
      await call(request, 401, { body: { appId: beemAppId }, auth: 'none' });
      await call(request, 400, {
        body: '{"appId": ',
        headers: { 'content-type': 'application/json' },
      });
      await call(request, 415, { body: 'appId=1', headers: { 'content-type': 'text/plain' } });
      await call(verify, 200, { body: { pinId: sent.body.data.pinId, pin: '0000' } });
      await call(verify, 200, { body: { pinId: 'ver_missing', pin: '1234' } });
      await call(verify, 401, { body: {}, auth: 'Basic bm9ib2R5Om5vdGhpbmc=' });
    }
  });

  it("Convertalk's chatbot endpoints", async () => {
    const sent = await call('convertalkSendOtpSms', 200, {
      body: {
        accountSID: ACCOUNT,
        authToken: TOKEN,
        fromNumber: '+15017122661',
        toNumber: nextNumber(),
      },
    });
    await call('convertalkSendOtpSms', 400, { body: { accountSID: 'nope' } });
    await call('convertalkSendOtpSms', 401, { body: {}, auth: 'none' });
    await call('convertalkVerifyUserOtp', 200, {
      body: { systemOtp: sent.body.systemOtp, userOtp: '0000' },
    });
    await call('convertalkVerifyUserOtp', 200, { body: { systemOtp: 'made-up', userOtp: 1234 } });
    await call('convertalkVerifyUserOtp', 400, { body: { userOtp: [] } });
  });

  it("Diyalog's bot endpoints", async () => {
    const token = { botAccessToken: apiKey };
    const message = {
      customerNo: '905551601234',
      messageId: 'openapi-msg-1',
      mokMessage: 'Your code is 482913',
      mokValue: '482913',
      buttonsV2: [{ type: 'postback', title: 'It was me', payload: '482913' }],
    };
    await call('diyalogSendmok', 200, { params: token, body: message });
    await call('diyalogSendmok', 401, {
      params: { botAccessToken: 'otpd_unknown' },
      body: message,
    });
    await call('diyalogSendmok', 400, { params: token, body: { customerNo: 5 } });
    await call('diyalogSendmok', 409, {
      params: token,
      body: {
        ...message,
        messageId: 'openapi-msg-2',
        buttonsV2: [{ type: 'postback', title: 'No', payload: 'deny', payloadHidden: true }],
      },
    });
    await call('diyalogPostback', 200, {
      params: token,
      body: { messageId: 'openapi-msg-1', payload: '482913' },
    });
    await call('diyalogPostback', 400, { params: token, body: { payload: '1' } });
  });

  it('the operations endpoints', async () => {
    await call('getHealth', 200);
    await call('getReadiness', 200);
    await call('getMetrics', 200);
  });

  it("the web messenger's API and the conversations API", async () => {
    await exerciseMessenger(server, clock, call);
  });

  it("the admin console's API and the audit log", async () => {
    await exerciseConsole(server, appId, call);
  });

  it('exercised every documented operation', () => {
    const missing = [...operations.keys()].filter((id) => !exercised.has(id));
    expect(missing).toEqual([]);
  });
});
