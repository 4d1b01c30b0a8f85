import { describe, expect, it } from 'vitest';
import {
  answer,
  type FakeGateway,
  hang,
  startFakeGateway,
} from '../../../test/helpers/fake-gateway.ts';
import { createOutboundClient } from '../../outbound/guarded-client.ts';
import { API_KEY, failure, message, useHttpGateway } from './http-provider-fixture.ts';

let gateway: FakeGateway;
const { logger, provider } = useHttpGateway((started) => {
  gateway = started;
});

describe('http provider against a fake gateway', () => {
  describe('success rules', () => {
    const rule = {
      success: { jsonPointer: '/status/ok', equals: true, bodyNotContains: 'INSUFFICIENT' },
      messageIdPointer: '/messages/0/id',
    };

    it('accepts an answer that meets every rule and reads a nested id', async () => {
      gateway.behave(answer(202, { status: { ok: true }, messages: [{ id: 98765 }] }));
      await expect(provider(rule).send(message)).resolves.toMatchObject({
        providerMessageId: '98765',
      });
    });

    it.each([
      ['the pointer holds another value', { status: { ok: false } }],
      ['the pointer finds nothing', { ok: true }],
      ['the body says it failed', { status: { ok: true }, error: 'INSUFFICIENT balance' }],
      ['the body is not JSON', 'OK'],
    ])('refuses a 200 where %s, without retrying', async (_name, body) => {
      gateway.behave(answer(200, body));
      const error = await failure(provider(rule).send(message));
      expect(error).toMatchObject({ code: 'success_rule_failed', retryable: false });
    });

    it('checks bodyContains on a text answer', async () => {
      const textRule = { success: { bodyContains: 'ACCEPTED' } };
      gateway.behave(answer(200, 'STATUS: ACCEPTED id=1'));
      await expect(provider(textRule).send(message)).resolves.toMatchObject({
        providerMessageId: null,
      });
      gateway.behave(answer(200, 'STATUS: REJECTED'));
      expect((await failure(provider(textRule).send(message))).code).toBe('success_rule_failed');
    });

    it('refuses a 2xx status the config does not list', async () => {
      gateway.behave(answer(204));
      const error = await failure(provider({ success: { status: [200] } }).send(message));
      expect(error).toMatchObject({ code: 'http_204', retryable: false });
    });
  });

  describe('error classification', () => {
    it.each([
      [500, true],
      [503, true],
      [429, true],
      [408, true],
      [400, false],
      [401, false],
      [404, false],
      [302, false],
    ])('HTTP %i: retryable %s', async (status, retryable) => {
      gateway.behave(answer(status, { error: 'nope' }, { location: 'http://127.0.0.1:1/' }));
      const error = await failure(provider().send(message));
      expect(error).toMatchObject({ code: `http_${status}`, retryable });
      expect(gateway.requests).toHaveLength(1);
    });

    it('a hanging gateway times out, retryably', async () => {
      gateway.behave(hang);
      const started = Date.now();
      const error = await failure(provider({ timeoutMs: 300 }).send(message));
      expect(error).toMatchObject({ code: 'timeout', retryable: true });
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('a gateway that is down fails the connection, retryably', async () => {
      const down = await startFakeGateway();
      const url = `${down.url}/send`;
      await down.close();
      const error = await failure(provider({ request: { url } }).send(message));
      expect(error).toMatchObject({ code: 'connection_failed', retryable: true });
    });

    it('a gateway on a blocked address is refused without retrying', async () => {
      const guarded = createOutboundClient({ allowNetworks: [], logger });
      const error = await failure(provider({}, { outbound: guarded }).send(message));
      expect(error).toMatchObject({ code: 'blocked_address', retryable: false });
      expect(gateway.requests).toHaveLength(0);
    });

    it('refuses a URL that a var turns invalid, before sending anything', async () => {
      for (const encoding of ['json', 'query']) {
        const gw = provider({
          request: { url: 'http://{{host}}/send', encoding, body: { to: '{{to}}' } },
          vars: { apiKey: API_KEY, host: 'gw example' },
        });
        const error = await failure(gw.send(message));
        expect(error).toMatchObject({ code: 'invalid_url', retryable: false });
      }
      expect(gateway.requests).toHaveLength(0);
    });

    it('refuses to send {{code}} when the dispatcher did not pass the code', async () => {
      const gw = provider({ request: { body: { otp: '{{code}}' } } });
      const error = await failure(gw.send({ ...message, code: undefined }));
      expect(error).toMatchObject({ code: 'code_unavailable', retryable: false });
      expect(gateway.requests).toHaveLength(0);
    });
  });
});
