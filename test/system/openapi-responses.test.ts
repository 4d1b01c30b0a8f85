import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDialectIds } from '../../src/dialects/domain/dialect-ids.ts';
import { createFakeClock } from '../helpers/fake-clock.ts';
import { type FakeGateway, startFakeGateway } from '../helpers/fake-gateway.ts';
import { type FakeTwilio, startFakeTwilio } from '../helpers/fake-twilio.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import {
  fetchDocument,
  type Operation,
  operationsOf,
  responseValidator,
} from '../helpers/openapi.ts';
import { exerciseConsole } from './openapi-console-calls.ts';
import {
  ACCOUNT,
  type Call,
  type Exchange,
  type OpenApiContext,
  TOKEN,
} from './openapi-context.ts';
import {
  exerciseBeem,
  exerciseConvertalk,
  exerciseDiyalog,
  exerciseReceipts,
  exerciseTwilio,
} from './openapi-dialect-calls.ts';
import { exerciseMessenger } from './openapi-messenger-calls.ts';
import { exerciseSettings, exerciseVerifications } from './openapi-native-calls.ts';

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

  /** What the modules that exercise the operations need, once beforeAll has run. */
  const context = (): OpenApiContext => ({
    server,
    clock,
    twilio,
    gateway,
    appId,
    apiKey,
    ids,
    call,
    nextNumber,
  });

  it('the native verification API', () => exerciseVerifications(context()));

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

  it('settings, test sends, the fraud guard and the webhook log', () =>
    exerciseSettings(context()));

  it('delivery receipts', () => exerciseReceipts(context()));

  it('the Twilio Verify compatible API', () => exerciseTwilio(context()));

  it('the Beem OTP compatible API, under both of its paths', () => exerciseBeem(context()));

  it("Convertalk's chatbot endpoints", () => exerciseConvertalk(context()));

  it("Diyalog's bot endpoints", () => exerciseDiyalog(context()));

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
