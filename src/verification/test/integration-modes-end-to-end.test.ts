import { describe, expect, it } from 'vitest';
import { startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { type ModesTestbed, useModes } from './integration-modes-fixture.ts';

/**
 * The three integration modes end to end, with the same guarantees in each: who sends the
 * code and who checks it changes; attempts, expiry, statuses, webhooks and the message log do
 * not.
 */
describe('integration modes', () => {
  let server: ModesTestbed['server'];
  let gateway: ModesTestbed['gateway'];
  let service: ModesTestbed['service'];
  const {
    clock,
    nextNumber,
    codeGateway,
    codeMaker,
    codeChecker,
    appWith,
    delivered,
    check,
    scenario,
  } = useModes((testbed) => ({ server, gateway, service } = testbed));

  it('mode 1: otpd makes, sends (sandbox) and checks the code', async () => {
    const client = await appWith({});
    await scenario(client, (_to, id) => server.readCode(client, id), 'console');
  });

  it('mode 2: a third-party gateway sends the code otpd made; otpd checks it', async () => {
    const client = await appWith({ channels: { sms: { providers: [codeGateway()] } } });
    const before = gateway.requests.length;
    await scenario(
      client,
      async () => JSON.parse(gateway.requests.slice(before)[0]?.body ?? '{}').otp,
      'gw',
    );
    expect(gateway.requests[before]?.headers['x-gateway-key']).toBe('mode-two-gateway-key');
  });

  it('mode 3: a third-party service makes, sends and checks its own code', async () => {
    service.validator('honest');
    const client = await appWith({
      channels: { sms: { providers: [codeMaker()] } },
      validator: codeChecker(),
    });
    const sendsBefore = service.sendBodies.length;
    const { id, to } = await scenario(client, async (to) => service.codeFor(to).code, 'maker');
    // The sender was given no code; the validator was asked by the sender's reference.
    const sendBody = JSON.parse(service.sendBodies[sendsBefore] ?? '{}');
    expect(sendBody).toEqual({ to, id });
    const asked = service.checkBodies.slice(-2).map((b) => JSON.parse(b));
    expect(asked.map((b) => b.reference)).toEqual([
      service.codeFor(to).reference,
      service.codeFor(to).reference,
    ]);
    // otpd kept no code of its own for it, and none travelled through its outbox.
    const stored = await server.deps.store.getVerification(
      (await client.get(`/v1/verifications/${id}`)).body.appId,
      id,
    );
    expect(stored).toMatchObject({
      externalCode: true,
      codeHash: '',
      codeReference: service.codeFor(to).reference,
    });
  });

  it('mode 3: wrong codes spend the attempts exactly as otpd codes do', async () => {
    service.validator('failure');
    const client = await appWith({
      channels: { sms: { providers: [codeMaker()] } },
      validator: codeChecker(),
      verification: { maxAttempts: 2 },
    });
    const created = await client.post('/v1/verifications', { to: nextNumber() });
    await delivered(client, created.body.id);
    const first = await check(client, created.body.id, '111111');
    expect(first.body).toMatchObject({ valid: false, reason: 'incorrect_code' });
    const second = await check(client, created.body.id, '222222');
    expect(second.body).toMatchObject({
      valid: false,
      status: 'max_attempts_reached',
      reason: 'max_attempts_reached',
      attemptsRemaining: 0,
    });
    // Spent: even a validator that would say yes is not asked again.
    service.validator('success');
    const asked = service.checkBodies.length;
    const third = await check(client, created.body.id, '333333');
    expect(third.body).toMatchObject({ valid: false, reason: 'max_attempts_reached' });
    expect(service.checkBodies.length).toBe(asked);
  });

  it.each([
    ['garbage', 'unreadable_answer'],
    ['error', 'http_503'],
    ['slow', 'timeout'],
  ] as const)(
    'mode 3: a validator answering %s gets 503 and spends no attempt',
    async (mode, cause) => {
      service.validator('honest');
      const client = await appWith({
        channels: { sms: { providers: [codeMaker()] } },
        validator: codeChecker(),
      });
      const to = nextNumber();
      const created = await client.post('/v1/verifications', { to });
      await delivered(client, created.body.id);
      const code = service.codeFor(to).code;

      service.validator(mode);
      const refused = await check(client, created.body.id, code);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'validator_unavailable', cause });
      const after = await client.get(`/v1/verifications/${created.body.id}`);
      expect(after.body).toMatchObject({ status: 'pending', attempts: 0, attemptsRemaining: 5 });

      // Once the validator answers again, the same code still works.
      service.validator('honest');
      const hit = await check(client, created.body.id, code);
      expect(hit.body).toMatchObject({ valid: true, status: 'approved' });
    },
  );

  it('mode 3: a resend asks the sender again and the new reference replaces the old', async () => {
    service.validator('honest');
    const client = await appWith({
      channels: { sms: { providers: [codeMaker()] } },
      validator: codeChecker(),
    });
    const to = nextNumber();
    const created = await client.post('/v1/verifications', { to });
    await delivered(client, created.body.id);
    const first = service.codeFor(to);
    clock.advance(30_000);
    const resent = await client.post(`/v1/verifications/${created.body.id}/resend`);
    expect(resent.status).toBe(200);
    await delivered(client, created.body.id);
    const second = service.codeFor(to);
    expect(second.reference).not.toBe(first.reference);
    if (first.code !== second.code) {
      const old = await check(client, created.body.id, first.code);
      expect(old.body).toMatchObject({ valid: false, reason: 'incorrect_code' });
    }
    const hit = await check(client, created.body.id, second.code);
    expect(hit.body).toMatchObject({ valid: true, status: 'approved' });
    expect(JSON.parse(service.checkBodies.at(-1) ?? '{}').reference).toBe(second.reference);
  });

  it('mode 3: an expired verification is expired without asking the validator', async () => {
    service.validator('success');
    const client = await appWith({
      channels: { sms: { providers: [codeMaker()] } },
      validator: codeChecker(),
    });
    const created = await client.post('/v1/verifications', { to: nextNumber(), ttlSeconds: 60 });
    await delivered(client, created.body.id);
    clock.advance(61_000);
    const asked = service.checkBodies.length;
    const late = await check(client, created.body.id, '123456');
    expect(late.body).toMatchObject({ valid: false, status: 'expired', reason: 'expired' });
    expect(service.checkBodies.length).toBe(asked);
  });

  it('announces the same lifecycle events to webhooks in every mode', async () => {
    service.validator('honest');
    const receiver = await startFakeGateway(() => ({ status: 204 }));
    const webhooks = [
      {
        url: `${receiver.url}/hooks`,
        events: ['verification.created', 'message.sent', 'verification.approved'],
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      },
    ];
    try {
      const modes = [
        {
          settings: {},
          codeOf: (client: Client, _to: string, id: string) => server.readCode(client, id),
          provider: 'console',
        },
        {
          settings: { channels: { sms: { providers: [codeMaker()] } }, validator: codeChecker() },
          codeOf: async (_client: Client, to: string) => service.codeFor(to).code,
          provider: 'maker',
        },
      ];
      for (const mode of modes) {
        const client = await appWith({ ...mode.settings, webhooks });
        const { id } = await scenario(
          client,
          (to, vid) => mode.codeOf(client, to, vid),
          mode.provider,
        );
        const typesOf = () =>
          receiver.requests
            .map((r) => JSON.parse(r.body))
            .filter((e) => (e.data.id ?? e.data.verificationId) === id)
            .map((e) => e.type);
        for (let i = 0; i < 250 && typesOf().length < 3; i++) {
          await new Promise((r) => setTimeout(r, 20));
        }
        // Standard Webhooks promise no order: events sent in one round may arrive in any.
        expect(typesOf().sort(), mode.provider).toEqual([
          'message.sent',
          'verification.approved',
          'verification.created',
        ]);
      }
    } finally {
      await receiver.close();
    }
  });
  it('keeps codes, references and service keys out of the logs', () => {
    const output = server.logs.join('');
    expect(output).toContain('validator gave no verdict');
    for (const made of service.sent) expect(output).not.toContain(made.code);
    expect(output).not.toContain('mode-three-validator-key');
    expect(output).not.toContain('mode-three-sender-key');
    expect(output).not.toContain('mode-two-gateway-key');
  });
});
