import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { createVisitor } from '../../../test/helpers/messenger-visitor.ts';
import { readSandboxCode } from '../../../test/helpers/sandbox.ts';

let phones = 0;
const nextPhone = () => `+90555300${String(1000 + phones++)}`;
let addresses = 0;
const nextIp = () => `203.0.113.${10 + addresses++}`;

describe('messenger gate', () => {
  let server: TestServer;
  let client: Client;
  let appId: string;
  let otherClient: Client;

  beforeAll(async () => {
    // The visitors' addresses arrive through a proxy on loopback, as behind a load balancer.
    server = await startServer({ env: { OTPD_TRUST_PROXY: '127.0.0.1/32' } });
    ({ client, appId } = await server.createApp('Shop'));
    ({ client: otherClient } = await server.createApp('Other'));
    const put = await client.request('PUT', '/v1/settings', {
      preferredCountry: 'TR',
      messenger: { enabled: true, askName: true, texts: { tr: { welcome: 'Merhaba!' } } },
    });
    expect(put.status).toBe(200);
  });
  afterAll(() => server.close());

  /** Phone step, then the code from the sandbox: the visitor is in the chat. */
  async function verify(
    visitor = createVisitor(server.url, appId, { ip: nextIp() }),
    phone = nextPhone(),
  ) {
    const started = await visitor.post('/verifications', { phone, name: 'Ada' });
    expect(started.status).toBe(201);
    const code = await readSandboxCode(client, started.body.id);
    const checked = await visitor.post(`/verifications/${started.body.id}/check`, { code });
    expect(checked.status).toBe(200);
    return { visitor, verificationId: started.body.id as string, checked, phone };
  }

  it("answers the page's configuration in the visitor's language, English otherwise", async () => {
    const visitor = createVisitor(server.url, appId);
    const tr = await visitor.get('/config', { 'accept-language': 'tr-TR,tr;q=0.9,en;q=0.5' });
    expect(tr.status).toBe(200);
    expect(tr.body).toMatchObject({
      appId,
      appName: 'Shop',
      authentication: 'otp',
      askName: true,
      askEmail: false,
      preferredCountry: 'TR',
      codeLength: 6,
      resendCooldownSeconds: 30,
      locale: 'tr',
    });
    expect(tr.body.texts.welcome).toBe('Merhaba!');
    expect(tr.body.texts.phoneHeader).toBe('Telefon numarası');
    const en = await visitor.get('/config?locale=ja');
    expect(en.body.texts.phoneHeader).toBe('Phone number');
  });

  it('answers 404 problems for an unknown app and for an app whose messenger is off', async () => {
    const unknown = await createVisitor(server.url, 'app_nope').get('/config');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body.code).toBe('messenger_not_found');
    const { appId: offId } = await server.createApp('Off');
    const off = await createVisitor(server.url, offId).post('/verifications', {
      phone: nextPhone(),
    });
    expect(off.status).toBe(404);
    expect(off.body.code).toBe('messenger_not_found');
  });

  it('opens the chat after the right code, with the verified phone, and shows wrong codes as attempts left', async () => {
    const visitor = createVisitor(server.url, appId, { ip: nextIp() });
    const started = await visitor.post('/verifications', { phone: '555 300 2000', name: 'Ada' });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      to: '+905553002000',
      attemptsRemaining: 5,
      codeLength: 6,
    });
    expect(visitor.cookies.has('otpd_messenger_gate')).toBe(true);
    const code = await readSandboxCode(client, started.body.id);
    const wrong = await visitor.post(`/verifications/${started.body.id}/check`, {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.body).toMatchObject({ valid: false, attemptsRemaining: 4 });
    expect(visitor.cookies.has('otpd_messenger')).toBe(false);

    const right = await visitor.post(`/verifications/${started.body.id}/check`, { code });
    expect(right.body).toMatchObject({ valid: true, status: 'approved' });
    expect(right.body.conversation).toMatchObject({
      status: 'bot',
      phone: '+905553002000',
      name: 'Ada',
      locale: 'en',
    });
    const setCookie = right.headers.getSetCookie().find((c) => c.startsWith('otpd_messenger='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(new RegExp(`Path=/messenger/${appId}/`));
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(visitor.cookies.has('otpd_messenger_gate')).toBe(false);

    const session = await visitor.get('/session');
    expect(session.status).toBe(200);
    expect(session.body.id).toBe(right.body.conversation.id);
  });

  it('refuses a stranger who knows the verification id but lacks the gate cookie, spending no attempt', async () => {
    const owner = createVisitor(server.url, appId, { ip: nextIp() });
    const started = await owner.post('/verifications', { phone: nextPhone(), name: 'Ada' });
    const code = await readSandboxCode(client, started.body.id);
    const stranger = createVisitor(server.url, appId, { ip: nextIp() });
    const stolen = await stranger.post(`/verifications/${started.body.id}/check`, { code });
    expect(stolen.status).toBe(404);
    expect(stolen.body.code).toBe('verification_not_found');
    const resend = await stranger.post(`/verifications/${started.body.id}/resend`);
    expect(resend.status).toBe(404);
    const v = await client.get(`/v1/verifications/${started.body.id}`);
    expect(v.body).toMatchObject({ status: 'pending', attempts: 0, sends: 1 });
  });

  it('refuses the third code request from one address within the hour with a sentence and Retry-After', async () => {
    const ip = nextIp();
    const first = createVisitor(server.url, appId, { ip });
    expect((await first.post('/verifications', { phone: nextPhone(), name: 'A' })).status).toBe(
      201,
    );
    expect((await first.post('/verifications', { phone: nextPhone(), name: 'A' })).status).toBe(
      201,
    );
    const third = await createVisitor(server.url, appId, { ip }).post('/verifications', {
      phone: nextPhone(),
      name: 'A',
    });
    expect(third.status).toBe(429);
    expect(third.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(3_500);
    expect(third.body).toMatchObject({ code: 'rate_limited', limit: 'messengerRequestsPerIp' });
    expect(third.body.detail).toMatch(/Try again in 60 minutes \(after \d\d:\d\d UTC\)\./);
    // Another address is not held back.
    const elsewhere = createVisitor(server.url, appId, { ip: nextIp() });
    expect((await elsewhere.post('/verifications', { phone: nextPhone(), name: 'B' })).status).toBe(
      201,
    );
  });

  it('counts a resend as a code request', async () => {
    const { appId: fastId, client: fast } = await server.createApp('Fast');
    await fast.request('PUT', '/v1/settings', {
      verification: { resendCooldownSeconds: 0 },
      messenger: { enabled: true },
    });
    const visitor = createVisitor(server.url, fastId, { ip: nextIp() });
    const started = await visitor.post('/verifications', { phone: nextPhone() });
    const resent = await visitor.post(`/verifications/${started.body.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body.id).toBe(started.body.id);
    const again = await visitor.post(`/verifications/${started.body.id}/resend`);
    expect(again.status).toBe(429);
    expect(again.body.limit).toBe('messengerRequestsPerIp');
  });

  it('follows messenger.limits.requestsPerIp', async () => {
    const { appId: id, client: c } = await server.createApp('Three');
    await c.request('PUT', '/v1/settings', {
      messenger: { enabled: true, limits: { requestsPerIp: { max: 3 } } },
    });
    const visitor = createVisitor(server.url, id, { ip: nextIp() });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await visitor.post('/verifications', { phone: nextPhone() })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('spends no request on a number that cannot receive codes', async () => {
    const visitor = createVisitor(server.url, appId, { ip: nextIp() });
    for (let i = 0; i < 3; i++) {
      const bad = await visitor.post('/verifications', { phone: '12', name: 'A' });
      expect(bad.status).toBe(400);
    }
    expect((await visitor.post('/verifications', { phone: nextPhone(), name: 'A' })).status).toBe(
      201,
    );
  });

  it('asks for the name when the app wants it', async () => {
    const visitor = createVisitor(server.url, appId, { ip: nextIp() });
    const missing = await visitor.post('/verifications', { phone: nextPhone() });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'body.name', message: 'required' }]);
  });

  it('returns to the same conversation on reload and on verifying the same phone again', async () => {
    const { visitor, checked, phone } = await verify();
    const id = checked.body.conversation.id;
    expect((await visitor.get('/session')).body.id).toBe(id);
    const again = await verify(createVisitor(server.url, appId, { ip: nextIp() }), phone);
    expect(again.checked.body.conversation.id).toBe(id);
  });

  it('ends the session on logout: the old cookie opens nothing', async () => {
    const { visitor } = await verify();
    const cookie = visitor.cookies.get('otpd_messenger');
    expect((await visitor.post('/logout')).status).toBe(204);
    const replay = createVisitor(server.url, appId);
    replay.cookies.set('otpd_messenger', cookie ?? '');
    const after = await replay.get('/session');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('messenger_session_required');
    // A cookie session is no HTTP authentication scheme: nothing to challenge the page with.
    expect(after.headers.get('www-authenticate')).toBeNull();
  });

  it("keeps one app's session out of another app's messenger (I5)", async () => {
    const { visitor } = await verify();
    const { appId: otherId, client: oc } = await server.createApp('Neighbour');
    await oc.request('PUT', '/v1/settings', { messenger: { enabled: true } });
    const intruder = createVisitor(server.url, otherId);
    intruder.cookies.set('otpd_messenger', visitor.cookies.get('otpd_messenger') ?? '');
    expect((await intruder.get('/session')).status).toBe(401);
  });

  it('opens the chat without a code when authentication is none, and refuses codes there', async () => {
    const { appId: openId, client: c } = await server.createApp('Open');
    await c.request('PUT', '/v1/settings', {
      messenger: { enabled: true, authentication: 'none' },
    });
    const visitor = createVisitor(server.url, openId);
    const opened = await visitor.post('/conversations', { name: 'Ada', locale: 'de' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ phone: null, name: 'Ada', locale: 'de', status: 'bot' });
    expect((await visitor.get('/session')).body.id).toBe(opened.body.id);
    const code = await visitor.post('/verifications', { phone: nextPhone() });
    expect(code.status).toBe(409);
    expect(code.body.code).toBe('messenger_gate_mismatch');
    const otp = await createVisitor(server.url, appId).post('/conversations', {});
    expect(otp.status).toBe(409);
  });

  it("shows a conversation to its app's key only: another app's key gets 404 (I5)", async () => {
    const { checked } = await verify();
    const id = checked.body.conversation.id;
    expect((await client.get(`/v1/conversations/${id}`)).status).toBe(200);
    const other = await otherClient.get(`/v1/conversations/${id}`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('conversation_not_found');
    expect((await otherClient.get(`/v1/conversations/${id}/messages`)).status).toBe(404);
    const write = await otherClient.post(`/v1/conversations/${id}/messages`, {
      author: 'agent',
      text: 'hi',
    });
    expect(write.status).toBe(404);
  });

  it('documents the public routes in OpenAPI without a key and the conversations API with one', async () => {
    const doc = (await client.get('/openapi.json')).body;
    const start = doc.paths['/messenger/{appId}/api/verifications'].post;
    expect(start).toMatchObject({ operationId: 'startMessengerVerification', security: [] });
    const list = doc.paths['/v1/conversations'].get;
    expect(list).toMatchObject({
      operationId: 'listConversations',
      security: [{ bearerAuth: ['conversations'] }],
    });
  });
});
