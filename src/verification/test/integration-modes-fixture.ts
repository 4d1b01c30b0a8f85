import { afterAll, beforeAll, expect } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import {
  type FakeCodeService,
  startFakeCodeService,
} from '../../../test/helpers/fake-code-service.ts';
import { type FakeGateway, startFakeGateway, succeed } from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

/*
 * What the integration-modes-*.test.ts files share: a server on a fake clock, mode 2's gateway,
 * mode 3's code service, the senders and validator that reach them, and one scenario that every
 * mode runs with the same guarantees.
 */

/** What the tests of an integration modes file act on. */
export interface ModesTestbed {
  server: TestServer;
  /** Mode 2's gateway, which is given otpd's code. */
  gateway: FakeGateway;
  /** Mode 3's service, which makes, sends and checks its own code. */
  service: FakeCodeService;
}

/**
 * Starts the server and both fakes before the calling file's tests (handed to `bind`), and
 * closes them after; returns the senders, the validator and the steps the tests share.
 */
export function useModes(bind: (testbed: ModesTestbed) => void) {
  const clock = createFakeClock();
  let server: TestServer;
  let gateway: FakeGateway;
  let service: FakeCodeService;
  let numbers = 0;
  const nextNumber = () => `+90555129${String(1000 + numbers++)}`;

  beforeAll(async () => {
    server = await startServer({ clock, env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    gateway = await startFakeGateway(succeed);
    service = await startFakeCodeService();
    bind({ server, gateway, service });
  });
  afterAll(async () => {
    await server.close();
    await gateway.close();
    await service.close();
  });

  /** Mode 2's sender: a gateway that is given otpd's code. */
  const codeGateway = () => ({
    type: 'http',
    name: 'gw',
    request: {
      url: `${gateway.url}/send`,
      headers: { 'X-Gateway-Key': 'mode-two-gateway-key' },
      body: { to: '{{to}}', otp: '{{code}}' },
    },
    success: { status: [200], jsonPointer: '/ok', equals: true },
  });

  /** Mode 3's sender: a service that makes its own code and names it `ref-N`. */
  const codeMaker = () => ({
    type: 'http',
    name: 'maker',
    request: {
      url: `${service.url}/send`,
      headers: { 'X-Service-Key': 'mode-three-sender-key' },
      body: { to: '{{to}}', id: '{{verificationId}}' },
    },
    success: { status: [200], jsonPointer: '/ok', equals: true },
    generatesCode: true,
    referencePointer: '/ref',
  });

  /** Mode 3's validator: the same service, asked by reference. */
  const codeChecker = (timeoutMs = 300) => ({
    type: 'http',
    request: {
      url: `${service.url}/check`,
      headers: { 'X-Service-Key': 'mode-three-validator-key' },
      body: { reference: '{{reference}}', code: '{{code}}', to: '{{to}}' },
    },
    success: { status: [200], jsonPointer: '/valid', equals: true },
    timeoutMs,
  });

  async function appWith(settings: object): Promise<Client> {
    const { client } = await server.createApp('Modes Shop');
    const put = await client.request('PUT', '/v1/settings', settings);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    return client;
  }

  async function delivered(client: Client, id: string) {
    for (let i = 0; i < 250; i++) {
      const { body } = await client.get(`/v1/verifications/${id}`);
      if (body.delivery.status !== 'queued') return body;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`verification ${id} was never delivered`);
  }

  async function messagesOf(client: Client, id: string) {
    for (let i = 0; i < 250; i++) {
      const { body } = await client.get(`/v1/verifications/${id}/messages`);
      if (body.data.length > 0) return body.data;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no message log entry for ${id}`);
  }

  const check = (client: Client, id: string, code: string) =>
    client.post(`/v1/verifications/${id}/check`, { code });

  /** Runs one mode through the same scenario and returns what the person saw. */
  async function scenario(
    client: Client,
    codeOf: (to: string, id: string) => Promise<string>,
    provider: string,
  ) {
    const to = nextNumber();
    const created = await client.post('/v1/verifications', { to });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const read = await delivered(client, id);
    expect(read.delivery).toMatchObject({ status: 'sent', provider });
    const code = await codeOf(to, id);
    const wrong = code === '000000' ? '000001' : '000000';

    const miss = await check(client, id, wrong);
    expect(miss.body).toMatchObject({
      valid: false,
      status: 'pending',
      reason: 'incorrect_code',
      attemptsRemaining: 4,
    });
    const hit = await check(client, id, code);
    expect(hit.body).toMatchObject({ valid: true, status: 'approved', attemptsRemaining: 3 });
    const again = await check(client, id, code);
    expect(again.body).toMatchObject({ valid: false, reason: 'already_approved' });
    const [entry] = await messagesOf(client, id);
    expect(entry).toMatchObject({ provider, status: 'sent' });
    return { id, to };
  }

  return {
    clock,
    nextNumber,
    codeGateway,
    codeMaker,
    codeChecker,
    appWith,
    delivered,
    check,
    scenario,
  };
}
