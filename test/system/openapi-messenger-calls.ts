import { expect } from 'vitest';
import type { FakeClock } from '../helpers/fake-clock.ts';
import type { TestServer } from '../helpers/harness.ts';
import { createClient } from '../helpers/http-client.ts';
import type { CallOperation, Exchange } from './openapi-context.ts';

/** The browser's side of the cookies: what otpd sets is sent back, what it clears is gone. */
function cookieJar() {
  const jar = new Map<string, string>();
  return {
    keep(exchange: Exchange) {
      for (const line of exchange.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at);
        const value = pair.slice(at + 1);
        if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
        else jar.set(name, value);
      }
      return exchange;
    },
    get: (name: string) => jar.get(name),
    header: () => ({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }),
  };
}

/** Polls `read` every 20 ms until it gives something. */
async function until<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('never came');
}

/** The code of the newest sandbox message of a verification that is not `previous`. */
async function newCode(server: TestServer, apiKey: string, id: string, previous?: string) {
  const client = createClient(server.url, apiKey);
  for (let i = 0; i < 250; i++) {
    const code = await server.readCode(client, id);
    if (code !== previous) return code;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no new code for ${id}`);
}

/**
 * The web messenger as its page uses it (phone gate, session cookie, chat, events), and the
 * conversations API as a bot uses it, on apps of their own so the other groups' settings
 * stay put.
 */
export async function exerciseMessenger(
  server: TestServer,
  clock: FakeClock,
  call: CallOperation,
): Promise<void> {
  const otp = await server.createApp('Documented Messenger');
  const put = await otp.client.request('PUT', '/v1/settings', {
    // The messenger channel delivers into the app's own chats.
    channels: { messenger: { providers: [{ type: 'webMessenger' }] } },
    messenger: {
      enabled: true,
      authentication: 'otp',
      limits: { requestsPerIp: { max: 4, windowSeconds: 3_600 } },
    },
  });
  expect(put.status, put.text).toBe(200);
  const app = { appId: otp.appId };
  const bearer = `Bearer ${otp.apiKey}`;
  const browser = cookieJar();
  const json = { 'content-type': 'application/json' };

  await call('getMessengerConfig', 200, { params: app, query: '?locale=tr' });
  await call('getMessengerConfig', 400, { params: app, query: '?locale=not a tag' });
  await call('getMessengerConfig', 404, { params: { appId: 'app_missing' } });

  // Refused before the per-IP rule counts anything.
  await call('startMessengerVerification', 400, { params: app, body: { phone: '12' } });
  await call('startMessengerVerification', 400, { params: app, body: '{"phone": ', headers: json });
  await call('startMessengerVerification', 415, {
    params: app,
    body: 'phone=+905551620000',
    headers: { 'content-type': 'text/plain' },
  });
  await call('startMessengerVerification', 413, {
    params: app,
    body: { phone: '+905551620000', name: 'x'.repeat(70_000) },
  });
  await call('startMessengerVerification', 404, {
    params: { appId: 'app_missing' },
    body: { phone: '+905551620000' },
  });
  const started = browser.keep(
    await call('startMessengerVerification', 201, {
      params: app,
      body: { phone: '+905551620001' },
    }),
  );
  const gate = { ...app, id: started.body.id as string };
  const first = await newCode(server, otp.apiKey, gate.id);
  const wrong = first === '000000' ? '111111' : '000000';

  await call('checkMessengerVerification', 404, { params: gate, body: { code: first } });
  await call('checkMessengerVerification', 400, {
    params: gate,
    body: { code: 5 },
    headers: browser.header(),
  });
  const missed = await call('checkMessengerVerification', 200, {
    params: gate,
    body: { code: wrong },
    headers: browser.header(),
  });
  expect(missed.body.valid).toBe(false);

  await call('resendMessengerVerification', 429, { params: gate, headers: browser.header() });
  clock.advance(31_000);
  await call('resendMessengerVerification', 200, { params: gate, headers: browser.header() });
  await call('resendMessengerVerification', 404, { params: gate });
  const code = await newCode(server, otp.apiKey, gate.id, first);
  const gateCookie = browser.header();
  const opened = browser.keep(
    await call('checkMessengerVerification', 200, {
      params: gate,
      body: { code },
      headers: browser.header(),
    }),
  );
  expect(opened.body.valid).toBe(true);
  const conversationId: string = opened.body.conversation.id;
  // Approved: its gate pass still names it, but it takes no more codes.
  await call('resendMessengerVerification', 409, { params: gate, headers: gateCookie });
  // The per-IP rule counts every request for a code, refused ones included: its 4 are spent.
  const limited = await call('startMessengerVerification', 429, {
    params: app,
    body: { phone: '+905551620002' },
  });
  expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  await call('openMessengerConversation', 409, { params: app, body: {} });

  const session = { params: app, headers: browser.header() };
  await call('getMessengerSession', 200, session);
  await call('getMessengerSession', 401, { params: app });
  await call('getMessengerSession', 404, { params: { appId: 'app_missing' } });
  await call('postMessengerMessage', 201, { ...session, body: { text: 'Hello' } });
  await call('postMessengerMessage', 400, { ...session, body: { text: ' ' } });
  await call('postMessengerMessage', 401, { params: app, body: { text: 'Hello' } });
  await call('postMessengerMessage', 415, {
    ...session,
    body: 'Hello',
    headers: { ...session.headers, 'content-type': 'text/plain' },
  });
  await call('listMessengerMessages', 200, { ...session, query: '?after=0&limit=10' });
  await call('listMessengerMessages', 400, { ...session, query: '?limit=0' });
  await call('listMessengerMessages', 401, { params: app });
  const events = await call('streamMessengerEvents', 200, { ...session, stream: true });
  expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(events.text).toContain('retry:');
  await call('streamMessengerEvents', 401, { params: app });
  await call('streamMessengerEvents', 400, {
    ...session,
    headers: { ...session.headers, 'last-event-id': 'yesterday' },
  });

  // The bot's side, with the messenger app's key.
  const conversation = { id: conversationId };
  const listed = await call('listConversations', 200, { auth: bearer, query: '?status=bot' });
  expect(listed.body.data.map((c: { id: string }) => c.id)).toContain(conversationId);
  await call('listConversations', 400, { auth: bearer, query: '?phone=0555' });
  await call('listConversations', 401, { auth: 'none' });
  await call('getConversation', 200, { auth: bearer, params: conversation });
  await call('getConversation', 404, { auth: bearer, params: { id: 'conv_missing' } });
  await call('getConversation', 401, { auth: 'none', params: conversation });
  await call('listConversationMessages', 200, { auth: bearer, params: conversation });
  await call('listConversationMessages', 404, { auth: bearer, params: { id: 'conv_missing' } });
  const reply = await call('postConversationMessage', 201, {
    auth: bearer,
    params: conversation,
    body: {
      author: 'bot',
      text: 'How can I help?',
      buttons: [{ type: 'postback', title: 'Talk to a person', payload: 'HUMAN' }],
    },
  });
  await call('postConversationMessage', 400, {
    auth: bearer,
    params: conversation,
    body: { author: 'bot' },
  });
  await call('postConversationMessage', 404, {
    auth: bearer,
    params: { id: 'conv_missing' },
    body: { author: 'bot', text: 'Hi' },
  });

  await call('pressMessengerButton', 201, {
    ...session,
    body: { messageId: reply.body.id, payload: 'HUMAN' },
  });
  await call('pressMessengerButton', 404, {
    ...session,
    body: { messageId: reply.body.id, payload: 'ADMIN' },
  });
  await call('pressMessengerButton', 400, { ...session, body: { payload: 'HUMAN' } });
  await call('pressMessengerButton', 401, {
    params: app,
    body: { messageId: reply.body.id, payload: 'HUMAN' },
  });

  // A code the messenger channel delivered into the chat, confirmed there.
  await otp.client.post('/v1/verifications', { to: conversationId, channel: 'messenger' });
  const delivered = await until(async () => {
    const listed = await otp.client.get(`/v1/conversations/${conversationId}/messages`);
    return listed.body.data.find((m: { verification: unknown }) => m.verification);
  });
  const codeMessage = { params: { ...app, messageId: delivered.id }, headers: session.headers };
  const confirmed = await call('confirmMessengerCode', 200, {
    ...codeMessage,
    body: { code: '0' },
  });
  expect(confirmed.body.valid).toBe(false);
  await call('confirmMessengerCode', 404, {
    ...session,
    params: { ...app, messageId: reply.body.id },
    body: { code: '123456' },
  });
  await call('confirmMessengerCode', 400, { ...codeMessage, body: { code: 5 } });
  await call('confirmMessengerCode', 401, { params: codeMessage.params, body: { code: '1' } });
  await call('requestMessengerAgent', 200, session);
  await call('requestMessengerAgent', 401, { params: app });
  await call('handOverConversation', 200, { auth: bearer, params: conversation });
  await call('handOverConversation', 404, { auth: bearer, params: { id: 'conv_missing' } });
  await call('handOverConversation', 401, { auth: 'none', params: conversation });

  // Ended from the page: the conversation takes nothing more, from anyone.
  await call('endMessengerChat', 200, session);
  await call('endMessengerChat', 409, session);
  await call('endMessengerChat', 401, { params: app });
  await call('postMessengerMessage', 409, { ...session, body: { text: 'Still there?' } });
  await call('postConversationMessage', 409, {
    auth: bearer,
    params: conversation,
    body: { author: 'agent', text: 'Hello?' },
  });
  await call('closeConversation', 409, { auth: bearer, params: conversation });
  await call('closeConversation', 404, { auth: bearer, params: { id: 'conv_missing' } });
  await call('closeConversation', 401, { auth: 'none', params: conversation });

  browser.keep(await call('endMessengerSession', 204, session));
  await call('endMessengerSession', 404, { params: { appId: 'app_missing' } });
  // The cookie the browser kept works no more.
  await call('getMessengerSession', 401, session);

  // Authentication `none`: the chat opens at once, and no code is sent.
  const open = await server.createApp('Documented Open Messenger');
  const opened2 = await open.client.request('PUT', '/v1/settings', {
    messenger: { enabled: true, authentication: 'none' },
  });
  expect(opened2.status, opened2.text).toBe(200);
  const walkIn = await call('openMessengerConversation', 201, {
    params: { appId: open.appId },
    body: { name: 'Ada' },
  });
  await call('closeConversation', 200, {
    auth: `Bearer ${open.apiKey}`,
    params: { id: walkIn.body.id },
  });
  await call('openMessengerConversation', 400, {
    params: { appId: open.appId },
    body: { email: 'not-an-email' },
  });
  await call('startMessengerVerification', 409, {
    params: { appId: open.appId },
    body: { phone: '+905551620003' },
  });
}
