import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../helpers/fake-twilio.ts';
import { type FuzzRequest, type FuzzTarget, fuzzRequest } from '../helpers/fuzz-requests.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { createClient } from '../helpers/http-client.ts';
import {
  fetchDocument,
  mediaType,
  type Operation,
  operationsOf,
  responseValidator,
} from '../helpers/openapi.ts';

/** Fixed, so a failure is the same failure on every machine; change it to explore. */
const SEED = 20_261_206;
/** Requests per operation: 34 operations × 40 = 1,360 requests, some seconds on 2 cores. */
const RUNS = 40;

const ACCOUNT = `AC${'3c'.repeat(16)}`;
const TOKEN = 'fuzz-twilio-token-77a1b3c9';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface Answer {
  status: number;
  type: string;
  body: any;
  text: string;
}

/**
 * Every route of the OpenAPI document, driven with generated requests, valid and not:
 * never a 5xx; every error a problem document with a stable code (Twilio's, Beem's and
 * Convertalk's APIs answer errors in their own shapes, with stable codes); and every answer to a
 * request that reaches the operation is one the document declares.
 */
describe('fuzz: every documented route, generated requests', () => {
  let server: TestServer;
  let twilio: FakeTwilio;
  let check: ReturnType<typeof responseValidator>;
  let targets: FuzzTarget[];
  let sent = 0;

  beforeAll(async () => {
    server = await startServer({ dispatcher: false });
    twilio = await startFakeTwilio({ [ACCOUNT]: TOKEN });
    const doc = await fetchDocument(server.url);
    check = responseValidator(doc);
    const a = await server.createApp('Fuzzed Shop');
    // Settings are fuzzed on an app of their own, so the others' settings stay put: the
    // Convertalk sends keep reaching the local Twilio, never the real one.
    const b = await server.createApp('Fuzzed Settings');
    const put = await a.client.request('PUT', '/v1/settings', {
      dialects: { convertalk: { twilioBaseUrl: twilio.url } },
      // On, so the messenger's operations are driven past their 404.
      messenger: { enabled: true, authentication: 'otp' },
    });
    expect(put.status, put.text).toBe(200);
    const app = await server.deps.store.getApp(a.appId);
    const ids = app?.dialects;
    if (!ids) throw new Error('the app has no dialect identities');
    const started = await a.client.post('/v1/verifications', { to: '+905551700001' });
    const verificationId: string = started.body.id;
    const convertalk = await a.client.post('/convertalk/integrations/custom-feature/send-otp-sms', {
      accountSID: ACCOUNT,
      authToken: TOKEN,
      fromNumber: '+15017122661',
      toNumber: '+905551700002',
    });
    const twilioVerification = await createClient(server.url).request(
      'POST',
      `/twilio/v2/Services/${ids.twilioServiceSid}/Verifications`,
      'To=%2B905551700003&Channel=sms',
      {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(ids.twilioAccountSid, a.apiKey),
      },
    );

    const params = {
      id: verificationId,
      appId: a.appId,
      provider: 'gw',
      botAccessToken: a.apiKey,
      ServiceSid: ids.twilioServiceSid,
      Sid: twilioVerification.body.sid,
    };
    const samples: Record<string, Record<string, unknown>> = {
      startVerification: { to: '+905551700004', metadata: { order: 'A-1' }, txCode: 'tx-1' },
      checkVerificationByDestination: { to: '+905551700001', code: '123456' },
      checkVerification: { code: '123456' },
      resendVerification: { clientIp: '203.0.113.7' },
      replaceSettings: { limits: {}, webhooks: [] },
      testSend: { channel: 'sms', to: '+905551700005' },
      twilioReceipt: { MessageSid: 'SM1', MessageStatus: 'delivered', AccountSid: ACCOUNT },
      httpReceipt: { msgid: 'm-1', stat: 'DELIVRD' },
      convertalkSendOtpSms: {
        accountSID: ACCOUNT,
        authToken: TOKEN,
        fromNumber: '+15017122661',
        toNumber: '+905551700006',
      },
      convertalkVerifyUserOtp: { systemOtp: convertalk.body.systemOtp, userOtp: '123456' },
      diyalogSendmok: {
        customerNo: '905551701234',
        mokMessage: 'Your code is 482913',
        mokValue: '482913',
        buttonsV2: [{ type: 'postback', title: 'Yes', payload: '482913' }],
      },
      diyalogPostback: { messageId: 'fuzz-msg-1', payload: '482913' },
      twilioCreateVerification: { To: '+905551700007', Channel: 'sms' },
      twilioUpdateVerification: { Status: 'canceled' },
      twilioCreateVerificationCheck: { To: '+905551700003', Code: '123456' },
      beemRequest: { appId: ids.beemAppId, msisdn: '905551700008' },
      beemApiRequest: { appId: ids.beemAppId, msisdn: '905551700009' },
      beemVerify: { pinId: verificationId, pin: '1234' },
      beemApiVerify: { pinId: verificationId, pin: '1234' },
      startMessengerVerification: { phone: '+905551700010', name: 'Ada' },
      checkMessengerVerification: { code: '123456' },
      openMessengerConversation: { name: 'Ada' },
      postMessengerMessage: { text: 'Hello' },
      pressMessengerButton: { messageId: 'cmsg_1', payload: 'HUMAN' },
      postConversationMessage: { author: 'bot', text: 'How can I help?' },
    };
    const authorization = (operation: Operation) => {
      const scheme = Object.keys(operation.op.security?.[0] ?? {})[0];
      if (operation.operationId === 'replaceSettings') return `Bearer ${b.apiKey}`;
      if (scheme === 'bearerAuth') return `Bearer ${a.apiKey}`;
      if (operation.path.startsWith('/twilio/')) return basic(ids.twilioAccountSid, a.apiKey);
      if (scheme === 'basicAuth') return basic(a.appId, a.apiKey);
      return undefined;
    };
    targets = operationsOf(doc).map((operation) => ({
      operation,
      params,
      sample: samples[operation.operationId] ?? {},
      form: operation.path.startsWith('/twilio/') || operation.operationId === 'twilioReceipt',
      authorization: authorization(operation),
    }));
  });
  afterAll(async () => {
    console.info(`fuzz: ${sent} requests to ${targets?.length ?? 0} operations`);
    await server.close();
    await twilio.close();
  });

  async function send(request: FuzzRequest): Promise<Answer> {
    sent++;
    const response = await fetch(`${server.url}${request.url}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    const text = await response.text();
    const type = mediaType(response.headers.get('content-type'));
    let body: unknown = text;
    if (type === 'application/json' || type === 'application/problem+json') {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    return { status: response.status, type, body, text };
  }

  /** What is wrong with an answer, or undefined. */
  function judge(target: FuzzTarget, request: FuzzRequest, answer: Answer): string | undefined {
    const { status, type, body } = answer;
    if (status >= 500) return `a ${status}`;
    const path = target.operation.path;
    const twilioError =
      type === 'application/json' && typeof body?.code === 'number' && body.status === status;
    const beemResult = type === 'application/json' && typeof body?.data?.message?.code === 'number';
    if (status >= 400 && path.startsWith('/twilio/') && twilioError) {
      // Twilio's shape, with Twilio's stable numbers; problems below.
    } else if (status >= 400 && status < 500 && path.startsWith('/beem/') && beemResult) {
      // Beem's shape, with Beem's stable codes; problems below.
    } else if (status >= 400 && path.startsWith('/convertalk/')) {
      // Convertalk's flat shape, with the native stable codes.
      if (type !== 'application/json' || body?.success !== false) return `a ${status} not flat`;
      if (typeof body.error !== 'string' || !/^[a-z][a-z_]*$/.test(body.error))
        return `a ${status} with no error code`;
    } else if (status >= 400) {
      if (type !== 'application/problem+json') return `a ${status} as ${type || 'no type'}`;
      const code = body?.code;
      if (typeof code !== 'string' || !/^[a-z][a-z_]*$/.test(code))
        return `a ${status} with no code`;
      if (body.type !== `urn:otpd:problem:${code}` || body.status !== status) {
        return `a ${status} problem whose type or status disagrees with its code`;
      }
    }
    if (!request.routed) return undefined;
    return check(target.operation, status, answer.type, body);
  }

  it('drives every operation: never a 5xx, errors are problems, answers as documented', async () => {
    expect(targets.length).toBeGreaterThanOrEqual(30);
    // Each operation is its own property, so one operation's fault hides no other's.
    const failures: string[] = [];
    for (const [index, target] of targets.entries()) {
      let failure: string | undefined;
      await fc
        .assert(
          fc.asyncProperty(fuzzRequest(target), async (request) => {
            const label = `${target.operation.operationId} (${request.kinds.join(', ') || 'valid'})`;
            const answer = await send(request).catch((error: Error) => {
              failure = `${label}: the request failed: ${error.message} ${String((error as { cause?: unknown }).cause)}`;
              throw error;
            });
            const wrong = judge(target, request, answer);
            if (wrong) {
              failure = `${label}: ${wrong} — ${answer.text.slice(0, 200)}`;
              throw new Error(failure);
            }
          }),
          { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
        )
        .catch((error: Error) => {
          failures.push(failure ?? error.message);
        });
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
