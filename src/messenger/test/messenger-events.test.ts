import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStream } from '../../../test/helpers/event-stream.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { createVisitor } from '../../../test/helpers/messenger-visitor.ts';
import { readSandboxCode } from '../../../test/helpers/sandbox.ts';

describe('messenger realtime', () => {
  let server: TestServer;
  let client: Client;
  let appId: string;

  beforeAll(async () => {
    server = await startServer();
    ({ client, appId } = await server.createApp('Shop'));
    await client.request('PUT', '/v1/settings', { messenger: { enabled: true } });
  });
  afterAll(() => server.close());

  async function enter() {
    const visitor = createVisitor(server.url, appId);
    const started = await visitor.post('/verifications', { phone: '+905554001234' });
    const code = await readSandboxCode(client, started.body.id);
    const checked = await visitor.post(`/verifications/${started.body.id}/check`, { code });
    return { visitor, conversationId: checked.body.conversation.id as string };
  }

  it('pushes an API reply to the open page at once, and a reconnect resumes after Last-Event-ID', async () => {
    const { visitor, conversationId } = await enter();
    const url = `${server.url}/messenger/${appId}/api/events`;
    const stream = await openStream(url, visitor);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');

    await client.post(`/v1/conversations/${conversationId}/messages`, {
      author: 'bot',
      text: 'one',
    });
    await visitor.post('/messages', { text: 'two' });
    const live = await stream.waitFor(2);
    expect(live.map((e) => [e.id, e.event, e.data.text])).toEqual([
      ['1', 'message', 'one'],
      ['2', 'message', 'two'],
    ]);
    await stream.close();

    // Written while the page was away; the reconnect gets exactly what it missed.
    await client.post(`/v1/conversations/${conversationId}/messages`, {
      author: 'agent',
      text: 'three',
    });
    const resumed = await openStream(url, visitor, '2');
    const missed = await resumed.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(missed.map((e) => [e.id, e.data.text])).toEqual([['3', 'three']]);
    await resumed.close();
  });

  it('refuses a stream without a session', async () => {
    const response = await fetch(`${server.url}/messenger/${appId}/api/events`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lets the server shut down while pages are connected', async () => {
    const own = await startServer();
    const { client: c, appId: id } = await own.createApp('Closing');
    await c.request('PUT', '/v1/settings', {
      messenger: { enabled: true, authentication: 'none' },
    });
    const visitor = createVisitor(own.url, id);
    await visitor.post('/conversations', {});
    const stream = await openStream(`${own.url}/messenger/${id}/api/events`, visitor);
    expect(stream.response.status).toBe(200);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    await stream.close();
  });
});
