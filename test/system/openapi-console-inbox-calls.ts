import { expect } from 'vitest';
import { ADMIN_PASSWORD, createAdmin } from '../helpers/console-admin.ts';
import type { TestServer } from '../helpers/harness.ts';
import type { CallOperation, Exchange } from './openapi-context.ts';

/** A visitor of an open messenger (no code gate) who asks for a person: a waiting conversation. */
async function waitingConversation(server: TestServer, appId: string): Promise<string> {
  const base = `${server.url}/messenger/${appId}/api`;
  const opened = await fetch(`${base}/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada' }),
  });
  expect(opened.status).toBe(201);
  const cookie = (opened.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const handed = await fetch(`${base}/handover`, { method: 'POST', headers: { cookie } });
  expect(handed.status).toBe(200);
  return ((await opened.json()) as { id: string }).id;
}

/** The console's agent inbox as its page uses it: list, open, take, write, hand back, close, stream. */
export async function exerciseConsoleInbox(server: TestServer, call: CallOperation): Promise<void> {
  const shop = await server.createApp('Documented Inbox');
  const put = await shop.client.request('PUT', '/v1/settings', {
    messenger: { enabled: true, authentication: 'none' },
  });
  expect(put.status, put.text).toBe(200);
  const appId = shop.appId;
  await createAdmin(server, 'inbox-agent@example.com', { role: 'agent', appIds: [appId] });
  await createAdmin(server, 'inbox-viewer@example.com', { role: 'viewer', appIds: [appId] });
  const signIn = async (email: string) => {
    const signed: Exchange = await call('consoleLogin', 200, {
      body: { email, password: ADMIN_PASSWORD },
    });
    const cookie = (signed.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    return { cookie, 'x-csrf-token': signed.body.csrfToken as string };
  };
  const agent = await signIn('inbox-agent@example.com');
  const viewer = await signIn('inbox-viewer@example.com');
  const read = { cookie: agent.cookie };
  const id = await waitingConversation(server, appId);
  const one = { appId, id };
  const missing = { appId, id: 'conv_missing' };

  await call('listConsoleInbox', 200, { headers: read, query: `?appId=${appId}&limit=5` });
  await call('listConsoleInbox', 400, { headers: read, query: '?status=lost' });
  await call('listConsoleInbox', 404, { headers: read, query: '?appId=app_elsewhere' });
  await call('listConsoleInbox', 401);
  await call('getConsoleInboxConversation', 200, { headers: read, params: one });
  await call('getConsoleInboxConversation', 400, { headers: read, params: one, query: '?after=x' });
  await call('getConsoleInboxConversation', 404, { headers: read, params: missing });
  await call('getConsoleInboxConversation', 401, { params: one });

  const events = await call('streamConsoleInbox', 200, { headers: read, stream: true });
  expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(events.text).toContain('retry:');
  await call('streamConsoleInbox', 400, { headers: { ...read, 'last-event-id': 'yesterday' } });
  await call('streamConsoleInbox', 404, { headers: read, query: '?appId=app_elsewhere' });
  await call('streamConsoleInbox', 401);

  const text = { text: 'Hello, how can I help?' };
  await call('postConsoleInboxMessage', 409, { headers: agent, params: one, body: text });
  await call('takeConsoleInboxConversation', 403, { headers: viewer, params: one });
  await call('takeConsoleInboxConversation', 403, { headers: read, params: one });
  await call('takeConsoleInboxConversation', 401, { params: one });
  await call('takeConsoleInboxConversation', 404, { headers: agent, params: missing });
  await call('takeConsoleInboxConversation', 400, {
    headers: agent,
    params: { appId, id: 'x'.repeat(65) },
  });
  await call('takeConsoleInboxConversation', 200, { headers: agent, params: one });
  await call('postConsoleInboxMessage', 201, { headers: agent, params: one, body: text });
  await call('postConsoleInboxMessage', 400, { headers: agent, params: one, body: { text: ' ' } });
  await call('postConsoleInboxMessage', 415, {
    headers: { ...agent, 'content-type': 'text/plain' },
    params: one,
    body: 'Hello',
  });
  await call('postConsoleInboxMessage', 413, {
    headers: agent,
    params: one,
    body: { text: 'x'.repeat(70_000) },
  });
  await call('postConsoleInboxMessage', 403, { headers: viewer, params: one, body: text });
  await call('postConsoleInboxMessage', 404, { headers: agent, params: missing, body: text });
  await call('postConsoleInboxMessage', 401, { params: one, body: text });
  await call('handBackConsoleInboxConversation', 200, { headers: agent, params: one });
  await call('handBackConsoleInboxConversation', 409, { headers: agent, params: one });
  await call('handBackConsoleInboxConversation', 403, { headers: viewer, params: one });
  await call('handBackConsoleInboxConversation', 404, { headers: agent, params: missing });
  await call('handBackConsoleInboxConversation', 401, { params: one });
  await call('closeConsoleInboxConversation', 403, { headers: viewer, params: one });
  await call('closeConsoleInboxConversation', 200, { headers: agent, params: one });
  await call('closeConsoleInboxConversation', 409, { headers: agent, params: one });
  await call('closeConsoleInboxConversation', 404, { headers: agent, params: missing });
  await call('closeConsoleInboxConversation', 401, { params: one });
  await call('takeConsoleInboxConversation', 409, { headers: agent, params: one });
}
