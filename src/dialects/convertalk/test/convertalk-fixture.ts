import { expect } from 'vitest';
import type { FakeClock } from '../../../../test/helpers/fake-clock.ts';
import { type FakeTwilio, startFakeTwilio } from '../../../../test/helpers/fake-twilio.ts';
import { startServer, type TestServer } from '../../../../test/helpers/harness.ts';
import type { Client } from '../../../../test/helpers/http-client.ts';

/*
 * What the convertalk-*.test.ts files share. Convertalk's chatbot flow: a "Send OTP" API step
 * posts the Twilio credentials and the person's number; a "Verify OTP" step posts the saved
 * `systemOtp` with what the person typed. The payloads are the ones Convertalk's
 * user-authentication guide documents.
 */

export const ACCOUNT = `AC${'5e'.repeat(16)}`;
export const TOKEN = 'convertalk-twilio-token-9f81c2d7';
export const FROM = '+15017122661';
export const SEND = '/convertalk/integrations/custom-feature/send-otp-sms';
export const VERIFY = '/convertalk/integrations/custom-feature/verify-user-otp';

/** Polls the message log of a verification until it holds an entry. */
export async function loggedAttempt(client: Client, id: string) {
  for (let i = 0; i < 250; i++) {
    const { body } = await client.get(`/v1/verifications/${id}/messages`);
    if (body.data.length > 0) return body.data;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`verification ${id} has no logged attempt`);
}

/** The documented send body; `overrides` replace fields. */
export const sendBody = (toNumber: string, overrides: Record<string, unknown> = {}) => ({
  accountSID: ACCOUNT,
  authToken: TOKEN,
  fromNumber: FROM,
  toNumber,
  ...overrides,
});

export type ConvertalkApp = Awaited<ReturnType<typeof startConvertalkApp>>;

/** otpd on `clock` with the app `Chat Shop`, whose Convertalk dialect calls a fake Twilio. */
export async function startConvertalkApp(clock: FakeClock) {
  const server: TestServer = await startServer({
    clock,
    env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' },
  });
  const twilio: FakeTwilio = await startFakeTwilio({ [ACCOUNT]: TOKEN });
  const created = await server.createApp('Chat Shop');
  const client = created.client;
  const appId = created.appId;
  const put = await client.request('PUT', '/v1/settings', {
    dialects: { convertalk: { twilioBaseUrl: twilio.url } },
  });
  expect(put.status, put.text).toBe(200);

  let numbers = 0;
  /** A fresh destination per send, so no per-destination limit is involved. */
  const nextNumber = () => `+90555127${String(1000 + numbers++)}`;

  /** Sends a code and reads it from what Twilio received. */
  async function sendCode(as: Client = client) {
    const to = nextNumber();
    const sent = await as.post(SEND, sendBody(to));
    expect(sent.status, sent.text).toBe(200);
    const post = twilio.posts.filter((p) => p.form.To === to).at(-1);
    const code = /\b(\d{6})\b/.exec(post?.form.Body ?? '')?.[1];
    if (!code) throw new Error(`no code sent to ${to}`);
    return { to, code, answer: sent.body };
  }

  return { server, twilio, client, appId, nextNumber, sendCode };
}
