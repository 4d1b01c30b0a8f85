import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import {
  accept,
  type FakeTwilio,
  failFirst,
  startFakeTwilio,
  twilioError,
} from '../../../test/helpers/fake-twilio.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

const ACCOUNT = `AC${'7d'.repeat(16)}`;
const TOKEN = 'twilio-auth-token-e4b1c9a0f3d2';
const FROM = '+15017122661';

/** An app that delivers SMS and WhatsApp through Twilio, configured in its settings. */
describe('delivery through twilio', () => {
  let server: TestServer;
  let twilio: FakeTwilio;
  let gateway: FakeGateway;

  beforeAll(async () => {
    // The fakes listen on loopback, which the outbound guard refuses unless allowed.
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    twilio = await startFakeTwilio({ [ACCOUNT]: TOKEN });
    gateway = await startFakeGateway();
  });
  afterAll(async () => {
    await server.close();
    await twilio.close();
    await gateway.close();
  });

  const twilioEntry = (name: string, overrides: Record<string, unknown> = {}) => ({
    type: 'twilio',
    name,
    accountSid: ACCOUNT,
    authToken: TOKEN,
    from: FROM,
    baseUrl: twilio.url,
    ...overrides,
  });
  const gatewayEntry = () => ({
    type: 'http',
    name: 'gw-b',
    request: { url: `${gateway.url}/send`, body: { to: '{{to}}', text: '{{message}}' } },
  });

  async function appWith(channels: Record<string, { providers: unknown[] }>) {
    const created = await server.createApp('Twilio Shop');
    const put = await created.client.request('PUT', '/v1/settings', { channels });
    expect(put.status).toBe(200);
    return created;
  }

  async function waitForDelivery(client: Client, id: string) {
    for (let i = 0; i < 250; i++) {
      const { body } = await client.get(`/v1/verifications/${id}`);
      if (body.delivery.status !== 'queued') return body;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`verification ${id} was never delivered`);
  }

  const postsTo = (to: string) => twilio.posts.filter((p) => p.form.To?.endsWith(to));

  it('sends the SMS through Twilio and the person can use the code', async () => {
    twilio.behave(accept);
    const { client } = await appWith({ sms: { providers: [twilioEntry('tw-a')] } });
    const created = await client.post('/v1/verifications', { to: '+905551290001' });
    expect(created.status).toBe(201);
    const read = await waitForDelivery(client, created.body.id);
    expect(read.delivery).toMatchObject({ status: 'sent', provider: 'tw-a' });

    const [post, ...more] = postsTo('+905551290001');
    expect(more).toHaveLength(0);
    expect(post?.accountSid).toBe(ACCOUNT);
    expect(post?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`,
    );
    expect(post?.form).toMatchObject({ To: '+905551290001', From: FROM });
    const code = /\b(\d{6})\b/.exec(post?.form.Body ?? '')?.[1];
    expect(code).toBeDefined();
    const checked = await client.post(`/v1/verifications/${created.body.id}/check`, { code });
    expect(checked.body).toMatchObject({ valid: true, status: 'approved' });
  });

  it('sends WhatsApp with both addresses prefixed', async () => {
    twilio.behave(accept);
    const { client } = await appWith({
      whatsapp: { providers: [twilioEntry('tw-wa', { from: '+14155238886' })] },
    });
    const created = await client.post('/v1/verifications', {
      to: '+905551290002',
      channel: 'whatsapp',
    });
    const read = await waitForDelivery(client, created.body.id);
    expect(read.delivery).toMatchObject({ status: 'sent', provider: 'tw-wa' });
    expect(postsTo('+905551290002')[0]?.form).toMatchObject({
      To: 'whatsapp:+905551290002',
      From: 'whatsapp:+14155238886',
    });
  });

  it('an invalid number (21211) fails the verification without a retry', async () => {
    twilio.behave(twilioError(400, 21211));
    const { client } = await appWith({ sms: { providers: [twilioEntry('tw-a')] } });
    const created = await client.post('/v1/verifications', { to: '+905551290003' });
    const read = await waitForDelivery(client, created.body.id);
    expect(read).toMatchObject({ status: 'failed', reason: 'delivery_failed' });
    expect(read.delivery.status).toBe('failed');
    await new Promise((r) => setTimeout(r, 300));
    expect(postsTo('+905551290003')).toHaveLength(1);
  });

  it('an invalid number (21211) goes on to the next provider', async () => {
    twilio.behave(twilioError(400, 21211));
    const { client } = await appWith({
      sms: { providers: [twilioEntry('tw-a'), gatewayEntry()] },
    });
    const created = await client.post('/v1/verifications', { to: '+905551290004' });
    const read = await waitForDelivery(client, created.body.id);
    expect(read.delivery).toMatchObject({ status: 'sent', provider: 'gw-b' });
    expect(gateway.requests.some((r) => JSON.parse(r.body).to === '+905551290004')).toBe(true);
  });

  it('a 500 from Twilio is retried, and the retry delivers', async () => {
    twilio.behave(failFirst(1, { status: 500, code: 20500 }));
    const { client } = await appWith({ sms: { providers: [twilioEntry('tw-a')] } });
    const created = await client.post('/v1/verifications', { to: '+905551290005' });
    const read = await waitForDelivery(client, created.body.id);
    expect(read.delivery).toMatchObject({ status: 'sent', provider: 'tw-a' });
    expect(postsTo('+905551290005')).toHaveLength(2);
  });

  it('a wrong auth token fails at once, without a retry', async () => {
    twilio.behave(accept);
    const before = twilio.unauthorized;
    const { client } = await appWith({
      sms: { providers: [twilioEntry('tw-a', { authToken: 'not-the-token-0000' })] },
    });
    const created = await client.post('/v1/verifications', { to: '+905551290006' });
    const read = await waitForDelivery(client, created.body.id);
    expect(read).toMatchObject({ status: 'failed', reason: 'delivery_failed' });
    await new Promise((r) => setTimeout(r, 300));
    expect(twilio.unauthorized).toBe(before + 1);
  });

  it('fails over from Twilio to the http gateway while Twilio is down, for every message', async () => {
    twilio.behave(twilioError(503, 20503));
    const { client } = await appWith({
      sms: { providers: [twilioEntry('tw-a'), gatewayEntry()] },
    });
    const numbers = Array.from({ length: 5 }, (_, i) => `+90555129${String(1000 + i)}`);
    const created = await Promise.all(
      numbers.map((to) => client.post('/v1/verifications', { to })),
    );
    for (const v of created) {
      const read = await waitForDelivery(client, v.body.id);
      expect(read.delivery).toMatchObject({ status: 'sent', provider: 'gw-b' });
    }
    const reached = gateway.requests.map((r) => JSON.parse(r.body).to);
    for (const to of numbers) expect(reached).toContain(to);
  });

  it('shows the token masked and keeps it when the masked document is sent back', async () => {
    twilio.behave(accept);
    const { client } = await appWith({ sms: { providers: [twilioEntry('tw-a')] } });
    const shown = await client.get('/v1/settings');
    expect(shown.text).not.toContain(TOKEN);
    const [entry] =
      shown.body.settings?.channels.sms.providers ?? shown.body.channels.sms.providers;
    expect(entry).toMatchObject({ type: 'twilio', accountSid: ACCOUNT, authToken: '••••f3d2' });

    expect((await client.request('PUT', '/v1/settings', shown.body)).status).toBe(200);
    const created = await client.post('/v1/verifications', { to: '+905551290007' });
    const read = await waitForDelivery(client, created.body.id);
    expect(read.delivery).toMatchObject({ status: 'sent', provider: 'tw-a' });
    expect(postsTo('+905551290007')[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`,
    );
  });

  it('keeps the token, the codes, the bodies and the numbers out of the logs', () => {
    const output = server.logs.join('');
    expect(output).toContain('message sent');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64'));
    for (const post of twilio.posts) {
      const code = /\b(\d{6})\b/.exec(post.form.Body ?? '')?.[1] ?? 'none';
      expect(output).not.toContain(code);
      expect(output).not.toContain(post.form.Body);
      expect(output).not.toContain(post.form.To?.replace('whatsapp:', ''));
    }
  });
});
