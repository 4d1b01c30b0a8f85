import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

const QUOTED = '"Ada Lovelace"@example.com';

describe('email destinations on POST /v1/verifications', () => {
  let server: TestServer;
  let lenient: TestServer;
  beforeAll(async () => {
    server = await startServer({ dispatcher: false });
    lenient = await startServer({
      dispatcher: false,
      env: { OTPD_EMAIL_ALLOW_QUOTED_LOCAL_PART: 'true' },
    });
  });
  afterAll(async () => {
    await server.close();
    await lenient.close();
  });

  it('refuses what a mail system would read differently: display names, IP literals, quotes, comments', async () => {
    const { client } = await server.createApp();
    for (const to of [
      'Ada <ada@example.com>',
      'ada@[192.0.2.1]',
      QUOTED,
      'ada@example.com (home)',
      'ada@example',
      `${'a'.repeat(65)}@example.com`,
    ]) {
      const answer = await client.post('/v1/verifications', { to, channel: 'email' });
      expect(answer.status, `${to}: ${answer.text}`).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.code).toBe('invalid_recipient');
      expect(answer.body.errors).toEqual([{ field: 'to', message: answer.body.detail }]);
    }
    const plain = await client.post('/v1/verifications', {
      to: 'Ada.Lovelace@Example.com',
      channel: 'email',
    });
    expect(plain.status, plain.text).toBe(201);
    expect(plain.body.to).toBe('ada.lovelace@example.com');
  });

  it('accepts a quoted local part once OTPD_EMAIL_ALLOW_QUOTED_LOCAL_PART is true', async () => {
    const { client } = await lenient.createApp();
    const answer = await client.post('/v1/verifications', { to: QUOTED, channel: 'email' });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.to).toBe('"ada lovelace"@example.com');
    const literal = await client.post('/v1/verifications', {
      to: 'ada@[192.0.2.1]',
      channel: 'email',
    });
    expect(literal.body.code).toBe('invalid_recipient');
  });
});
