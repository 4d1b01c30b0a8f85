import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { fetchDocument, type Operation, operationsOf } from '../../../test/helpers/openapi.ts';
import { API_SCOPES, type ApiScope } from '../domain/api-scopes.ts';

/** The scope an operation's document names; undefined when it names none. */
function documentedScope(operation: Operation): string | undefined {
  return /Needs an API key with the scope `([^`]+)`/.exec(operation.op.description ?? '')?.[1];
}

/** Operations that take an API key: a Bearer or Basic scheme, or Diyalog's token in the path. */
function takesApiKey(operation: Operation): boolean {
  const schemes = (operation.op.security ?? []).flatMap((r: object) => Object.keys(r));
  return (
    schemes.includes('bearerAuth') ||
    schemes.includes('basicAuth') ||
    operation.path.includes('{botAccessToken}')
  );
}

/**
 * Every operation of the document, called with a key of each single scope: the key of the
 * operation's scope gets past the check (whatever the handler then answers), every other key
 * is refused with 403 `insufficient_scope` naming the scope needed. Driven by the document,
 * so a route added without a scope fails here.
 */
describe('API key scopes, over every operation of the OpenAPI document', () => {
  let server: TestServer;
  let operations: Operation[];
  let appId: string;
  let accountSid: string;
  const keys = new Map<ApiScope, string>();

  beforeAll(async () => {
    server = await startServer({ dispatcher: false });
    ({ appId } = await server.createApp('Scoped Shop'));
    accountSid = (await server.deps.store.getApp(appId))?.dialects?.twilioAccountSid ?? '';
    for (const scope of API_SCOPES) {
      const issued = await server.deps.apps.createKey(appId, [scope]);
      if (!issued) throw new Error('no app');
      keys.set(scope, issued.apiKey);
    }
    operations = operationsOf(await fetchDocument(server.url)).filter(takesApiKey);
  });
  afterAll(() => server?.close());

  async function call(operation: Operation, apiKey: string) {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      name === 'botAccessToken' ? apiKey : name === 'ServiceSid' ? 'VA_unknown' : 'x_missing',
    );
    const headers: Record<string, string> = {};
    if (operation.path.startsWith('/twilio/')) {
      headers.authorization = `Basic ${Buffer.from(`${accountSid}:${apiKey}`).toString('base64')}`;
    } else if (operation.path.startsWith('/beem/')) {
      headers.authorization = `Basic ${Buffer.from(`${appId}:${apiKey}`).toString('base64')}`;
    } else if (!operation.path.includes('{botAccessToken}')) {
      headers.authorization = `Bearer ${apiKey}`;
    }
    const hasBody = !['GET', 'DELETE'].includes(operation.method);
    if (hasBody) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.url}${path}`, {
      method: operation.method,
      headers,
      body: hasBody ? '{}' : undefined,
    });
    const text = await response.text();
    // An export answers CSV; only the JSON answers (refusals among them) are read.
    const json = /json/.test(response.headers.get('content-type') ?? '');
    return { status: response.status, body: json && text ? JSON.parse(text) : undefined };
  }

  /** A refusal for want of a scope, in the operation's own error shape. */
  function refusedForScope(
    operation: Operation,
    answer: { status: number; body: Record<string, any> | undefined },
    scope: string,
  ): boolean {
    if (answer.status !== 403) return false;
    if (operation.path.startsWith('/twilio/')) return answer.body?.code === 20403;
    if (operation.path.startsWith('/beem/')) return answer.body?.data?.message?.code === 120;
    // Convertalk's flows read a flat error.
    if (operation.path.startsWith('/convertalk/')) {
      return answer.body?.success === false && answer.body?.error === 'insufficient_scope';
    }
    return answer.body?.code === 'insufficient_scope' && answer.body?.scope === scope;
  }

  it('documents the scope of every operation that takes an API key, and a 403', () => {
    expect(operations.length).toBeGreaterThan(30);
    const unscoped = operations.filter((o) => !documentedScope(o)).map((o) => o.operationId);
    expect(unscoped).toEqual([]);
    for (const operation of operations) {
      const scope = documentedScope(operation) as ApiScope;
      expect(API_SCOPES, operation.operationId).toContain(scope);
      expect(Object.keys(operation.op.responses), operation.operationId).toContain('403');
      for (const requirement of operation.op.security ?? []) {
        for (const scopes of Object.values(requirement)) expect(scopes).toEqual([scope]);
      }
    }
  });

  it('lets a key of one scope call exactly the operations of that scope', async () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      const needed = documentedScope(operation) as ApiScope;
      for (const scope of API_SCOPES) {
        const answer = await call(operation, keys.get(scope) as string);
        const refused = refusedForScope(operation, answer, needed);
        if (refused !== (scope !== needed)) {
          wrong.push(`${operation.operationId} with ${scope}: ${answer.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives every dialect the verifications scope', () => {
    const dialects = operations.filter((o) => /^\/(twilio|beem|diyalog|convertalk)\//.test(o.path));
    expect(dialects.length).toBeGreaterThanOrEqual(12);
    for (const operation of dialects) expect(documentedScope(operation)).toBe('verifications');
  });

  it('answers the refusal as a problem that names the scope needed', async () => {
    const response = await fetch(`${server.url}/v1/settings`, {
      headers: { authorization: `Bearer ${keys.get('messages:read')}` },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'insufficient_scope',
      scope: 'settings:read',
      detail: expect.stringContaining('settings:read'),
    });
  });

  it('refuses no scope to a key made with all of them (as the first key of an app)', async () => {
    const { client } = await server.createApp('Full Shop');
    expect((await client.get('/v1/settings')).status).toBe(200);
    expect((await client.get('/v1/messages')).status).toBe(200);
    expect((await client.get('/v1/conversations')).status).not.toBe(403);
  });
});
