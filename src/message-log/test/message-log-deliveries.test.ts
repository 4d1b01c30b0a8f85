import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answer,
  type FakeGateway,
  startFakeGateway,
  succeed,
} from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

/** Polls the message log of a verification until it holds `count` entries. */
async function messagesOf(client: Client, id: string, count: number) {
  for (let i = 0; i < 250; i++) {
    const { status, body } = await client.get(`/v1/verifications/${id}/messages`);
    expect(status).toBe(200);
    if (body.data.length >= count) return body.data;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`verification ${id} never had ${count} logged attempts`);
}

describe('message log: attempts recorded by real deliveries', () => {
  let server: TestServer;
  let primary: FakeGateway;
  let secondary: FakeGateway;
  const codes: string[] = [];
  const bodies: string[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    primary = await startFakeGateway(answer(500, 'down'));
    secondary = await startFakeGateway(succeed);
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
      url: `${url}/send`,
      body: { to: '{{to}}', text: '{{message}}' },
      encoding: 'json',
    },
    success: { status: [200], jsonPointer: '/ok', equals: true },
    messageIdPointer: '/id',
  });

  it('logs a sandbox delivery with the references the app gave, and no code', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', {
      to: '+905551280001',
      txCode: 'TX-1',
      deviceId: 'dev-1',
      messageId: 'msg-ref-1',
    });
    expect(created.status).toBe(201);
    const code = await server.readCode(client, created.body.id);
    codes.push(code);
    const sandbox = await client.get('/v1/sandbox/messages?limit=100');
    bodies.push(sandbox.body.data[0].body);

    const [entry] = await messagesOf(client, created.body.id, 1);
    expect(entry).toMatchObject({
      verificationId: created.body.id,
      channel: 'sms',
      to: '+905551280001',
      country: 'TR',
      status: 'sent',
      errorCode: null,
      txCode: 'TX-1',
      deviceId: 'dev-1',
      messageId: 'msg-ref-1',
    });
    expect(entry.provider).toBe(
      (await client.get(`/v1/verifications/${created.body.id}`)).body.delivery.provider,
    );
    expect(entry.timeline).toEqual([{ status: 'sent', at: entry.createdAt }]);
    expect(entry.latencyMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(entry)).not.toContain(code);
  });

  it('logs each gateway attempt: the failed primary, then the secondary that sent', async () => {
    const { client } = await server.createApp('Gateway Shop');
    const put = await client.request('PUT', '/v1/settings', {
      channels: {
        sms: { providers: [gateway('gw-a', primary.url), gateway('gw-b', secondary.url)] },
      },
    });
    expect(put.status).toBe(200);
    const created = await client.post('/v1/verifications', { to: '+905551280002', txCode: 'TX-2' });
    const entries = await messagesOf(client, created.body.id, 2);
    expect(entries.map((e: any) => [e.provider, e.status])).toEqual([
      ['gw-a', 'failed'],
      ['gw-b', 'sent'],
    ]);
    expect(entries[0].errorCode).toEqual(expect.any(String));
    expect(entries[0].timeline).toEqual([
      { status: 'failed', at: entries[0].createdAt, error: entries[0].errorCode },
    ]);
    expect(entries[0].providerMessageId).toBeNull();
    expect(entries[1]).toMatchObject({ providerMessageId: 'gw-1', errorCode: null });

    // The same two through the searchable log, newest first, and narrowed by filters.
    const all = await client.get('/v1/messages');
    expect(all.body.data.map((e: any) => e.provider)).toEqual(['gw-b', 'gw-a']);
    expect(all.body.nextCursor).toBeNull();
    const failed = await client.get('/v1/messages?status=failed');
    expect(failed.body.data.map((e: any) => e.provider)).toEqual(['gw-a']);
    const byProvider = await client.get('/v1/messages?provider=gw-b&txCode=TX-2');
    expect(byProvider.body.data.map((e: any) => e.status)).toEqual(['sent']);
    // An unescaped + arrives as a space; the destination is still found.
    const byTo = await client.get('/v1/messages?to=+905551280002&channel=sms');
    expect(byTo.body.data).toHaveLength(2);
    expect((await client.get('/v1/messages?to=%2B905551280009')).body.data).toEqual([]);
    const createdAt = Date.parse(entries[1].createdAt);
    const since = new Date(createdAt).toISOString();
    const before = new Date(createdAt + 1).toISOString();
    const window = await client.get(`/v1/messages?from=${since}&until=${before}`);
    expect(window.body.data.map((e: any) => e.provider)).toContain('gw-b');
    const later = new Date(createdAt + 60_000).toISOString();
    expect((await client.get(`/v1/messages?from=${later}`)).body.data).toEqual([]);
  });

  it("answers 404 for another app's verification and shows none of its messages (I5)", async () => {
    const owner = await server.createApp('Owner');
    const stranger = await server.createApp('Stranger');
    const created = await owner.client.post('/v1/verifications', { to: '+905551280003' });
    await messagesOf(owner.client, created.body.id, 1);
    const peek = await stranger.client.get(`/v1/verifications/${created.body.id}/messages`);
    expect(peek.status).toBe(404);
    expect(peek.body.code).toBe('verification_not_found');
    expect((await stranger.client.get('/v1/messages')).body.data).toEqual([]);
    expect((await stranger.client.get('/v1/messages?format=ndjson')).text).toBe('');
  });

  it('refuses a cursor it did not issue, and a limit above 100', async () => {
    const { client } = await server.createApp();
    const bad = await client.get('/v1/messages?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
    expect((await client.get('/v1/messages?limit=101')).status).toBe(400);
  });

  it('documents both routes in the OpenAPI description', async () => {
    const doc = await (await fetch(`${server.url}/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/messages', '/v1/verifications/{id}/messages']),
    );
    const params = doc.paths['/v1/messages'].get.parameters.map((p: any) => p.name);
    expect(params).toEqual(
      expect.arrayContaining(['txCode', 'to', 'status', 'from', 'until', 'cursor', 'format']),
    );
  });

  it('keeps codes and message texts out of the message log files', async () => {
    expect(codes.length).toBeGreaterThan(0);
    const files = readdirSync(server.dataDir).filter((f) => f.startsWith('messages.db'));
    expect(files).toContain('messages.db');
    const contents = files.map((f) => readFileSync(join(server.dataDir, f)).toString('latin1'));
    const all = contents.join('\n');
    expect(all).toContain('+905551280001');
    for (const code of codes) expect(all).not.toContain(code);
    for (const body of bodies) {
      expect(all).not.toContain(body);
      expect(all).not.toContain('verification code is');
    }
  });
});

describe('message log: fail-open', () => {
  it('delivers although the message log cannot be written, with a warning', async () => {
    const server = await startServer();
    try {
      const { client } = await server.createApp();
      await server.deps.messageLog.close();
      const created = await client.post('/v1/verifications', { to: '+905551280004' });
      const code = await server.readCode(client, created.body.id);
      const checked = await client.post(`/v1/verifications/${created.body.id}/check`, { code });
      expect(checked.body).toMatchObject({ valid: true });
      await expect
        .poll(() => server.logs.join(''))
        .toContain('message log write failed; the delivery goes on (fail-open)');
    } finally {
      await server.close();
    }
  });
});
